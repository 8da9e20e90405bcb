using SpecialistRegistry.Auth;
using SpecialistRegistry.Domain;

namespace SpecialistRegistry.Features.Roster.Export;

/// <summary>
/// GET endpoints for the roster files: the firm's export and the two templates, for Firm HR only. The export
/// goes through the normal context factory, so it is narrowed to the user's firm like every other query.
/// </summary>
public static class RosterFileEndpoints
{
    public const string CsvType = "text/csv; charset=utf-8";
    public const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static IEndpointRouteBuilder MapRosterFiles(this IEndpointRouteBuilder app)
    {
        var roster = app.MapGroup("/roster").RequireAuthorization(Policies.EditRoster);

        roster.MapGet("/export.csv", async (RosterExportService export, TimeProvider clock, CancellationToken ct) =>
        {
            if (await RecordAsync(export, RosterFileKind.Csv, ct) is { } refused)
                return refused;
            return Results.Stream(body => export.WriteCsvAsync(body, ct), CsvType, FileName(clock, "csv"));
        });

        roster.MapGet("/export.xlsx", async (RosterExportService export, TimeProvider clock, CancellationToken ct) =>
        {
            if (await RecordAsync(export, RosterFileKind.Xlsx, ct) is { } refused)
                return refused;
            // A zip is written with synchronous writes, which the server refuses on the response itself:
            // the workbook goes to a temporary file (deleted on close) and is streamed from there.
            return Results.Stream(async body =>
            {
                await using var temp = new FileStream(Path.Combine(Path.GetTempPath(), $"roster-{Guid.NewGuid():N}.xlsx"), FileMode.CreateNew,
                    FileAccess.ReadWrite, FileShare.None, 64 * 1024, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
                await export.WriteXlsxAsync(temp, ct);
                temp.Position = 0;
                await temp.CopyToAsync(body, ct);
            }, XlsxType, FileName(clock, "xlsx"));
        });

        roster.MapGet("/template.csv", async (CancellationToken ct) =>
            Results.File(await RosterTemplates.CsvAsync(ct), CsvType, "roster-template.csv"));

        roster.MapGet("/template.xlsx", () =>
            Results.File(RosterTemplates.Xlsx(), XlsxType, "roster-template.xlsx"));

        return app;
    }

    private static async Task<IResult?> RecordAsync(RosterExportService export, RosterFileKind kind, CancellationToken ct)
    {
        try
        {
            await export.RecordExportAsync(kind, ct);
            return null;
        }
        catch (DomainException e)
        {
            return Results.Problem(e.Message, statusCode: StatusCodes.Status403Forbidden);
        }
    }

    private static string FileName(TimeProvider clock, string extension) =>
        $"roster-{clock.GetUtcNow():yyyy-MM-dd}.{extension}";
}
