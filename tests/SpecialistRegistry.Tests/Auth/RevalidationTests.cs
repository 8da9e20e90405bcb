using System.Reflection;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SpecialistRegistry.Auth;
using SpecialistRegistry.Components.Account;
using SpecialistRegistry.Data;
using SpecialistRegistry.Domain;
using SpecialistRegistry.Tests.Infrastructure;

namespace SpecialistRegistry.Tests.Auth;

/// <summary>The open Blazor circuit's side of "a disabled user loses access within one minute".</summary>
public sealed class RevalidationTests
{
    [Fact]
    public void Circuits_recheck_the_user_with_margin_inside_the_minute_the_README_promises()
    {
        // Half the minute: a check that starts just after a disable, plus a slow database, still lands inside it.
        Assert.True(RegistryAuthExtensions.RevalidationInterval <= TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task A_circuit_stays_valid_while_the_account_is_unchanged_and_ends_when_it_is_disabled()
    {
        await using var app = await TestApp.StartAsync();
        var (user, state) = await SignedInStateAsync(app);
        var provider = new IdentityRevalidatingAuthenticationStateProvider(
            NullLoggerFactory.Instance, app.Get<IServiceScopeFactory>(), app.Get<IOptions<IdentityOptions>>());

        Assert.True(await ValidateAsync(provider, state));

        await ChangeAsync(app, user.Id, u => u.IsDisabled = true);

        Assert.False(await ValidateAsync(provider, state));
    }

    [Fact]
    public async Task A_circuit_ends_when_the_security_stamp_changes()
    {
        await using var app = await TestApp.StartAsync();
        var (user, state) = await SignedInStateAsync(app);
        var provider = new IdentityRevalidatingAuthenticationStateProvider(
            NullLoggerFactory.Instance, app.Get<IServiceScopeFactory>(), app.Get<IOptions<IdentityOptions>>());

        await using (var scope = app.Scope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            await users.UpdateSecurityStampAsync((await users.FindByIdAsync(user.Id))!);
        }

        Assert.False(await ValidateAsync(provider, state));
    }

    [Fact]
    public async Task A_circuit_ends_when_its_session_is_signed_out_elsewhere()
    {
        await using var app = await TestApp.StartAsync();
        var (user, state) = await SignedInStateAsync(app);
        var provider = new IdentityRevalidatingAuthenticationStateProvider(
            NullLoggerFactory.Instance, app.Get<IServiceScopeFactory>(), app.Get<IOptions<IdentityOptions>>());
        Assert.True(await ValidateAsync(provider, state));

        await using (var scope = app.Scope())
            await scope.ServiceProvider.GetRequiredService<SignInSessions>().EndAsync(Actor.System, user.Id, state.User.SessionId()!);

        Assert.False(await ValidateAsync(provider, state));
    }

    [Fact]
    public async Task A_circuit_ends_at_the_sessions_absolute_lifetime()
    {
        await using var app = await TestApp.StartAsync();
        var (_, state) = await SignedInStateAsync(app);
        var provider = new IdentityRevalidatingAuthenticationStateProvider(
            NullLoggerFactory.Instance, app.Get<IServiceScopeFactory>(), app.Get<IOptions<IdentityOptions>>());

        app.Clock.Advance(TimeSpan.FromHours(12) + TimeSpan.FromMinutes(1));

        Assert.False(await ValidateAsync(provider, state));
    }

    private static async Task<(ApplicationUser, AuthenticationState)> SignedInStateAsync(TestApp app)
    {
        await using var scope = app.Scope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = new ApplicationUser { UserName = "circuit@test.registry", Email = "circuit@test.registry", DisplayName = "Circuit" };
        Assert.True((await users.CreateAsync(user, "Long-Enough-2026")).Succeeded);
        await users.AddToRoleAsync(user, Roles.Regulator);
        var principal = await scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<ApplicationUser>>().CreateAsync(user);
        // What the sign-in cookie carries besides: the server-side session it belongs to.
        var session = await scope.ServiceProvider.GetRequiredService<SignInSessions>().StartAsync(Actor.System, user.Id);
        principal.Identities.First().AddClaim(new System.Security.Claims.Claim(RegistryClaims.SessionId, session));
        return (user, new AuthenticationState(principal));
    }

    private static async Task ChangeAsync(TestApp app, string id, Action<ApplicationUser> change)
    {
        await using var scope = app.Scope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = (await users.FindByIdAsync(id))!;
        change(user);
        await users.UpdateAsync(user);
    }

    // The framework calls this protected method on its revalidation timer; the test calls it directly.
    private static Task<bool> ValidateAsync(IdentityRevalidatingAuthenticationStateProvider provider, AuthenticationState state) =>
        (Task<bool>)typeof(IdentityRevalidatingAuthenticationStateProvider)
            .GetMethod("ValidateAuthenticationStateAsync", BindingFlags.Instance | BindingFlags.NonPublic)!
            .Invoke(provider, [state, CancellationToken.None])!;
}
