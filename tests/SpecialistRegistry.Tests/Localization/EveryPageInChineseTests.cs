using System.Net;
using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SpecialistRegistry.Auth;
using SpecialistRegistry.Data;
using SpecialistRegistry.Data.Seed;
using SpecialistRegistry.Domain;
using SpecialistRegistry.Tests.Infrastructure;

namespace SpecialistRegistry.Tests.Localization;

/// <summary>
/// The page scan of issue 12: every routable page of the app, fetched over HTTP as each demo role (and signed out)
/// in zh-CN on the demo data, carries no run of Latin letters once the data on record (names, firms, codes, e-mail
/// addresses: every text column of the database) and the words Chinese writes in Latin letters are taken out.
/// Pages are server-prerendered, so what a person sees first is what is scanned.
/// </summary>
[Collection(WebCollection.Name)]
public sealed partial class EveryPageInChineseTests(RegistryWebFactory factory)
{
    /// <summary>Pages that only open in the middle of a sign-in (a second factor pending) or for an account in a given state.</summary>
    private static readonly string[] OnlyInAFlow =
    [
        "/Account/LoginWith2fa", "/Account/LoginWithRecoveryCode", "/Account/Manage/Disable2fa", "/Account/Manage/GenerateRecoveryCodes",
    ];

    /// <summary>File formats and encodings, written in Latin letters in Chinese as well.</summary>
    private static readonly string[] TechnicalNames = ["xlsx", "UTF-8", "GB18030", "Windows", "MB", "SHA-256"];

    /// <summary>The examples of codes a form shows as its placeholders.</summary>
    private static readonly string[] ExampleCodes = ["FL-20261202-ABC123", "CR-20261129-ABC123", "XXXX-XXXX-XXXX", "CR-NONE"];

    // Codes (keys, request references) and the offer of the other language are not text to translate.
    private static readonly string[] Skipped = ["[lang=en]", "code", "kbd"];

    public static IReadOnlyList<string> Routes { get; } = typeof(Program).Assembly.GetTypes()
        .SelectMany(t => t.GetCustomAttributes<RouteAttribute>()).Select(r => r.Template).Distinct().Order(StringComparer.Ordinal).ToList();

    [Fact]
    public async Task Every_page_any_role_may_open_is_in_Chinese()
    {
        var data = await RecordedTextsAsync(withAudit: false);
        var audited = await RecordedTextsAsync(withAudit: true);
        var samples = await SamplesAsync();
        var opened = new HashSet<string>();
        var english = new List<string>();
        foreach (var (email, password) in DemoAccounts.All.Select(a => ((string?)a.Email, (string?)a.Password)).Prepend((null, null)))
        {
            using var client = email is null ? factory.CreateBrowserlessClient() : await factory.SignedInClientAsync(email, password!);
            client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("zh-CN");
            foreach (var route in Routes.Except(OnlyInAFlow))
            {
                var response = await client.GetAsync(Fill(route, samples));
                Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.Redirect or HttpStatusCode.NotFound,
                    $"{route} as {email ?? "signed out"}: {response.StatusCode}");
                var html = await response.Content.ReadAsStringAsync();
                // A page the role may not open answers with the sign-in page or "access denied", which are scanned under their own routes.
                if (response.StatusCode != HttpStatusCode.OK || (route != "/not-found" && html.Contains("data-testid=\"not-found\"", StringComparison.Ordinal)))
                    continue;
                opened.Add(route);
                Assert.Contains("<html lang=\"zh-CN\">", html);
                // The audit trail and a profile's change history show recorded values as they were written.
                var shown = route is "/audit" or "/specialists/{Id:guid}" ? audited : data;
                english.AddRange(LatinRuns.In(html, shown, Skipped).Select(run => $"{route} as {email ?? "signed out"}: {run}"));
            }
        }

