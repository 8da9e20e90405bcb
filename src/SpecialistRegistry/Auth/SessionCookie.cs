using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;

namespace SpecialistRegistry.Auth;

/// <summary>
/// Ties the sign-in cookie to a server-side session (<see cref="SignInSessions"/>): signing in starts one and names
/// it in the cookie; every request that carries the cookie checks that its session still exists before the
/// security-stamp check runs. One indexed read per request buys an immediate sign-out on every node.
/// </summary>
internal static class SessionCookie
{
    /// <summary>The session id in the cookie's properties, which survive sliding renewals and refreshed sign-ins.</summary>
    public const string SessionItem = ".registry.session";

    /// <summary>The sign-in page's query parameter saying why the user was signed out (idle, disabled, ended).</summary>
    public const string SignedOutQuery = "signedOut";

    private const string SignedOutItem = "registry.signedOut";

    public static void Attach(CookieAuthenticationOptions options)
    {
        var stampCheck = options.Events.OnValidatePrincipal;
        options.Events.OnSigningIn = StartSessionAsync;
        var redirectToLogin = options.Events.OnRedirectToLogin;
        options.Events.OnRedirectToLogin = context =>
        {
            // Say on the sign-in page why the session ended (the cookie is gone by then).
            if (context.HttpContext.Items[SignedOutItem] is string reason)
                context.RedirectUri = QueryHelpers.AddQueryString(context.RedirectUri, SignedOutQuery, reason);
            return redirectToLogin(context);
        };
        options.Events.OnValidatePrincipal = async context =>
        {
            var state = await StateAsync(context);
            if (state != SessionState.Active)
            {
                context.HttpContext.Items[SignedOutItem] = SignedOutReason(state);
                var userId = context.Principal?.FindFirstValue(ClaimTypes.NameIdentifier);
                Logger(context.HttpContext).SessionRefused(userId, context.HttpContext.Address());
                context.RejectPrincipal();
                await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
                return;
            }
            await stampCheck(context);
        };
    }

    /// <summary>The session this principal belongs to, as the circuit and the sign-out see it.</summary>
    public static string? SessionId(this ClaimsPrincipal principal) => principal.FindFirstValue(RegistryClaims.SessionId);

    private static async Task StartSessionAsync(CookieSigningInContext context)
    {
        var principal = context.Principal!;
        var userId = principal.FindFirstValue(ClaimTypes.NameIdentifier)!;
        var sessions = context.HttpContext.RequestServices.GetRequiredService<SignInSessions>();
        // A refreshed sign-in (profile saved, password changed) keeps its session; a new sign-in starts one.
        if (!context.Properties.Items.TryGetValue(SessionItem, out var sessionId) || sessionId is null
            || !await sessions.IsActiveAsync(userId, sessionId))
            sessionId = await sessions.StartAsync(new UserContext(principal).Actor, userId);
        context.Properties.Items[SessionItem] = sessionId;
        var identity = principal.Identities.First();
        foreach (var stale in identity.FindAll(RegistryClaims.SessionId).ToList())
            identity.RemoveClaim(stale);
        identity.AddClaim(new Claim(RegistryClaims.SessionId, sessionId));
    }

    private static async Task<SessionState> StateAsync(CookieValidatePrincipalContext context)
    {
        var userId = context.Principal?.FindFirstValue(ClaimTypes.NameIdentifier);
        // A cookie from before sessions were recorded names none: it is refused, and its holder signs in again.
        if (userId is null || !context.Properties.Items.TryGetValue(SessionItem, out var sessionId) || sessionId is null)
            return SessionState.Ended;
        var sessions = context.HttpContext.RequestServices.GetRequiredService<SignInSessions>();
        return await sessions.StateAsync(userId, sessionId, context.HttpContext.RequestAborted);
    }

    /// <summary>The sign-in page's <c>signedOut</c> value for a session that is no longer active.</summary>
    public static string SignedOutReason(SessionState state) => state == SessionState.AccountDisabled ? "disabled" : "ended";

    /// <summary>Why this request's cookie was refused, for the sign-in page served by the same request.</summary>
    public static string? SignedOutReason(HttpContext http) => http.Items[SignedOutItem] as string;

    /// <summary>Keeps the session claim when the security-stamp check rebuilds the principal from the database.</summary>
    public static Task KeepSessionClaim(SecurityStampRefreshingPrincipalContext context)
    {
        if (context.CurrentPrincipal?.SessionId() is { } sessionId && context.NewPrincipal?.Identities.FirstOrDefault() is { } identity
            && !identity.HasClaim(c => c.Type == RegistryClaims.SessionId))
            identity.AddClaim(new Claim(RegistryClaims.SessionId, sessionId));
        return Task.CompletedTask;
    }

    private static ILogger Logger(HttpContext http) =>
        SecurityEvents.Create(http.RequestServices.GetRequiredService<ILoggerFactory>());
}
