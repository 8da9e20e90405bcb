using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SpecialistRegistry.Auth;
using SpecialistRegistry.Data;
using SpecialistRegistry.Domain;
using SpecialistRegistry.Tests.Infrastructure;

namespace SpecialistRegistry.Tests.Auth;

/// <summary>The server-side session record on each engine: lifetime, sign-out, ending the other sessions.</summary>
public sealed class SignInSessionsTests
{
    [Theory]
    [MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task A_session_ends_at_the_absolute_lifetime_however_active_it_was(TestProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var userId = await NewUserAsync(app);
        await using var scope = app.Scope();
        var sessions = scope.ServiceProvider.GetRequiredService<SignInSessions>();

        var session = await sessions.StartAsync(Actor.System, userId);
        app.Clock.Advance(TimeSpan.FromHours(11.9));
        Assert.True(await sessions.IsActiveAsync(userId, session));
        app.Clock.Advance(TimeSpan.FromHours(0.2));

        Assert.False(await sessions.IsActiveAsync(userId, session));
    }

    [Theory]
    [MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task Ending_the_other_sessions_keeps_the_current_one_and_leaves_an_audit_entry(TestProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var userId = await NewUserAsync(app);
        await using var scope = app.Scope();
        var sessions = scope.ServiceProvider.GetRequiredService<SignInSessions>();
        var here = await sessions.StartAsync(Actor.System, userId);
        var laptop = await sessions.StartAsync(Actor.System, userId);
        var phone = await sessions.StartAsync(Actor.System, userId);

        var ended = await sessions.EndOthersAsync(new Actor(userId, "Session owner"), userId, here);

        Assert.Equal(2, ended);
        Assert.True(await sessions.IsActiveAsync(userId, here));
        Assert.False(await sessions.IsActiveAsync(userId, laptop));
        Assert.False(await sessions.IsActiveAsync(userId, phone));
        await using var db = app.OpenDb();
        Assert.Equal(2, await db.AuditEntries.CountAsync(e => e.ActorId == userId));
    }

    [Theory]
    [MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task A_new_sign_in_forgets_the_users_expired_sessions(TestProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var userId = await NewUserAsync(app);
        await using var scope = app.Scope();
        var sessions = scope.ServiceProvider.GetRequiredService<SignInSessions>();
        await sessions.StartAsync(Actor.System, userId);
        app.Clock.Advance(TimeSpan.FromHours(13));

        await sessions.StartAsync(Actor.System, userId);

        await using var db = app.OpenDb();
        Assert.Equal(1, await db.UserTokens.CountAsync(t => t.UserId == userId && t.LoginProvider == SignInSessions.LoginProvider));
    }

    private static async Task<string> NewUserAsync(TestApp app)
    {
        await using var scope = app.Scope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = new ApplicationUser { UserName = "sessions@test.registry", Email = "sessions@test.registry", DisplayName = "Sessions" };
        Assert.True((await users.CreateAsync(user, "Long-Enough-2026")).Succeeded);
        return user.Id;
    }
}