        Assert.True(english.Count == 0, "English left on pages in Chinese:\n" + string.Join("\n", english.Distinct()));
        Assert.Empty(Routes.Except(OnlyInAFlow).Except(opened));
    }

    [Fact]
    public async Task The_scan_sees_English_on_an_English_page()
    {
        var data = await RecordedTextsAsync(withAudit: false);
        using var client = factory.CreateBrowserlessClient();
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");

        var html = await client.GetStringAsync("/Account/Login");

        // The whole page is lang="en" here, so nothing is left out as "marked English".
        Assert.Contains(LatinRuns.In(html, data), run => run.StartsWith("Sign", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Chinese_is_sent_as_characters_not_as_html_entities()
    {
        using var client = await factory.SignedInClientAsync(DemoAccounts.RegulatorEmail, "DemoRegulator-2026");
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("zh-CN");

        var html = await client.GetStringAsync("/dashboard");

        Assert.Contains("<h1", html);
        Assert.Contains(">统计看板</h1>", html);
        Assert.DoesNotMatch(CjkEntity(), html);
    }

    private static string Fill(string route, IReadOnlyDictionary<string, string> samples) =>
        Parameter().Replace(route, m => samples.TryGetValue(route, out var value) ? value : m.Value);

    // One record of the demo Firm HR's firm for each page that shows one, so that Firm HR, the regulator and the
    // custody officer can all open it.
    private async Task<IReadOnlyDictionary<string, string>> SamplesAsync()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        await using var db = scope.ServiceProvider.GetRequiredService<Func<RegistryDb>>()();
        var firm = (await db.Users.SingleAsync(u => u.Email == DemoAccounts.FirmHrEmail)).FirmId;
        var specialist = await db.Specialists.Where(s => s.FirmId == firm).OrderBy(s => s.EmployeeNumber).Select(s => s.Id).FirstAsync();
        var passport = await db.Passports.Where(p => p.Specialist!.FirmId == firm && p.IsCurrent).Select(p => p.Id).FirstAsync();
        // The demo data logs no hand-in with a receipt: the receipt page then says so, which is a page too.
        var receipt = await db.CustodyEvents.Where(e => e.ReceiptNumber != null).Select(e => e.ReceiptNumber!).FirstOrDefaultAsync() ?? "CR-NONE";
        var filing = await db.Filings.Where(f => f.FirmId == firm && f.Number != null).Select(f => f.Id).FirstAsync();
        var period = await db.FilingPeriods.OrderByDescending(p => p.DueOn).Select(p => p.Id).FirstAsync();
        var trip = await db.TravelRequests.Where(t => t.FirmId == firm).Select(t => t.Id).FirstOrDefaultAsync();
        return new Dictionary<string, string>
        {
            ["/custody/passports/{Id:guid}"] = passport.ToString(),
            ["/custody/receipts/{Number}"] = receipt,
            ["/filings/{Id:guid}"] = filing.ToString(),
            ["/filings/{Id:guid}/receipt"] = filing.ToString(),
            ["/filings/review/{Id:guid}"] = filing.ToString(),
            ["/filings/prepare/{PeriodId:guid}"] = period.ToString(),
            ["/flags/specialist/{Id:guid}"] = specialist.ToString(),
            ["/specialists/{Id:guid}"] = specialist.ToString(),
            ["/roster/{Id:guid}"] = specialist.ToString(),
            ["/travel/{Id:guid}"] = trip.ToString(),
        };
    }

    // Every text on record is data a page may show as it is: each text column of each table, and the strings inside
    // JSON columns (frozen records, audit changes). Short values are left out so that they do not hide words. The audit
    // trail records field values (enumeration names too), so it counts as data only on the audit page, which shows it.
    private async Task<List<string>> RecordedTextsAsync(bool withAudit)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        await using var db = scope.ServiceProvider.GetRequiredService<Func<RegistryDb>>()();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        var texts = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entity in db.Model.GetEntityTypes().Where(e => e.GetTableName() is not null && !e.IsOwned() && (withAudit || e.ClrType != typeof(AuditEntry))))
        {
            foreach (var property in entity.GetProperties().Where(p => p.ClrType == typeof(string)))
            {
                await using var command = connection.CreateCommand();
                command.CommandText = $"SELECT DISTINCT \"{property.GetColumnName()}\" FROM \"{entity.GetTableName()}\"";
                await using var reader = await command.ExecuteReaderAsync();
                while (await reader.ReadAsync())
                {
                    if (reader.IsDBNull(0) || reader.GetValue(0) is not string value)
                        continue;
                    texts.Add(value);
                    foreach (Match m in JsonString().Matches(value))
                        texts.Add(Regex.Unescape(m.Groups[1].Value));
                }
            }
        }
        // A chart shortens a long firm name to its first 21 characters; brands are written in Latin letters in Chinese too.
        return [.. texts.Where(t => t.Length >= 3).Concat(texts.Where(t => t.Length > 22).Select(t => t[..21])).Concat(HtmlText.LatinNames).Concat(TechnicalNames).Concat(ExampleCodes)
            // The receipt prints the address where it is checked.
            .Append(new Uri(factory.Server.BaseAddress, SpecialistRegistry.Components.Shared.ReceiptQr.FilingCheckPath).ToString())];
    }

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex Parameter();

    [GeneratedRegex(@"""((?:[^""\\]|\\.){3,})""")]
    private static partial Regex JsonString();

    [GeneratedRegex("&#x(4E|5[0-9A-F]|6[0-9A-F]|7[0-9A-F]|8[0-9A-F]|9[0-9A-F])[0-9A-F]{2};", RegexOptions.IgnoreCase)]
    private static partial Regex CjkEntity();
}
