using SpecialistRegistry.Auth;
using SpecialistRegistry.Files;
using SpecialistRegistry.Web;

namespace SpecialistRegistry.Features.Filings;

/// <summary>
/// GET /filings/{id}/export.csv|.xlsx for Firm HR (their own firm's filings: the context's firm scope makes any
/// other "not found") and regulators (any). Audited before the first byte is sent.
/// </summary>
public static class FilingEndpoints
{
    public static IEndpointRouteBuilder MapFilingFiles(this IEndpointRouteBuilder app)
    {
        var filings = app.MapGroup("/filings").RequireAuthorization(Policies.ReadFilings);
        foreach (var format in Enum.GetValues<TableFormat>())
        {
            filings.MapGet($"/{{id:guid}}/export.{format.Extension()}", async (Guid id, FilingExportService export, HttpContext http) =>
                await export.RecordExportAsync(id, format, http.RequestAborted) is { } fileName
                    ? TableDownload.Stream(format, fileName, (body, _) => export.WriteAsync(id, format, body, http.RequestAborted))
                    : Results.NotFound()).RequireRateLimiting(RateLimitPolicies.Export);
        }
        return app;
    }
}
