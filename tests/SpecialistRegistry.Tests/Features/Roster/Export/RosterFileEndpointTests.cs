using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SpecialistRegistry.Data;
using SpecialistRegistry.Data.Seed;
using SpecialistRegistry.Tests.Infrastructure;

namespace SpecialistRegistry.Tests.Features.Roster.Export;

/// <summary>The file endpoints over HTTP with a real sign-in: Firm HR only, firm-scoped, audited.</summary>
[Collection(WebCollection.Name)]
public sealed class RosterFileEndpointTests(RegistryWebFactory factory)
{
    [Fact]
    public async Task Firm_HR_downloads_their_own_roster_as_csv_and_the_download_is_audited()
    {
        using var client = await factory.SignedInClientAsync(DemoAccounts.FirmHrEmail, "DemoFirmHR-2026");
        var (firmId, count, others) = await RosterOfDemoHrAsync();

        var response = await client.GetAsync("/roster/export.csv?lang=en");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.True(response.Headers.CacheControl?.NoStore);
        Assert.Matches(@"^roster-\d{4}-\d{2}-\d{2}\.csv$", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName);
        var text = await response.Content.ReadAsStringAsync();
        var lines = text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("EmployeeNumber,FullName", lines[0].TrimStart('\uFEFF'));
        Assert.Equal(count, lines.Length - 1);
        Assert.DoesNotContain(others, n => text.Contains(n, StringComparison.Ordinal));

        await using var scope = factory.Services.CreateAsyncScope();
        await using var db = scope.ServiceProvider.GetRequiredService<Func<RegistryDb>>()();
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == "RosterExported" && a.EntityKey == firmId.ToString() && a.ActorName == "Li Na (Firm HR)"));
    }

    [Fact]
    public async Task The_default_download_masks_every_number_and_records_that_it_did()
    {
        using var client = await factory.SignedInClientAsync(DemoAccounts.FirmHrEmail, "DemoFirmHR-2026");
        var (firmId, _, _) = await RosterOfDemoHrAsync();
        var numbers = await FullNumbersOfAsync(firmId);

        var text = await client.GetStringAsync("/roster/export.csv?lang=en");

        Assert.NotEmpty(numbers);
        Assert.DoesNotContain(numbers, n => text.Contains(n, StringComparison.Ordinal));
        Assert.Contains("••••", text);
        await using var scope = factory.Services.CreateAsyncScope();
        await using var db = scope.ServiceProvider.GetRequiredService<Func<RegistryDb>>()();
        Assert.Contains(await db.AuditEntries.Where(a => a.Action == "RosterExported" && a.EntityKey == firmId.ToString()).Select(a => a.Changes).ToListAsync(),
            c => c.Contains("\"numbers\":\"masked\""));
    }

    [Fact]
    public async Task Full_numbers_come_only_from_a_form_post_with_a_reason_and_the_antiforgery_token()
    {
        using var client = await factory.SignedInClientAsync(DemoAccounts.FirmHrEmail, "DemoFirmHR-2026");
        var (firmId, _, _) = await RosterOfDemoHrAsync();
        var numbers = await FullNumbersOfAsync(firmId);
        var token = RegistryWebFactory.TokenFrom(await client.GetStringAsync("/Account/Manage"));
        Assert.NotEmpty(token);
        long Entries() => CountAudit("FullNumbersExported");
        var before = Entries();

        var noToken = await client.PostAsync("/roster/export.csv", Form(("reason", "Annual return to the exit-entry office")));
        var shortReason = await client.PostAsync("/roster/export.csv", Form(("__RequestVerificationToken", token), ("reason", "because")));
        Assert.Equal(HttpStatusCode.BadRequest, noToken.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, shortReason.StatusCode);
        Assert.Contains("at least 10 characters", await shortReason.Content.ReadAsStringAsync());
        Assert.Equal(before, Entries());

        var response = await client.PostAsync("/roster/export.csv", Form(("__RequestVerificationToken", token), ("reason", "Annual return to the exit-entry office"), ("lang", "en")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.CacheControl?.NoStore);
        var text = await response.Content.ReadAsStringAsync();
        Assert.All(numbers, n => Assert.Contains(n, text));
        Assert.True(Entries() - before >= numbers.Count / 2, "one entry per person whose numbers left");
    }

    [Theory]
    [InlineData(DemoAccounts.RegulatorEmail)]
    [InlineData(DemoAccounts.CustodyEmail)]
    public async Task Other_roles_cannot_post_for_full_numbers(string email)
    {
        using var client = await factory.SignedInClientAsync(email, DemoAccounts.All.Single(a => a.Email == email).Password);
        var token = RegistryWebFactory.TokenFrom(await client.GetStringAsync("/Account/Manage"));

        var response = await client.PostAsync("/roster/export.xlsx", Form(("__RequestVerificationToken", token), ("reason", "Annual return to the exit-entry office")));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/Account/AccessDenied", response.Headers.Location!.ToString());
    }

    private static FormUrlEncodedContent Form(params (string Key, string Value)[] fields) =>
        new(fields.Select(f => new KeyValuePair<string, string>(f.Key, f.Value)));

    private long CountAudit(string action)
    {
        using var scope = factory.Services.CreateScope();
        using var db = scope.ServiceProvider.GetRequiredService<Func<RegistryDb>>()();
        return db.AuditEntries.LongCount(a => a.Action == action);
    }

    /// <summary>The firm's national ID and current passport numbers in clear, to look for in a file.</summary>
    private async Task<List<string>> FullNumbersOfAsync(Guid firmId)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        await using var db = scope.ServiceProvider.GetRequiredService<Func<RegistryDb>>()();
        var protector = scope.ServiceProvider.GetRequiredService<FieldProtector>();
        var people = await db.Specialists.AsNoTracking().Where(s => s.FirmId == firmId).Include(s => s.Passports.Where(p => p.IsCurrent)).ToListAsync();
        return [.. people.SelectMany(s => new[] { s.NationalId }.Concat(s.Passports.Select(p => p.Number))).Where(v => !v.IsEmpty).Select(protector.Reveal)];
    }

    [Theory]
    [InlineData("/roster/export.xlsx?lang=en", "Specialists", "EmployeeNumber")]
    [InlineData("/roster/template.xlsx?lang=en", "Specialists", "EmployeeNumber")]
    [InlineData("/roster/export.xlsx?lang=zh-CN", "人员", "员工编号")]
    [InlineData("/roster/template.xlsx?lang=zh-CN", "人员", "员工编号")]
    public async Task Workbooks_download_as_xlsx_in_the_language_asked_for(string path, string sheet, string firstHeader)
    {
        using var client = await factory.SignedInClientAsync(DemoAccounts.FirmHrEmail, "DemoFirmHR-2026");

        var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType?.MediaType);
        // Streamed straight into the response (the test server, like Kestrel, refuses synchronous writes) and never cached.
        Assert.True(response.Headers.CacheControl?.NoStore);
        var workbook = await response.Content.ReadAsByteArrayAsync();
        var read = SpecialistRegistry.Files.Reading.XlsxTableReader.Read(workbook, [sheet], 100, CancellationToken.None);
        Assert.Null(read.Error);
        Assert.Equal(firstHeader, read.Sheets![sheet][0].Cells[0]);
    }

    [Fact]
    public async Task The_csv_template_downloads_with_its_explanation_row()
    {
        using var client = await factory.SignedInClientAsync(DemoAccounts.FirmHrEmail, "DemoFirmHR-2026");

        var text = await client.GetStringAsync("/roster/template.csv?lang=en");

        Assert.Contains("# Required. Your firm's staff number", text);
        Assert.Contains("E10001,王伟,Wang Wei,Male,1985-03-12", text);
    }

    [Theory]
    [InlineData("zh-CN,zh;q=0.9", "员工编号,姓名", "必填。")]
    [InlineData("en-US,en;q=0.9", "EmployeeNumber,FullName", "Required.")]
    public async Task Without_a_language_the_files_come_in_the_users_language(string acceptLanguage, string header, string note)
    {
        using var client = await factory.SignedInClientAsync(DemoAccounts.FirmHrEmail, "DemoFirmHR-2026");
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(acceptLanguage);

        var template = await client.GetStringAsync("/roster/template.csv");
        var export = await client.GetStringAsync("/roster/export.csv");

        Assert.StartsWith("\uFEFF" + header, template);
        Assert.Contains(note, template);
        Assert.StartsWith("\uFEFF" + header, export);
    }

    [Theory]
    [InlineData(null, "/Account/Login")]
    [InlineData(DemoAccounts.RegulatorEmail, "/Account/AccessDenied")]
    [InlineData(DemoAccounts.CustodyEmail, "/Account/AccessDenied")]
    [InlineData(DemoAccounts.AdminEmail, "/Account/AccessDenied")]
    public async Task Other_roles_and_visitors_get_no_roster_file(string? email, string sentTo)
    {
        using var client = email is null
            ? factory.CreateBrowserlessClient()
            : await factory.SignedInClientAsync(email, DemoAccounts.All.Single(a => a.Email == email).Password);

        foreach (var path in new[] { "/roster/export.csv", "/roster/export.xlsx", "/roster/template.csv", "/roster/template.xlsx" })
        {
            var response = await client.GetAsync(path);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            var location = response.Headers.Location!;
            Assert.StartsWith(sentTo, location.IsAbsoluteUri ? location.AbsolutePath : new Uri(new Uri("http://x"), location).AbsolutePath);
        }
    }

    private async Task<(Guid FirmId, int Count, List<string> OtherFirmsEmails)> RosterOfDemoHrAsync()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        await using var db = scope.ServiceProvider.GetRequiredService<Func<RegistryDb>>()();
        var firmId = (await db.Users.SingleAsync(u => u.Email == DemoAccounts.FirmHrEmail)).FirmId!.Value;
        var count = await db.Specialists.CountAsync(s => s.FirmId == firmId);
        var own = await db.Specialists.Where(s => s.FirmId == firmId).Select(s => s.Email).ToListAsync();
        var others = (await db.Specialists.Where(s => s.FirmId != firmId).Select(s => s.Email).ToListAsync()).Except(own).ToList();
        return (firmId, count, others);
    }
}
