using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using SpecialistRegistry.Auth;
using SpecialistRegistry.Domain;

namespace Microsoft.AspNetCore.Routing;

internal static class IdentityComponentsEndpointRouteBuilderExtensions
{
    // The endpoints the Identity Razor components in /Components/Account/Pages post to.
    public static IEndpointConventionBuilder MapAdditionalIdentityEndpoints(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);

        var accountGroup = endpoints.MapGroup("/Account");

        // The form's antiforgery token is checked because the endpoint binds a form value.
        accountGroup.MapPost("/Logout", async (
            HttpContext http,
            [FromServices] SignInManager<ApplicationUser> signInManager,
            [FromServices] SignInSessions sessions,
            [FromServices] ILoggerFactory loggers,
            [FromForm] string? returnUrl) =>
        {
            // Ending the session on the server is what makes a copied cookie worthless, not deleting it here.
            var user = new UserContext(http.User);
            if (user.Id is { } userId && http.User.SessionId() is { } sessionId)
            {
                await sessions.EndAsync(user.Actor, userId, sessionId);
                SecurityEvents.Create(loggers).SignedOut(userId, http.Address(), "sign-out");
            }
            await signInManager.SignOutAsync();
            return TypedResults.LocalRedirect("~/Account/Login");
        });

        return accountGroup;
    }
}
