using System.Security.Claims;
using Microsoft.Extensions.DependencyInjection;
using SpecialistRegistry.Auth;
using SpecialistRegistry.Domain;
using SpecialistRegistry.Features.Watches;
using SpecialistRegistry.Tests.Infrastructure;

namespace SpecialistRegistry.Tests.Features.Watches;

/// <summary>Regulators with real accounts (watches and notifications belong to a user row) and their watches.</summary>
public static class WatchTestData
{
    public static async Task<ClaimsPrincipal> AddRegulatorAsync(TestApp app, string name)
    {
        var id = await TestData.AddUserAsync(app, Roles.Regulator);
        return TestUsers.Principal(Roles.Regulator, id: id, name: name);
    }

    public static string Id(this ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.NameIdentifier)!;

    public static async Task<T> AsAsync<T>(this TestApp app, ClaimsPrincipal user, Func<WatchService, Task<T>> work)
    {
        await using var scope = app.Scope(user);
        return await work(scope.ServiceProvider.GetRequiredService<WatchService>());
    }

    public static Task WatchAsync(this TestApp app, ClaimsPrincipal user, Guid specialistId) =>
        app.AsAsync(user, w => w.WatchAsync(specialistId));

    public static Task<IReadOnlyList<NotificationRow>> NotificationsAsync(this TestApp app, ClaimsPrincipal user) =>
        app.AsAsync(user, w => w.RecentAsync());

    public static CustodyEvent Event(TestApp app, CustodyEventKind kind) =>
        new() { Kind = kind, OccurredAt = app.Clock.GetUtcNow(), OfficerId = "officer", OfficerName = "Officer" };
}
