using System.Globalization;
using SpecialistRegistry.Auth;
using SpecialistRegistry.Domain;
using SpecialistRegistry.Files;
using SpecialistRegistry.Files.Roster;

namespace SpecialistRegistry.Features.Roster.Export;

/// <summary>
/// GET endpoints for the roster files: the firm's export and the two templates, for Firm HR only, each in the
/// user's language or the one <c>?lang=zh-CN|en</c> asks for. The export goes through the normal context
/// factory, so it is narrowed to the user's firm like every other query.
/// </summary>
public static class RosterFileEndpoints
{
    public static IEndpointRouteBuilder MapRosterFiles(this IEndpointRouteBuilder app)
    {
        var roster = app.MapGroup("/roster").RequireAuthorization(Policies.EditRoster);
        foreach (var format in Enum.GetValues<TableFormat>())
        {
            roster.MapGet($"/export.{format.Extension()}", async (RosterExportService export, TimeProvider clock, HttpContext http, string? lang) =>
            {
                var language = RosterLanguages.Parse(lang, CultureInfo.CurrentUICulture);
                if (await RecordAsync(export, format, language, http.RequestAborted) is { } refused)
                    return refused;
                return TableDownload.Stream(format, $"roster-{clock.GetUtcNow():yyyy-MM-dd}.{format.Extension()}",
                    (body, _) => export.WriteAsync(format, language, body, http.RequestAborted));
            });
            roster.MapGet($"/template.{format.Extension()}", (HttpContext http, string? lang) =>
            {
                var language = RosterLanguages.Parse(lang, CultureInfo.CurrentUICulture);
                return TableDownload.Stream(format, $"roster-template-{language.Code()}.{format.Extension()}", async (body, _) =>
                {
                    await using var writer = await TableWriter.CreateAsync(format, body, http.RequestAborted);
                    await RosterFileWriter.WriteAsync(writer, () => new[] { RosterTemplates.Example(language) }.ToAsyncEnumerable(),
                        withExplanations: true, language, http.RequestAborted);
                });
            });
        }
        return app;
    }

    private static async Task<IResult?> RecordAsync(RosterExportService export, TableFormat format, RosterLanguage language, CancellationToken ct)
    {
        try
        {
            await export.RecordExportAsync(format, language, ct);
            return null;
        }
        catch (DomainException e)
        {
            return Results.Problem(e.Message, statusCode: StatusCodes.Status403Forbidden);
        }
    }
}
