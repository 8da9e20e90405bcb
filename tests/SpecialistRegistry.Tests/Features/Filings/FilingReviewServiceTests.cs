using SpecialistRegistry.Localization;
using Microsoft.EntityFrameworkCore;
using SpecialistRegistry.Domain;
using SpecialistRegistry.Features.Filings;
using SpecialistRegistry.Tests.Infrastructure;
using SpecialistRegistry.Tests.Features.Watches;

namespace SpecialistRegistry.Tests.Features.Filings;

/// <summary>The regulator's queue, the firms not filed, remarks, decisions and demands, SQLite and PostgreSQL alike.</summary>
public sealed class FilingReviewServiceTests
{
    [Theory]
    [MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task The_queue_lists_filings_awaiting_review_oldest_first_with_counts_and_filters(TestProvider provider)
    {
        // The messages are read in English here; FilingNoticeLanguageTests and the page scan cover Chinese.
        using var english = CultureScope.Use("en");
        await using var app = await TestApp.StartAsync(provider);
        var first = await FilingTestKit.CreateAsync(app, firmName: "Alpha Magnets");
        var second = await FilingTestKit.OtherFirmAsync(first, firmName: "Beta Mining");
        var older = await first.SubmitAsync();
        app.Clock.Advance(TimeSpan.FromDays(2));
        var newer = await second.SubmitAsync();

        var queue = await first.AsRegulatorAsync(s => s.QueueAsync(new QueueQuery()));

        Assert.Equal([older, newer], queue.Rows.Select(r => r.Id));
        Assert.Equal((3, 0, 0, 2), (queue.Rows[0].Added, queue.Rows[0].Changed, queue.Rows[0].Removed, queue.Rows[0].AgeDays));
        Assert.Equal([newer], (await first.AsRegulatorAsync(s => s.QueueAsync(new QueueQuery(Text: "beta")))).Rows.Select(r => r.Id));
        Assert.Empty((await first.AsRegulatorAsync(s => s.QueueAsync(new QueueQuery(ResubmissionsOnly: true)))).Rows);
        await first.AcceptAsync(older);
        Assert.Equal([newer], (await first.AsRegulatorAsync(s => s.QueueAsync(new QueueQuery()))).Rows.Select(r => r.Id));
    }

    [Theory]
    [MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task Firms_that_have_not_filed_are_listed_with_their_contact_overdue_first(TestProvider provider)
    {
        // The messages are read in English here; FilingNoticeLanguageTests and the page scan cover Chinese.
        using var english = CultureScope.Use("en");
        await using var app = await TestApp.StartAsync(provider);
        var filer = await FilingTestKit.CreateAsync(app, firmName: "Alpha Magnets");
        var late = await FilingTestKit.OtherFirmAsync(filer, firmName: "Beta Mining");
        var demand = await FilingServiceTests.DemandAsync(late);
        await filer.SubmitAsync();

        // Not yet within the 14 days before 2027-01-30; the demand (due in 20 days) neither.
        Assert.Empty((await filer.AsRegulatorAsync(s => s.NotFiledAsync(new NotFiledQuery()))).Rows);
        app.Clock.Advance(TimeSpan.FromDays(25));

        var open = await filer.AsRegulatorAsync(s => s.NotFiledAsync(new NotFiledQuery(WithinDays: 90)));
        Assert.Equal([(late.Firm.Id, demand), (late.Firm.Id, late.Quarter.Id)], open.Rows.Select(r => (r.FirmId, r.PeriodId)));
        Assert.Equal(-5, open.Rows[0].DaysUntilDue);
        Assert.Equal(FilingState.NotStarted, open.Rows[0].State);
        var overdueOnly = await filer.AsRegulatorAsync(s => s.NotFiledAsync(new NotFiledQuery(WithinDays: 0)));
        Assert.Equal(demand, Assert.Single(overdueOnly.Rows).PeriodId);
    }

    [Theory]
    [MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task Deciding_twice_is_refused_and_says_who_decided(TestProvider provider)
    {
        // The messages are read in English here; FilingNoticeLanguageTests and the page scan cover Chinese.
        using var english = CultureScope.Use("en");
        await using var app = await TestApp.StartAsync(provider);
        var kit = await FilingTestKit.CreateAsync(app);
        var id = await kit.SubmitAsync();
        var version = await kit.VersionOfAsync(id);
        Assert.IsType<FilingOutcome.Done>(await kit.AsRegulatorAsync(s => s.AcceptAsync(id, version)));

        var again = Assert.IsType<FilingOutcome.Conflict>(await kit.AsRegulatorAsync(s => s.ReturnAsync(id, version, "Too late.")));
        var fresh = Assert.IsType<FilingOutcome.Conflict>(await kit.AsRegulatorAsync(async s => await s.AcceptAsync(id, await kit.VersionOfAsync(id))));

        Assert.StartsWith("Ren Gang (Regulator) already accepted this filing at 2026-11-02 09:00 UTC.", again.Message);
        Assert.Contains("Your decision was not saved.", fresh.Message);
        var filing = await kit.FilingAsync(id);
        Assert.Equal((FilingStatus.Accepted, (string?)null), (filing.Status, filing.ReviewComment));
    }

    [Theory]
    [MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task Returning_without_a_comment_is_refused_and_nothing_changes(TestProvider provider)
    {
        // The messages are read in English here; FilingNoticeLanguageTests and the page scan cover Chinese.
        using var english = CultureScope.Use("en");
        await using var app = await TestApp.StartAsync(provider);
        var kit = await FilingTestKit.CreateAsync(app);
        var id = await kit.SubmitAsync();
        var version = await kit.VersionOfAsync(id);

        var refused = Assert.IsType<FilingOutcome.Invalid>(await kit.AsRegulatorAsync(s => s.ReturnAsync(id, version, "  ")));

        Assert.Equal(("Comment", "Say why the filing is returned: the firm sees this comment."), (refused.Field, refused.Message));
        var filing = await kit.FilingAsync(id);
        Assert.Equal((FilingStatus.Submitted, version), (filing.Status, filing.Version));
        Assert.DoesNotContain(await app.NotificationsAsync(kit.Hr), n => n.Kind == NotificationKind.FilingReturned);
    }

    [Fact]
    public async Task Remarks_belong_to_the_review_the_firm_sees_them_only_after_the_decision_and_only_their_author_removes_one()
    {
        await using var app = await TestApp.StartAsync();
        var kit = await FilingTestKit.CreateAsync(app);
        var id = await kit.SubmitAsync();
        var entry = (await kit.EntriesAsync(id))[0];
        var colleague = await WatchTestData.AddRegulatorAsync(app, "Colleague");

        Assert.IsType<FilingOutcome.Invalid>(await kit.AsRegulatorAsync(s => s.AddRemarkAsync(id, entry.Id, " ")));
        var remark = Assert.IsType<FilingOutcome.Done>(await kit.AsRegulatorAsync(s => s.AddRemarkAsync(id, entry.Id, "Check the passport."))).FilingId;
        Assert.Empty(await kit.QueryAsync(q => q.RemarksAsync(id)));
        Assert.Single(await kit.QueryAsync(q => q.RemarksAsync(id), kit.Regulator));
        Assert.IsType<FilingOutcome.Invalid>(await kit.AsRegulatorAsync(s => s.RemoveRemarkAsync(remark), colleague));

        await kit.ReturnAsync(id);

        Assert.Equal("Check the passport.", Assert.Single(await kit.QueryAsync(q => q.RemarksAsync(id))).Text);
        Assert.IsType<FilingOutcome.Invalid>(await kit.AsRegulatorAsync(s => s.AddRemarkAsync(id, entry.Id, "Another.")));
        Assert.IsType<FilingOutcome.Invalid>(await kit.AsRegulatorAsync(s => s.RemoveRemarkAsync(remark)));
    }

    [Theory]
    [MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task A_demand_with_a_past_due_date_or_no_reason_is_refused_with_nothing_written(TestProvider provider)
    {
        // The messages are read in English here; FilingNoticeLanguageTests and the page scan cover Chinese.
        using var english = CultureScope.Use("en");
        await using var app = await TestApp.StartAsync(provider);
        var kit = await FilingTestKit.CreateAsync(app);

        var past = Assert.IsType<FilingOutcome.Invalid>(await kit.AsRegulatorAsync(s =>
            s.DemandAsync(new DemandInput(DemandScope.AllFirms, null, null, kit.Today.AddDays(-1), "Lists."))));
        var today = Assert.IsType<FilingOutcome.Invalid>(await kit.AsRegulatorAsync(s =>
            s.DemandAsync(new DemandInput(DemandScope.AllFirms, null, null, kit.Today, "Lists."))));
        var noReason = Assert.IsType<FilingOutcome.Invalid>(await kit.AsRegulatorAsync(s =>
            s.DemandAsync(new DemandInput(DemandScope.AllFirms, null, null, kit.Today.AddDays(9), ""))));
        var noSegment = Assert.IsType<FilingOutcome.Invalid>(await kit.AsRegulatorAsync(s =>
            s.DemandAsync(new DemandInput(DemandScope.Segment, null, null, kit.Today.AddDays(9), "Lists."))));
        var noFirm = Assert.IsType<FilingOutcome.Invalid>(await kit.AsRegulatorAsync(s =>
            s.DemandAsync(new DemandInput(DemandScope.Firm, null, Guid.CreateVersion7(), kit.Today.AddDays(9), "Lists."))));

        Assert.Equal(("DueOn", "The due date must be after today (2026-11-02)."), (past.Field, past.Message));
        Assert.Equal("DueOn", today.Field);
        Assert.Equal("Reason", noReason.Field);
        Assert.Equal("Segment", noSegment.Field);
        Assert.Equal(("FirmId", "There is no such firm."), (noFirm.Field, noFirm.Message));
        await using var db = app.OpenDb();
        Assert.Equal(0, await db.FilingPeriods.CountAsync(p => p.Kind == FilingPeriodKind.Demand));
    }

    [Theory]
    [MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task A_segment_demand_appears_as_a_period_for_that_segment_s_firms_and_tells_their_HR(TestProvider provider)
    {
        // The messages are read in English here; FilingNoticeLanguageTests and the page scan cover Chinese.
        using var english = CultureScope.Use("en");
        await using var app = await TestApp.StartAsync(provider);
        var magnets = await FilingTestKit.CreateAsync(app);
        var mining = await FilingTestKit.OtherFirmAsync(magnets, firmName: "Mining Co");
        await app.WithDbAsync(TestUsers.Admin, async db =>
        {
            (await db.Firms.SingleAsync(f => f.Id == magnets.Firm.Id)).Segment = IndustrySegment.PermanentMagnets;
            (await db.Firms.SingleAsync(f => f.Id == mining.Firm.Id)).Segment = IndustrySegment.RareEarthMining;
            await db.SaveChangesAsync();
        });

        var id = Assert.IsType<FilingOutcome.Done>(await magnets.AsRegulatorAsync(s => s.DemandAsync(new DemandInput(DemandScope.Segment,
            IndustrySegment.RareEarthMining, null, magnets.Today.AddDays(10), "Submit detailed lists of specialists.")))).FilingId;

        Assert.Contains(await mining.AsHrAsync(s => s.PeriodsAsync()), p => p.PeriodId == id && p.Reason == "Submit detailed lists of specialists.");
        Assert.DoesNotContain(await magnets.AsHrAsync(s => s.PeriodsAsync()), p => p.PeriodId == id);
        Assert.Contains(await app.NotificationsAsync(mining.Hr), n => n.Message.StartsWith("The regulator demands a filing of your roster by 2026-11-12", StringComparison.Ordinal));
        Assert.Empty(await app.NotificationsAsync(magnets.Hr));
        // The demand is filed like any period.
        await mining.SubmitAsync(id);
    }
}
