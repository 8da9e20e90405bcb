using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SpecialistRegistry.Data;
using SpecialistRegistry.Data.Seed;
using SpecialistRegistry.Domain;
using SpecialistRegistry.Tests.Infrastructure;

namespace SpecialistRegistry.Tests.Features.Filings;

/// <summary>
/// The filing pages, receipt and downloads over HTTP with real sign-ins on the demo data: the demo Firm HR user
/// (Ningbo) asking for another firm's filing gets "not found" everywhere; exports are the frozen roster, audited.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class FilingHttpTests(RegistryWebFactory factory)
{
    private async Task<(Guid Own, Guid Other, string OtherNumber)> DemoFilingsAsync()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        await using var db = scope.ServiceProvider.GetRequiredService<Func<RegistryDb>>()();
        var hrFirm = (await db.Users.SingleAsync(u => u.Email == DemoAccounts.FirmHrEmail)).FirmId;
        var own = await db.Filings.Where(f => f.FirmId == hrFirm && f.Number != null).Select(f => f.Id).FirstAsync();
        var other = await db.Filings.Where(f => f.FirmId != hrFirm && f.Status == FilingStatus.Returned).Select(f => new { f.Id, f.Number }).FirstAsync();
        return (own, other.Id, other.Number!);
    }

    [Theory]
    [InlineData("/filings/{0}")]
    [InlineData("/filings/{0}/receipt")]
    public async Task Firm_HR_opening_another_firm_s_filing_or_receipt_is_told_it_is_not_found(string path)
    {
        var (own, other, number) = await DemoFilingsAsync();
        using var client = await factory.SignedInClientAsync(DemoAccounts.FirmHrEmail, "DemoFirmHR-2026");

        var theirs = await client.GetStringAsync(string.Format(System.Globalization.CultureInfo.InvariantCulture, path, other));
        var mine = await client.GetStringAsync(string.Format(System.Globalization.CultureInfo.InvariantCulture, path, own));

        Assert.Contains("not found", theirs);
        Assert.DoesNotContain(number, theirs);
        Assert.DoesNotContain("not found", mine);
    }

    [Theory]
    [InlineData("csv")]
    [InlineData("xlsx")]
    public async Task Firm_HR_downloading_another_firm_s_filing_gets_404_and_nothing_is_audited(string format)
    {
        var (_, other, _) = await DemoFilingsAsync();
        using var client = await factory.SignedInClientAsync(DemoAccounts.FirmHrEmail, "DemoFirmHR-2026");

        var response = await client.GetAsync($"/filings/{other}/export.{format}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        await using var scope = factory.Services.CreateAsyncScope();
        await using var db = scope.ServiceProvider.GetRequiredService<Func<RegistryDb>>()();
        Assert.False(await db.AuditEntries.AnyAsync(a => a.Action == "FilingExported" && a.EntityKey == other.ToString() && a.ActorName == "Li Na (Firm HR)"));
    }

    [Fact]
    public async Task A_regulator_exports_any_filing_as_the_frozen_roster_with_masked_numbers_and_the_export_is_audited()
    {
        var (_, other, number) = await DemoFilingsAsync();
        using var client = await factory.SignedInClientAsync(DemoAccounts.RegulatorEmail, "DemoRegulator-2026");

        var response = await client.GetAsync($"/filings/{other}/export.csv");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        Assert.Equal($"filing-{number}.csv", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName);
        var lines = (await response.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("EmployeeNumber,FullName", lines[0].TrimStart('\uFEFF'));
        Assert.Contains("••••", lines[1]);
        await using var scope = factory.Services.CreateAsyncScope();
        await using var db = scope.ServiceProvider.GetRequiredService<Func<RegistryDb>>()();
        var entries = await db.FilingEntries.CountAsync(e => e.FilingId == other);
        Assert.Equal(entries, lines.Length - 1);
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == "FilingExported" && a.EntityKey == other.ToString() && a.ActorName == "Wang Lei (Regulator)"));
    }

    [Fact]
    public async Task Firm_HR_exports_their_own_filing_as_a_workbook()
    {
        var (own, _, _) = await DemoFilingsAsync();
        using var client = await factory.SignedInClientAsync(DemoAccounts.FirmHrEmail, "DemoFirmHR-2026");

        var response = await client.GetAsync($"/filings/{own}/export.xlsx");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("PK"u8.ToArray(), (await response.Content.ReadAsByteArrayAsync())[..2]);
    }
}
