using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using SpecialistRegistry.Auth;
using SpecialistRegistry.Data;
using SpecialistRegistry.Files;
using SpecialistRegistry.Web;

namespace SpecialistRegistry.Features.Search;

/// <summary>
/// GET /search/export.csv and /search/export.xlsx with the search page's own query string. The export is
/// audited with that query before a byte is sent: no audit entry, no file. The file is in the regulator's language.
/// </summary>
public static class SearchExportEndpoints
{
    public static IEndpointRouteBuilder MapSearchExport(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/search").RequireAuthorization(Policies.ExportSearchResults);
        foreach (var format in Enum.GetValues<TableFormat>())
        {
            group.MapGet($"/export.{format.Extension()}",
                (HttpContext http, SearchService search, IDbContextFactory<RegistryDb> dbFactory, TimeProvider clock,
                    IStringLocalizer<SearchPageText> text, DisclosureWatch disclosures, CancellationToken ct) =>
                    ExportAsync(http, search, dbFactory, clock, text, disclosures, format, ct)).RequireRateLimiting(RateLimitPolicies.Export);
        }
        return app;
    }

    private static async Task<IResult> ExportAsync(HttpContext http, SearchService search, IDbContextFactory<RegistryDb> dbFactory,
        TimeProvider clock, IStringLocalizer<SearchPageText> text, DisclosureWatch disclosures, TableFormat format, CancellationToken ct)
    {
        var query = SearchUrl.Parse(http.Request.Query.ToDictionary(p => p.Key, p => p.Value)) with { Page = 1 };
        if ((query.Text?.Length ?? 0) > SearchQuery.MaxTextLength)
            return Results.BadRequest(text["ExportTextTooLongRetry", SearchQuery.MaxTextLength].Value);
        var (rows, total, _) = await search.AllRowsAsync(query, ct);

        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            db.RecordAuditEvent("ExportedSearchResults", "Search", format.Extension(), new Dictionary<string, string?>
            {
                ["Query"] = SearchUrl.QueryString(query),
                ["Format"] = format.Extension(),
                ["Rows"] = rows.Count.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["Matching"] = total.ToString(System.Globalization.CultureInfo.InvariantCulture),
            });
            await disclosures.NoteAsync(db, DisclosureKind.Export, ct);
            await db.SaveChangesAsync(ct);
        }

        var stamp = clock.GetUtcNow().ToString("yyyyMMdd-HHmm", System.Globalization.CultureInfo.InvariantCulture);
        return TableDownload.Stream(format, $"specialists-{stamp}.{format.Extension()}", (body, _) => SearchExport.WriteAsync(format, body, rows, ct));
    }
}
