using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SpecialistRegistry.Data.Seed;
using SpecialistRegistry.Domain;
using SpecialistRegistry.Features.Home;
using SpecialistRegistry.Tests.Infrastructure;

namespace SpecialistRegistry.Tests.Features.Home;

public sealed class HomeFiguresServiceTests : IAsyncLifetime
{
    private TestApp _app = default!;

    public async Task InitializeAsync()
    {
        _app = await TestApp.StartAsync();
        await using var scope = _app.Scope();
        await scope.ServiceProvider.GetRequiredService<DemoData>().SeedIfEmptyAsync();
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Firm_HR_figures_count_only_their_own_firm()
    {
        await using var db = _app.OpenDb();
        var firm = await db.Firms.OrderBy(f => f.Name).FirstAsync();
        var expected = await db.Specialists.CountAsync(s => s.FirmId == firm.Id && s.Status == EmploymentStatus.Current);
        var all = await db.Specialists.CountAsync(s => s.Status == EmploymentStatus.Current);

        var figures = await FiguresAs(TestUsers.FirmHr(firm.Id), s => s.ForFirmHrAsync());

        Assert.Equal(firm.Name, figures.FirmName);
        Assert.Equal(expected, figures.CurrentSpecialists);
        Assert.True(expected < all);
        var custody = figures.Custody;
        // The home page shows held, released and not deposited; a current passport reported lost is none of them.
        var lost = await db.Passports.CountAsync(p => p.IsCurrent && p.CustodyStatus == CustodyStatus.Lost
            && p.Specialist!.FirmId == firm.Id && p.Specialist.Status == EmploymentStatus.Current);
        Assert.Equal(expected, custody.Held + custody.Released + custody.NotHeld + lost);
    }

    [Fact]
    public async Task Regulator_figures_span_all_firms_and_count_overdue_passports()
    {
        await using var db = _app.OpenDb();
        var today = DateOnly.FromDateTime(_app.Clock.GetUtcNow().UtcDateTime);
        var overdue = await db.Passports.CountAsync(p => p.CustodyStatus == CustodyStatus.Released && p.DueBackOn < today);

        var figures = await FiguresAs(TestUsers.Regulator, s => s.ForRegulatorAsync());

        Assert.Equal(6, figures.Firms);
        Assert.Equal(await db.Specialists.CountAsync(s => s.Status == EmploymentStatus.Current), figures.CurrentSpecialists);
        Assert.Equal(overdue, figures.Custody.Overdue);
        Assert.True(overdue > 0, "the demo data has overdue passports");
    }

    [Fact]
    public async Task Admin_figures_count_users_by_role()
    {
        var figures = await FiguresAs(TestUsers.Admin, s => s.ForAdminAsync());

        Assert.Equal(DemoAccounts.All.Length, figures.Users);
        Assert.All(DemoAccounts.All, a => Assert.Equal(1, figures.UsersByRole[a.Role]));
    }

    [Fact]
    public async Task Firm_HR_sees_their_next_filing_and_the_regulator_how_firms_filed_per_period_in_the_demo()
    {
        await using var db = _app.OpenDb();
        var hrFirm = (await db.Users.SingleAsync(u => u.Email == DemoAccounts.FirmHrEmail)).FirmId!.Value;
        var unfiled = (await db.Firms.OrderBy(f => f.Name).ToListAsync()).Single(f => f.Name.StartsWith("Shanxi", StringComparison.Ordinal));

        var hr = await FiguresAs(TestUsers.FirmHr(hrFirm), s => s.ForFirmHrAsync());
        var late = await FiguresAs(TestUsers.FirmHr(unfiled.Id), s => s.ForFirmHrAsync());
        var regulator = await FiguresAs(TestUsers.Regulator, s => s.ForRegulatorAsync());

        // On 2026-11-02 the demo's firm has filed 2026 Q3 (accepted); 2026 Q4 is next, due 2027-01-30.
        Assert.Equal(("2026-Q4", FilingState.NotStarted, new DateOnly(2027, 1, 30), true, false), (hr.NextFiling!.Code, hr.NextFiling.State, hr.NextFiling.DueOn, hr.NextFiling.NeedsAction, hr.NextFiling.Overdue));
        Assert.Equal(("2026-Q3", true, 2), (late.NextFiling!.Code, late.NextFiling.Overdue, late.NextFiling.PeriodsNeedingAction));
        Assert.Equal(2, regulator.FilingsAwaitingReview);
        var q3 = regulator.FilingCompliance.Single(c => c.Period.Code == "2026-Q3");
        Assert.Equal((6, 3, 2, 1, 1, 1, 1, 3), (q3.Firms, q3.OnTime, q3.Late, q3.NotFiled, q3.Overdue, q3.AwaitingReview, q3.Returned, q3.Accepted));
        var demand = regulator.FilingCompliance.Single(c => c.Period.Kind == FilingPeriodKind.Demand);
        Assert.Equal((2, 1, 0, 1, 1), (demand.Firms, demand.OnTime, demand.Late, demand.NotFiled, demand.Overdue));
        Assert.Equal(3, regulator.FilingCompliance.Count);
    }

    private async Task<T> FiguresAs<T>(System.Security.Claims.ClaimsPrincipal user, Func<HomeFiguresService, Task<T>> get)
    {
        await using var scope = _app.Scope(user);
        return await get(scope.ServiceProvider.GetRequiredService<HomeFiguresService>());
    }
}
