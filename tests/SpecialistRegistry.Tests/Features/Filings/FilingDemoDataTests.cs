using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SpecialistRegistry.Data;
using SpecialistRegistry.Data.Seed;
using SpecialistRegistry.Domain;
using SpecialistRegistry.Features.Filings;
using SpecialistRegistry.Tests.Infrastructure;

namespace SpecialistRegistry.Tests.Features.Filings;

/// <summary>The demo has filings in every state, so each filings page has work on first start.</summary>
public sealed class FilingDemoDataTests
{
    [Fact]
    public async Task The_demo_has_filings_awaiting_review_returned_with_remarks_accepted_last_quarter_and_a_firm_overdue()
    {
        await using var app = await TestApp.StartAsync();
        await using (var seed = app.Scope())
            Assert.True(await seed.ServiceProvider.GetRequiredService<DemoData>().SeedIfEmptyAsync());

        await using var db = app.OpenDb();
        var filings = await db.Filings.AsNoTracking().Include(f => f.ReportingPeriod).ToListAsync();
        Assert.Contains(filings, f => f.Status == FilingStatus.Submitted);
        var returned = Assert.Single(filings, f => f.Status == FilingStatus.Returned);
        Assert.Equal(2, await db.FilingRemarks.CountAsync(r => r.FilingId == returned.Id));
        Assert.Contains(filings, f => f.Status == FilingStatus.Accepted && f.Period == "2026-Q3");
        var today = DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime);
        var obligations = await FilingObligations.LoadAsync(db, db.FilingPeriods, default);
        Assert.Contains(obligations, o => o.IsOverdue(today));
        Assert.Contains(obligations, o => o.Period.Kind == FilingPeriodKind.Demand);
        Assert.All(filings, f => Assert.Equal(f.EntryCount, db.FilingEntries.Count(e => e.FilingId == f.Id)));

        // The demo Firm HR's roster passes the checks, and this quarter's comparison shows every kind of change.
        var hr = await db.Users.SingleAsync(u => u.Email == DemoAccounts.FirmHrEmail);
        await using var scope = app.Scope(TestUsers.FirmHr(hr.FirmId!.Value));
        var service = scope.ServiceProvider.GetRequiredService<FilingService>();
        var quarter = (await service.PeriodsAsync()).Single(p => p.Code == "2026-Q4");
        var draft = Assert.IsType<FilingOutcome.Prepared>(await service.PrepareAsync(quarter.PeriodId));
        Assert.True(draft.Comparison.CanSubmit);
        Assert.Equal((2, 3, 1), (draft.Comparison.Counts.Added, draft.Comparison.Counts.Changed, draft.Comparison.Counts.Removed));
    }
}
