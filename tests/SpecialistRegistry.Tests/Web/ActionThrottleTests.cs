using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SpecialistRegistry.Features.Custody;
using SpecialistRegistry.Features.Filings;
using SpecialistRegistry.Features.Profile;
using SpecialistRegistry.Features.Roster;
using SpecialistRegistry.Localization;
using SpecialistRegistry.Tests.Features.Search;
using SpecialistRegistry.Tests.Infrastructure;
using SpecialistRegistry.Web;

namespace SpecialistRegistry.Tests.Web;

/// <summary>
/// Reveals and receipt checks happen inside a Blazor circuit, out of the HTTP rate limiter's sight: the
/// services refuse the attempt over the limit themselves, per user, and say how long to wait.
/// </summary>
public sealed class ActionThrottleTests
{
    private static Task<TestApp> StartAsync(TestProvider provider) => TestApp.StartAsync(provider, s => s.Configure<RateLimitOptions>(o =>
    {
        o.Reveal = new RateLimitRule { PermitLimit = 2, WindowSeconds = 600 };
        o.ReceiptCheck = new RateLimitRule { PermitLimit = 3, WindowSeconds = 60 };
    }));

    private static async Task<T> AsAsync<TService, T>(TestApp app, ClaimsPrincipal user, Func<TService, Task<T>> work) where TService : notnull
    {
        await using var scope = app.Scope(user);
        return await work(scope.ServiceProvider.GetRequiredService<TService>());
    }

    private static Task<int> RevealCountAsync(TestApp app) =>
        app.WithDbAsync(null, db => db.AuditEntries.CountAsync(a => a.Action.StartsWith("Revealed")));

    [Theory]
    [MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task A_regulator_over_the_reveal_limit_is_told_to_wait_and_sees_no_number_and_nothing_is_audited(TestProvider provider)
    {
        await using var app = await StartAsync(provider);
        var data = await SearchTestData.CreateAsync(app);
        var passportId = data.Li.Passports[0].Id;
        Task<RevealOutcome> Reveal(ClaimsPrincipal user) =>
            AsAsync<ProfileService, RevealOutcome>(app, user, s => s.RevealAsync(data.Li.Id, RevealField.Passport, passportId, "Overdue return inquiry REF-7"));

        Assert.Equal(SearchTestData.LiPassport, (await Reveal(TestUsers.Regulator)).Value);
        Assert.Equal(SearchTestData.LiPassport, (await Reveal(TestUsers.Regulator)).Value);
        var third = await Reveal(TestUsers.Regulator);

        Assert.Null(third.Value);
        Assert.True(third.Throttled);
        Assert.Matches(@"^Too many attempts\. Try again in \d+ seconds\.$", third.Error);
        Assert.Equal(2, await RevealCountAsync(app));
        // The limit is per user: another regulator is not held up by the first one's reveals.
        var colleague = TestUsers.Principal(SpecialistRegistry.Auth.Roles.Regulator, id: "test-regulator-2");
        Assert.Equal(SearchTestData.LiPassport, (await Reveal(colleague)).Value);
    }

    [Theory]
    [MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task Firm_HR_over_the_reveal_limit_in_the_editor_gets_the_wait_message_in_Chinese(TestProvider provider)
    {
        await using var app = await StartAsync(provider);
        var data = await SearchTestData.CreateAsync(app);
        var hr = TestUsers.FirmHr(data.Separation.Id);
        Task<RevealResult> Reveal() => AsAsync<SpecialistEditorService, RevealResult>(app, hr,
            s => s.RevealAsync(data.Li.Id, SensitiveField.Passport, data.Li.Passports[0].Id));

        Assert.Equal(SearchTestData.LiPassport, (await Reveal()).Number);
        Assert.Equal(SearchTestData.LiPassport, (await Reveal()).Number);
        RevealResult refused;
        using (CultureScope.Chinese())
            refused = await Reveal();

        Assert.Null(refused.Number);
        Assert.Matches(@"^尝试次数过多，请在 \d+ 秒后重试。$", refused.Refusal);
        Assert.Equal(2, await RevealCountAsync(app));
    }

    [Theory]
    [MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task Receipt_checks_over_the_limit_are_not_checked_but_answered_try_later(TestProvider provider)
    {
        await using var app = await StartAsync(provider);
        var officer = TestUsers.CustodyOfficer;

        for (var i = 0; i < 3; i++)
        {
            var guess = await AsAsync<CustodyQueries, ReceiptCheck>(app, officer, q => q.CheckReceiptAsync("CR-20261102-ZZZZZZ", $"AAAA-BBBB-{i:0000}"));
            Assert.Equal(ReceiptVerdict.NotGenuine, guess.Verdict);
        }
        var custodyRefused = await AsAsync<CustodyQueries, ReceiptCheck>(app, officer, q => q.CheckReceiptAsync("CR-20261102-ZZZZZZ", "AAAA-BBBB-9999"));
        // Custody and filing receipts share one budget: guessing is guessing, whichever form it goes through.
        var filingRefused = await AsAsync<FilingQueries, FilingReceiptCheck>(app, officer, q => q.CheckReceiptAsync("FR-2026-ZZZZZZ", "AAAA-BBBB-9999"));
        var regulator = await AsAsync<FilingQueries, FilingReceiptCheck>(app, TestUsers.Regulator, q => q.CheckReceiptAsync("FR-2026-ZZZZZZ", "AAAA-BBBB-9999"));

        Assert.Equal(ReceiptVerdict.TryLater, custodyRefused.Verdict);
        Assert.Matches(@"^Too many attempts\. Try again in \d+ seconds\.$", custodyRefused.Message);
        Assert.Equal(FilingReceiptVerdict.TryLater, filingRefused.Verdict);
        Assert.Equal(FilingReceiptVerdict.NotGenuine, regulator.Verdict);
    }
}
