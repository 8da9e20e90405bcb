using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SpecialistRegistry.Features.Custody;
using SpecialistRegistry.Tests.Infrastructure;
using SpecialistRegistry.Tests.Web;

namespace SpecialistRegistry.Tests.Features.Custody;

/// <summary>
/// The receipt check a holder opens from the QR code, without signing in: verdict, kind and date only. Each test
/// has an app of its own with the demo data (real receipts of both kinds) and a low limit of checks.
/// </summary>
public sealed class PublicReceiptCheckHttpTests
{
    private static async Task<RateLimitedWebFactory> SeededAsync()
    {
        var factory = new RateLimitedWebFactory();
        await using var scope = factory.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<SpecialistRegistry.Data.Seed.DemoData>().SeedIfEmptyAsync();
        return factory;
    }

    private static async Task<(string Number, string Code, string LatinName, string FirmName, string PassportMasked)> CustodyReceiptAsync(RateLimitedWebFactory factory)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SpecialistRegistry.Data.RegistryDb>();
        // The demo's custody history carries no receipts: give its first entry the receipt a hand-in would print.
        var e = await db.CustodyEvents.IgnoreQueryFilters().OrderBy(x => x.Id).FirstAsync();
        await db.CustodyEvents.IgnoreQueryFilters().Where(x => x.Id == e.Id)
            .ExecuteUpdateAsync(u => u.SetProperty(x => x.ReceiptNumber, "CR-20261102-ABC123").SetProperty(x => x.VerificationCode, "7KQ2-M9XD-3HTR"));
        e = await db.CustodyEvents.IgnoreQueryFilters().AsNoTracking().SingleAsync(x => x.Id == e.Id);
        var passport = await db.Passports.IgnoreQueryFilters().AsNoTracking().SingleAsync(p => p.Id == e.PassportId);
        var person = await db.Specialists.IgnoreQueryFilters().AsNoTracking().FirstOrDefaultAsync(s => s.Id == passport.SpecialistId)
            ?? throw new InvalidOperationException($"no person {passport.SpecialistId}; {await db.Specialists.IgnoreQueryFilters().CountAsync()} people");
        var firm = await db.Firms.IgnoreQueryFilters().AsNoTracking().FirstOrDefaultAsync(f => f.Id == person.FirmId)
            ?? throw new InvalidOperationException($"no firm {person.FirmId}");
        return (e.ReceiptNumber!, e.VerificationCode!, person.LatinName, firm.Name, passport.Number.Masked);
    }

    [Fact]
    public async Task A_holder_checks_a_custody_receipt_without_signing_in_and_learns_nothing_personal()
    {
        using var factory = await SeededAsync();
        var (number, code, name, firm, masked) = await CustodyReceiptAsync(factory);
        using var client = factory.CreateBrowserlessClient();

        var response = await client.GetAsync($"/receipts/verify?number={Uri.EscapeDataString(number)}&code={Uri.EscapeDataString(code)}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Matches("(Genuine|Superseded): the registry issued this receipt for a passport [a-z -]+ on \\d{4}-\\d{2}-\\d{2}", html);
        Assert.DoesNotContain(name, html);
        Assert.DoesNotContain(firm, html);
        Assert.DoesNotContain(masked, html);
        Assert.DoesNotContain("Sign out", html);
    }

    [Fact]
    public async Task A_filing_receipt_checks_on_the_same_page_and_a_wrong_code_is_not_genuine()
    {
        using var factory = await SeededAsync();
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SpecialistRegistry.Data.RegistryDb>();
        var filing = await db.Filings.IgnoreQueryFilters().Where(f => f.Number != null && f.VerificationCode != null)
            .Select(f => new { f.Number, f.VerificationCode, f.Period }).FirstAsync();
        using var client = factory.CreateBrowserlessClient();

        var genuine = WebUtility.HtmlDecode(await client.GetStringAsync($"/receipts/verify?number={filing.Number}&code={filing.VerificationCode}"));
        var wrong = WebUtility.HtmlDecode(await client.GetStringAsync($"/receipts/verify?number={filing.Number}&code=AAAA-BBBB-CCCC"));
        var empty = await client.GetAsync("/receipts/verify");

        Assert.Matches("(Genuine|Superseded): the registry issued this receipt for a roster filing submitted on \\d{4}-\\d{2}-\\d{2}", genuine);
        Assert.DoesNotContain(filing.Period, genuine);
        Assert.Contains("Not genuine: the registry issued no receipt with this number and verification code", wrong);
        Assert.Equal(HttpStatusCode.OK, empty.StatusCode);
        Assert.DoesNotContain("data-testid=\"check-result\"", await empty.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task An_overlong_or_odd_input_gets_a_message_not_an_error()
    {
        using var factory = new RateLimitedWebFactory();
        using var client = factory.CreateBrowserlessClient();
        var response = await client.GetAsync($"/receipts/verify?number={new string('x', 500)}&code=%00%3Cscript%3E");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Enter both the receipt number and the verification code", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
    }
}

public sealed class PublicReceiptCheckRateLimitTests
{
    [Fact]
    public async Task Checks_from_one_address_over_the_limit_get_429()
    {
        using var factory = new RateLimitedWebFactory();
        var client = factory.CreateBrowserlessClient();

        for (var i = 0; i < RateLimitedWebFactory.PublicCheckLimit; i++)
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/receipts/verify?number=CR-20261102-ABC123&code=AAAA-BBBB-CCCC")).StatusCode);
        var refused = await client.GetAsync("/receipts/verify?number=CR-20261102-ABC123&code=BBBB-CCCC-DDDD");

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.NotNull(refused.Headers.RetryAfter);
    }
}

/// <summary>Genuine, then superseded once a later entry is logged, on every engine.</summary>
public sealed class PublicReceiptCheckServiceTests
{
    public static TheoryData<TestProvider> Providers => TestProviders.All;

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_custody_receipt_is_genuine_until_a_later_entry_supersedes_it(TestProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var data = await CustodyTestData.CreateAsync(app);
        var handIn = await data.HandInAsync();
        string verification;
        await using (var db = app.OpenDb())
            verification = (await db.CustodyEvents.IgnoreQueryFilters().SingleAsync(e => e.ReceiptNumber == handIn.ReceiptNumber)).VerificationCode!;

        async Task<PublicReceiptAnswer> AskAsync(string code)
        {
            await using var scope = app.Scope();
            return (await scope.ServiceProvider.GetRequiredService<PublicReceiptCheck>().CheckAsync(handIn.ReceiptNumber!.ToLowerInvariant(), code))!;
        }

        var genuine = await AskAsync(verification);
        Assert.Equal(PublicReceiptVerdict.Genuine, genuine.Verdict);
        Assert.StartsWith("Genuine: the registry issued this receipt for a passport hand-in on 2026-11-02", genuine.Message);
        Assert.Equal(PublicReceiptVerdict.NotGenuine, (await AskAsync("AAAA-BBBB-CCCC")).Verdict);

        app.Clock.Advance(TimeSpan.FromHours(1));
        var today = DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime);
        await data.ReleaseAsync(today.AddDays(1), today.AddDays(5));

        var later = await AskAsync(verification);
        Assert.Equal(PublicReceiptVerdict.Superseded, later.Verdict);
        Assert.DoesNotContain(data.Specialist.LatinName, later.Message);
    }
}
