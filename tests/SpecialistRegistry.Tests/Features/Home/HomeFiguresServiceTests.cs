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
        Assert.Equal(expected, custody.Held + custody.Released + custody.NotHeld);
    }

    [Fact]
    public async Task Regulator_figures_span_all_firms_and_count_overdue_passports()
    {
        await using var db = _app.OpenDb();
        var today = DateOnly.FromDateTime(_app.Clock.GetUtcNow().UtcDateTime);
        var overdue = await db.Passports.CountAsync(p => p.IsCurrent && p.Specialist!.Status == EmploymentStatus.Current
            && p.CustodyStatus == CustodyStatus.Released && p.DueBackOn < today);

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

    private async Task<T> FiguresAs<T>(System.Security.Claims.ClaimsPrincipal user, Func<HomeFiguresService, Task<T>> get)
    {
        await using var scope = _app.Scope(user);
        return await get(scope.ServiceProvider.GetRequiredService<HomeFiguresService>());
    }
}
