using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SpecialistRegistry.Data.Seed;
using SpecialistRegistry.Domain;
using SpecialistRegistry.Features.Custody;
using SpecialistRegistry.Features.Dashboard;
using SpecialistRegistry.Features.Home;
using SpecialistRegistry.Features.Profile;
using SpecialistRegistry.Features.Travel;
using SpecialistRegistry.Tests.Infrastructure;

namespace SpecialistRegistry.Tests.Features.Travel;

/// <summary>Where travel shows up outside its own pages: the dashboard, the home pages, the profile, and the demo data.</summary>
public sealed class TravelFiguresTests
{
    [Theory]
    [MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task The_dashboard_counts_requests_by_destination_and_purpose_the_approval_rate_and_late_returns_by_firm(TestProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var s = await TravelScenario.CreateAsync(app);
        var late = await app.ApprovedTripAsync(s.Person, s.Today.AddDays(1), s.Today.AddDays(2));
        await ReleaseAsync(s, late.Id);
        app.Clock.Advance(TimeSpan.FromDays(8)); // due back on the 6th, returned on the 10th
        await ReturnAsync(s);
        await app.ApprovedTripAsync(s.Person, s.Today.AddDays(5), s.Today.AddDays(6), "Osaka");
        var denied = await app.RequestAsync(s.Person, s.Today.AddDays(20), s.Today.AddDays(21), "Seoul");
        await app.DecideAsync(denied, TravelDecision.Deny, s.Regulator, text: "No.");
        await app.RequestAsync(s.Person, s.Today.AddDays(30), s.Today.AddDays(31), "Tokyo");

        await using var scope = app.Scope(s.Regulator);
        var figures = await scope.ServiceProvider.GetRequiredService<DashboardService>().LoadTravelAsync();

        Assert.Equal((4, 1, 2, 1, 1, 1), (figures.Requests, figures.Waiting, figures.Approved, figures.Denied, figures.Returned, figures.ReturnedLate));
        Assert.Equal(2.0 / 3, figures.ApprovalRate, 3);
        Assert.Equal([new LabelCount("Japan", 4)], figures.ByDestination);
        Assert.Equal([new PurposeCount(TravelPurpose.Conference, 4)], figures.ByPurpose);
        var firm = Assert.Single(figures.LateReturnsByFirm);
        Assert.Equal((s.Firm.Id, 1), (firm.FirmId, firm.Count));
    }

    [Fact]
    public async Task Each_role_s_home_page_counts_the_travel_that_waits_on_it_and_Firm_HR_only_its_own()
    {
        await using var app = await TestApp.StartAsync();
        var s = await TravelScenario.CreateAsync(app);
        await app.RequestAsync(s.Person, s.Today.AddDays(10), s.Today.AddDays(11));
        var asked = await app.RequestAsync(s.Person, s.Today.AddDays(20), s.Today.AddDays(21));
        await app.DecideAsync(asked, TravelDecision.AskForInformation, s.Regulator, text: "Why?");
        await app.ApprovedTripAsync(s.Person, s.Today.AddDays(30), s.Today.AddDays(31));

        Assert.Equal(new TravelHomeFigures(1, 1, 1), await HomeAsync(app, s.Hr));
        Assert.Equal(new TravelHomeFigures(1, 1, 1), await HomeAsync(app, s.Regulator));
        Assert.Equal(new TravelHomeFigures(0, 0, 0), await HomeAsync(app, s.OtherHr));
    }

    [Fact]
    public async Task The_profile_lists_the_trips_and_its_history_shows_each_step_of_them()
    {
        await using var app = await TestApp.StartAsync();
        var s = await TravelScenario.CreateAsync(app);
        var id = await app.RequestAsync(s.Person, s.Today.AddDays(10), s.Today.AddDays(11));
        await app.DecideAsync(id, TravelDecision.AskForInformation, s.Regulator, text: "Why?");

        await using var scope = app.Scope(s.Regulator);
        var profile = (await scope.ServiceProvider.GetRequiredService<ProfileService>().LoadAsync(s.Person.Id))!;
        var trips = await scope.ServiceProvider.GetRequiredService<TravelQueries>().ForSpecialistAsync(s.Person.Id);

        Assert.Contains(profile.History, h => h.EntityType == nameof(TravelRequest) && h.Action == "Added");
        Assert.Contains(profile.History, h => h.EntityType == nameof(TravelRequest) && h.Action == "Modified");
        Assert.Contains(profile.History, h => h.EntityType == nameof(TravelMessage));
        var trip = Assert.Single(trips);
        Assert.Equal(("Tokyo, Japan", "Information requested"), (trip.Destination, trip.Outcome));
    }

    [Fact]
    public async Task The_demo_data_gives_every_travel_page_work_and_keeps_the_audit_chain_whole()
    {
        await using var app = await TestApp.StartAsync();
        await using (var seed = app.Scope())
            Assert.True(await seed.ServiceProvider.GetRequiredService<DemoData>().SeedIfEmptyAsync());

        await using var db = app.OpenDb();
        var statuses = await db.TravelRequests.Select(t => t.Status).Distinct().ToListAsync();
        Assert.Equal(Enum.GetValues<TravelStatus>().Order(), statuses.Order());
        var hrFirm = await db.Users.Where(u => u.Email == DemoAccounts.FirmHrEmail).Select(u => u.FirmId).SingleAsync();
        var atHrFirm = await db.TravelRequests.Where(t => t.FirmId == hrFirm).Select(t => t.Status).ToListAsync();
        Assert.Contains(TravelStatus.Pending, atHrFirm);
        Assert.Contains(TravelStatus.InformationRequested, atHrFirm);
        Assert.True(await db.TravelRequests.AnyAsync(t => t.Status == TravelStatus.Returned && t.LateByDays > 0));
        Assert.True(await db.CustodyEvents.AnyAsync(e => e.Kind == CustodyEventKind.Release && e.TravelRequestId == null && e.ApprovalReference != null),
            "releases from before travel approvals keep their free-text reference");
        await using (var custody = app.Scope(TestUsers.CustodyOfficer))
            Assert.True((await custody.ServiceProvider.GetRequiredService<ToReleaseWorkList>().QueryAsync(new ToReleaseQuery(7))).Total >= 2);
        await using (var regulator = app.Scope(TestUsers.Regulator))
            Assert.True((await regulator.ServiceProvider.GetRequiredService<TravelQueries>().ReviewQueueAsync(new TravelListQuery([TravelStatus.Pending]))).Total >= 4);
        await using var verify = app.Scope();
        Assert.True((await verify.ServiceProvider.GetRequiredService<SpecialistRegistry.Features.Audit.AuditVerifier>().VerifyAsync()).IsIntact);
    }

    private static async Task<TravelHomeFigures> HomeAsync(TestApp app, System.Security.Claims.ClaimsPrincipal user)
    {
        await using var scope = app.Scope(user);
        return await scope.ServiceProvider.GetRequiredService<HomeFiguresService>().ForTravelAsync();
    }

    private static async Task ReleaseAsync(TravelScenario s, Guid tripId)
    {
        await using var scope = s.App.Scope(s.Officer);
        var p = await s.PassportAsync();
        Assert.IsType<CustodyOutcome.Logged>(await scope.ServiceProvider.GetRequiredService<CustodyService>().ReleaseAsync(new ReleaseInput
        {
            PassportId = p.Id, Version = p.Version, TravelRequestId = tripId, AcknowledgedBy = "Wang Wei", BothPartiesAcknowledge = true,
        }));
    }

    private static async Task ReturnAsync(TravelScenario s)
    {
        await using var scope = s.App.Scope(s.Officer);
        var p = await s.PassportAsync();
        Assert.IsType<CustodyOutcome.Logged>(await scope.ServiceProvider.GetRequiredService<CustodyService>().ReturnAsync(new ReturnInput
        {
            PassportId = p.Id, Version = p.Version, Safe = "A", Slot = "1", AcknowledgedBy = "Wang Wei", BothPartiesAcknowledge = true,
        }));
    }
}
