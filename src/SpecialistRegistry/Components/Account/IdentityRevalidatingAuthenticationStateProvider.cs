using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using SpecialistRegistry.Auth;
using SpecialistRegistry.Domain;

namespace SpecialistRegistry.Components.Account;

// Rechecks the connected user every minute: a disabled account, one whose security stamp changed
// (password reset, role or firm change), or a session that has ended (signed out elsewhere, its other sessions
// signed out, past the absolute lifetime) loses the circuit's access at the next check.
internal sealed class IdentityRevalidatingAuthenticationStateProvider(
        ILoggerFactory loggerFactory,
        IServiceScopeFactory scopeFactory,
        IOptions<IdentityOptions> options)
    : RevalidatingServerAuthenticationStateProvider(loggerFactory)
{
    protected override TimeSpan RevalidationInterval => RegistryAuthExtensions.RevalidationInterval;

    protected override async Task<bool> ValidateAuthenticationStateAsync(
        AuthenticationState authenticationState, CancellationToken cancellationToken)
    {
        // A new scope so the user manager reads fresh data, not the circuit's cached entity.
        await using var scope = scopeFactory.CreateAsyncScope();
        var userManager = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        if (!await IsStillValidAsync(userManager, authenticationState.User))
            return false;
        var sessions = scope.ServiceProvider.GetRequiredService<SignInSessions>();
        return authenticationState.User.SessionId() is { } sessionId
            && await sessions.IsActiveAsync(authenticationState.User.FindFirstValue(ClaimTypes.NameIdentifier)!, sessionId, cancellationToken);
    }

    private async Task<bool> IsStillValidAsync(UserManager<ApplicationUser> userManager, ClaimsPrincipal principal)
    {
        var user = await userManager.GetUserAsync(principal);
        if (user is null || user.IsDisabled)
            return false;
        var principalStamp = principal.FindFirstValue(options.Value.ClaimsIdentity.SecurityStampClaimType);
        var userStamp = await userManager.GetSecurityStampAsync(user);
        return principalStamp == userStamp;
    }
}
