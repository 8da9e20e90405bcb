using SpecialistRegistry.Auth;
using SpecialistRegistry.Domain;
using SpecialistRegistry.Files;
using SpecialistRegistry.Files.Roster;

namespace SpecialistRegistry.Features.Roster.Export;

/// <summary>
/// GET endpoints for the roster files: the firm's export and the two templates, for Firm HR only. The export
/// goes through the normal context factory, so it is narrowed to the user's firm like every other query.
/// </summary>
public static class RosterFileEndpoints
{
    public static IEndpointRouteBuilder MapRosterFiles(this IEndpointRouteBuilder app)
    {
        var roster = app.MapGroup("/roster").RequireAuthorization(Policies.EditRoster);
        foreach (var format in Enum.GetValues<TableFormat>())
        {
            roster.MapGet($"/export.{format.Extension()}", async (RosterExportService export, TimeProvider clock, HttpContext http) =>
            {
                if (await RecordAsync(export, format, http.RequestAborted) is { } refused)
                    return refused;
                return TableDownload.Stream(format, $"roster-{clock.GetUtcNow():yyyy-MM-dd}.{format.Extension()}",
                    (body, _) => export.WriteAsync(format, body, http.RequestAborted));
            });
            roster.MapGet($"/template.{format.Extension()}", (HttpContext http) =>
                TableDownload.Stream(format, $"roster-template.{format.Extension()}", async (body, _) =>
                {
                    await using var writer = await TableWriter.CreateAsync(format, body, http.RequestAborted);
                    await RosterFileWriter.WriteAsync(writer, () => new[] { RosterTemplates.Example() }.ToAsyncEnumerable(),
                        withExplanations: true, http.RequestAborted);
                }));
        }
        return app;
    }

    private static async Task<IResult?> RecordAsync(RosterExportService export, TableFormat format, CancellationToken ct)
    {
        try
        {
            await export.RecordExportAsync(format, ct);
            return null;
        }
        catch (DomainException e)
        {
            return Results.Problem(e.Message, statusCode: StatusCodes.Status403Forbidden);
        }
    }
}
