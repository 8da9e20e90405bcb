using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using SpecialistRegistry.Auth;
using SpecialistRegistry.Domain;
using SpecialistRegistry.Files;
using SpecialistRegistry.Files.Roster;
using SpecialistRegistry.Web;

namespace SpecialistRegistry.Features.Roster.Export;

/// <summary>
/// The roster files, for Firm HR only, each in the user's language or the one <c>?lang=zh-CN|en</c> asks for:
/// GET the export with numbers masked, POST it (a form with a reason and the antiforgery token) with full
/// numbers, GET the two templates. The export goes through the normal context factory, so it is narrowed to the
/// user's firm like every other query.
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
                    (body, _) => export.WriteAsync(format, language, body, full: null, http.RequestAborted));
            }).RequireRateLimiting(RateLimitPolicies.Export);
            // A form post, not a link: a reason must come with it, and the antiforgery check keeps another site
            // from making a signed-in browser fetch full numbers.
            roster.MapPost($"/export.{format.Extension()}", async (RosterExportService export, TimeProvider clock, HttpContext http,
                [FromForm] string? reason, [FromForm] string? lang) =>
            {
                var language = RosterLanguages.Parse(lang, CultureInfo.CurrentUICulture);
                if (export.ReasonProblem(reason) is { } problem)
                    return Results.Problem(problem, statusCode: StatusCodes.Status400BadRequest);
                FullNumbersExport full;
                try
                {
                    full = await export.RecordFullExportAsync(format, language, reason, http.RequestAborted);
                }
                catch (DomainException e)
                {
                    return Results.Problem(e.Message, statusCode: StatusCodes.Status403Forbidden);
                }
                return TableDownload.Stream(format, $"roster-full-numbers-{clock.GetUtcNow():yyyy-MM-dd}.{format.Extension()}",
                    (body, _) => export.WriteAsync(format, language, body, full, http.RequestAborted));
            }).RequireRateLimiting(RateLimitPolicies.Export);
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
