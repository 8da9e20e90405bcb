using Microsoft.EntityFrameworkCore;
using SpecialistRegistry.Auth;
using SpecialistRegistry.Data;
using SpecialistRegistry.Domain;
using SpecialistRegistry.Features.Filings;
using SpecialistRegistry.Localization;
using SpecialistRegistry.Tests.Infrastructure;
using SpecialistRegistry.Tests.Features.Watches;

namespace SpecialistRegistry.Tests.Features.Filings;

/// <summary>A regulator withdraws a demand from a firm or exempts it from a quarter: what it allows, refuses and changes.</summary>
public sealed class FilingWaiverTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_demand_is_withdrawn_and_a_quarter_exempted_with_the_reason_trimmed()
    {
        using var english = CultureScope.Use("en");
        var quarter = TestFilings.Quarter(Now);
        var demand = FilingPeriod.Demand("D-1", DemandScope.AllFirms, null, null, new DateOnly(2026, 12, 1), "Lists.", new DateOnly(2026, 11, 2), TestFilings.Regulator, Now);

        var exempt = FilingWaiver.Grant(quarter, Guid.NewGuid(), "  Firm closed.  ", false, false, TestFilings.Regulator, Now);
        var withdrawn = FilingWaiver.Grant(demand, Guid.NewGuid(), "Sent by post.", false, false, TestFilings.Regulator, Now);

        Assert.Equal((FilingWaiverKind.Exempt, "Firm closed."), (exempt.Kind, exempt.Reason));
        Assert.Equal(FilingWaiverKind.Withdrawn, withdrawn.Kind);
    }

    [Theory]
    [InlineData(true, false, "Firm closed.", "The firm has already submitted a filing for this period, so it can no longer be exempted. Review the filing instead.")]
    [InlineData(false, true, "Firm closed.", "This period is already withdrawn or exempt for this firm.")]
    [InlineData(false, false, "  ", "Give the reason: the firm reads it.")]
    public void A_waiver_is_refused_after_a_submission_twice_or_without_a_reason(bool submitted, bool waived, string reason, string message)
    {
        using var english = CultureScope.Use("en");
        Assert.Equal(message, Assert.Throws<DomainException>(() =>
            FilingWaiver.Grant(TestFilings.Quarter(Now), Guid.NewGuid(), reason, submitted, waived, TestFilings.Regulator, Now)).Message);
    }

    [Theory]
    [MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task A_withdrawn_demand_is_not_owed_overdue_reminded_or_counted_as_not_filed(TestProvider provider)
    {
        using var english = CultureScope.Use("en");
        await using var app = await TestApp.StartAsync(provider);
        var kit = await FilingTestKit.CreateAsync(app);
        var demand = await FilingServiceTests.DemandAsync(kit);

        var outcome = await kit.AsRegulatorAsync(s => s.WaiveAsync(demand, kit.Firm.Id, "The lists came by post."));
        var waiverId = Assert.IsType<FilingOutcome.Done>(outcome).FilingId;
        app.Clock.Advance(TimeSpan.FromDays(25));

        var row = Assert.Single(await kit.AsHrAsync(s => s.PeriodsAsync()), p => p.PeriodId == demand);
        Assert.Equal((FilingState.Withdrawn, false, "The lists came by post."), (row.State, row.Overdue, row.WaiverReason));
        var notFiled = await kit.AsRegulatorAsync(s => s.NotFiledAsync(new NotFiledQuery(WithinDays: 90)));
        Assert.DoesNotContain(notFiled.Rows, r => r.PeriodId == demand);
        Assert.Contains(notFiled.Rows, r => r.PeriodId == kit.Quarter.Id);

        await using (var db = app.OpenDb())
        {
            var compliance = FilingObligations.Summarize(await FilingObligations.LoadAsync(db, db.FilingPeriods.Where(p => p.Id == demand), default), kit.Today);
            Assert.Equal((1, 0, 0, 1), (compliance[0].Firms, compliance[0].NotFiled, compliance[0].Overdue, compliance[0].Exempt));
            Assert.True(await db.AuditEntries.AnyAsync(a => a.EntityType == nameof(FilingWaiver) && a.EntityKey == waiverId.ToString()));
        }
        var told = Assert.Single(await app.NotificationsAsync(kit.Hr), n => n.Kind == NotificationKind.FilingWaived);
        Assert.Contains("The lists came by post.", told.Message);

        var refused = Assert.IsType<FilingOutcome.Invalid>(await kit.AsHrAsync(s => s.PrepareAsync(demand)));
        Assert.Equal("The regulator withdrew this demand from your firm, so there is nothing to file. Reason: The lists came by post.", refused.Message);
        var again = Assert.IsType<FilingOutcome.Invalid>(await kit.AsRegulatorAsync(s => s.WaiveAsync(demand, kit.Firm.Id, "Again.")));
        Assert.Equal("This period is already withdrawn or exempt for this firm.", again.Message);
    }

    [Theory]
    [MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task An_exemption_is_refused_once_the_firm_submitted_and_a_draft_cannot_be_submitted_after_one(TestProvider provider)
    {
        using var english = CultureScope.Use("en");
        await using var app = await TestApp.StartAsync(provider);
        var kit = await FilingTestKit.CreateAsync(app);
        var other = await FilingTestKit.OtherFirmAsync(kit);
        await kit.SubmitAsync();
        var draft = await other.PrepareAsync();

        var refused = Assert.IsType<FilingOutcome.Invalid>(await kit.AsRegulatorAsync(s => s.WaiveAsync(kit.Quarter.Id, kit.Firm.Id, "Firm closed.")));
        Assert.Equal("The firm has already submitted a filing for this period, so it can no longer be exempted. Review the filing instead.", refused.Message);
        Assert.IsType<FilingOutcome.Done>(await kit.AsRegulatorAsync(s => s.WaiveAsync(kit.Quarter.Id, other.Firm.Id, "Firm closed.")));

        Assert.IsType<FilingOutcome.Invalid>(await other.AsHrAsync(s => s.SubmitAsync(draft.FilingId, draft.Version, attested: true)));
        Assert.Equal(FilingState.Exempt, Assert.Single(await other.AsHrAsync(s => s.PeriodsAsync())).State);
        Assert.IsType<FilingOutcome.Invalid>(await kit.AsRegulatorAsync(s => s.WaiveAsync(kit.Quarter.Id, other.Firm.Id, " ")));
        Assert.IsType<FilingOutcome.NotFound>(await kit.AsRegulatorAsync(s => s.WaiveAsync(Guid.CreateVersion7(), other.Firm.Id, "Firm closed.")));
    }

    [Theory]
    [InlineData(Roles.FirmHR)]
    [InlineData(Roles.CustodyOfficer)]
    [InlineData(Roles.Admin)]
    public async Task Only_a_regulator_may_withdraw_or_exempt(string role)
    {
        await using var app = await TestApp.StartAsync(TestProvider.Sqlite);
        var kit = await FilingTestKit.CreateAsync(app);
        var user = TestUsers.Principal(role, role == Roles.FirmHR ? kit.Firm.Id : null);
        await Assert.ThrowsAsync<DomainException>(() => kit.AsRegulatorAsync(s => s.WaiveAsync(kit.Quarter.Id, kit.Firm.Id, "Firm closed."), user));
        await using var db = app.OpenDb();
        Assert.False(await db.FilingWaivers.AnyAsync());
    }
}
