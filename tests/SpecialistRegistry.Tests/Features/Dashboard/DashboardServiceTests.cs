using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SpecialistRegistry.Data;
using SpecialistRegistry.Domain;
using SpecialistRegistry.Features.Dashboard;
using SpecialistRegistry.Features.Search.Memory;
using SpecialistRegistry.Tests.Infrastructure;

namespace SpecialistRegistry.Tests.Features.Dashboard;

public sealed class DashboardServiceTests
{
    [Fact]
    public async Task The_figures_count_current_staff_by_firm_and_segment_custody_compliance_overdue_passports_and_open_flags()
    {
        await using var app = await TestApp.StartAsync();
        var mining = await TestData.AddFirmAsync(app, "Mining");
        var magnets = await TestData.AddFirmAsync(app, "Magnets");
        await app.WithDbAsync(TestUsers.Admin, async db =>
        {
            (await db.Firms.SingleAsync(f => f.Id == magnets.Id)).Segment = IndustrySegment.PermanentMagnets;
            await db.SaveChangesAsync();
        });
        var held = await TestData.AddSpecialistAsync(app, mining.Id, "M-1", passportNumber: "P00000001");
        var released = await TestData.AddSpecialistAsync(app, mining.Id, "M-2", passportNumber: "P00000002");
        await TestData.AddSpecialistAsync(app, mining.Id, "M-3", passportNumber: "P00000003");                      // not deposited
        await TestData.AddSpecialistAsync(app, mining.Id, "M-4", passportNumber: "P00000004", adjust: s => { s.Status = EmploymentStatus.Left; });
        var magnetHeld = await TestData.AddSpecialistAsync(app, magnets.Id, "G-1", passportNumber: "P00000005");
        var today = DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime);

        await app.WithDbAsync(TestUsers.CustodyOfficer, async db =>
        {
            foreach (var id in new[] { held.Id, released.Id, magnetHeld.Id })
            {
                var p = await db.Passports.SingleAsync(x => x.SpecialistId == id);
                db.CustodyEvents.Add(p.HandIn(new CustodyEvent { Kind = CustodyEventKind.HandIn, OccurredAt = app.Clock.GetUtcNow(), OfficerId = "o", OfficerName = "O" }));
                if (id == released.Id)
                    db.CustodyEvents.Add(p.Release(new CustodyEvent
                    {
                        Kind = CustodyEventKind.Release, OccurredAt = app.Clock.GetUtcNow(), OfficerId = "o", OfficerName = "O",
                        ApprovalReference = "TA", DepartureOn = today.AddDays(-20), DueBackOn = today.AddDays(-10),
                    }));
            }
            db.Flags.Add(new Flag { SpecialistId = held.Id, Reason = FlagReason.ForeignContact, Severity = FlagSeverity.Low, Note = "n", RaisedById = "r", RaisedAt = app.Clock.GetUtcNow() });
            db.Flags.Add(new Flag { SpecialistId = released.Id, Reason = FlagReason.ForeignContact, Severity = FlagSeverity.Low, Note = "n", RaisedById = "r", RaisedAt = app.Clock.GetUtcNow() });
            db.Flags.Add(new Flag { SpecialistId = released.Id, Reason = FlagReason.OverdueReturn, Severity = FlagSeverity.High, Note = "n", RaisedById = "r", RaisedAt = app.Clock.GetUtcNow() });
            db.Flags.Add(new Flag { SpecialistId = released.Id, Reason = FlagReason.Other, Severity = FlagSeverity.High, Note = "n", Status = FlagStatus.Resolved, RaisedById = "r", RaisedAt = app.Clock.GetUtcNow() });
            await db.SaveChangesAsync();
        });

        await using var scope = app.Scope(TestUsers.Regulator);
        var figures = await scope.ServiceProvider.GetRequiredService<DashboardService>().LoadAsync();

        Assert.Equal(4, figures.CurrentSpecialists);
        Assert.Equal([(mining.Name, 3), (magnets.Name, 1)], figures.SpecialistsByFirm.Select(f => (f.FirmName, f.Count)));
        Assert.Equal(3, figures.SpecialistsBySegment.Single(s => s.Segment == IndustrySegment.RareEarthMining).Count);
        Assert.Equal(1, figures.SpecialistsBySegment.Single(s => s.Segment == IndustrySegment.PermanentMagnets).Count);
        Assert.Equal(0, figures.SpecialistsBySegment.Single(s => s.Segment == IndustrySegment.MetalAndAlloy).Count);
        Assert.Equal([(mining.Name, 3, 1), (magnets.Name, 1, 1)], figures.Compliance.Select(c => (c.FirmName, c.Current, c.Held)));
        Assert.Equal(1.0 / 3, figures.Compliance[0].Share, 6);
        Assert.Equal(1, figures.Overdue);
        Assert.Equal(1, figures.OverdueByAge.Single(b => b.FromDays == 8 && b.ToDays == 30).Count);
        Assert.Equal([(mining.Name, 1)], figures.OverdueByFirm.Select(f => (f.FirmName, f.Count)));
        Assert.Equal([(FlagReason.ForeignContact, 2), (FlagReason.OverdueReturn, 1)], figures.OpenFlagsByReason.Select(f => (f.Reason, f.Count)));

        // On SQLite the staff counts come from the in-memory search index: SQL must give the same figures.
        Assert.True(app.Get<MemorySearchIndex>().IsLoaded);
        var fromSql = await ActivatorUtilities.CreateInstance<DashboardService>(scope.ServiceProvider,
            Options.Create(new RegistryOptions { SearchInMemory = false })).LoadAsync();
        Assert.Equal(JsonSerializer.Serialize(fromSql), JsonSerializer.Serialize(figures));
    }

    [Fact]
    public void Overdue_ages_fall_into_their_buckets()
    {
        var today = new DateOnly(2026, 11, 29);

        var buckets = DashboardService.AgeBuckets(today, [(today.AddDays(-1), 2), (today.AddDays(-7), 1), (today.AddDays(-8), 4), (today.AddDays(-31), 3), (today.AddDays(-91), 5)]);

        Assert.Equal([(1, (int?)7, 3), (8, 30, 4), (31, 90, 3), (91, null, 5)], buckets.Select(b => (b.FromDays, b.ToDays, b.Count)));
    }

    [Fact]
    public async Task The_dashboard_shows_filing_compliance_per_period_and_the_review_backlog()
    {
        await using var app = await TestApp.StartAsync();
        var firm = await TestData.AddFirmAsync(app, "Filer");
        await TestData.AddFirmAsync(app, "Not yet");
        var period = TestFilings.Quarter(app.Clock.GetUtcNow());
        var specialist = await TestData.AddSpecialistAsync(app, firm.Id, "E-1");
        await app.WithDbAsync(TestUsers.Admin, async db =>
        {
            db.Add(period);
            db.Filings.AddRange(TestFilings.Make(firm.Id, period, FilingStatus.Submitted, app.Clock.GetUtcNow(), specialist));
            await db.SaveChangesAsync();
        });

        await using var scope = app.Scope(TestUsers.Regulator);
        var figures = await scope.ServiceProvider.GetRequiredService<DashboardService>().LoadAsync();

        Assert.Equal(1, figures.FilingsAwaitingReview);
        var q4 = Assert.Single(figures.FilingCompliance);
        Assert.Equal(("2026-Q4", 2, 1, 0, 1, 0, 1), (q4.Period.Code, q4.Firms, q4.OnTime, q4.Late, q4.NotFiled, q4.Overdue, q4.AwaitingReview));
    }
}
