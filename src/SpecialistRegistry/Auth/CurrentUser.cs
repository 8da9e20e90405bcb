using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using SpecialistRegistry.Data;

namespace SpecialistRegistry.Auth;

/// <summary>What the rest of the app needs to know about the person acting in this scope.</summary>
public sealed record UserContext(ClaimsPrincipal Principal)
{
    public bool IsAuthenticated => Principal.Identity?.IsAuthenticated == true;
    public string? Id => Principal.FindFirstValue(ClaimTypes.NameIdentifier);
    public string Name => Principal.FindFirstValue(RegistryClaims.DisplayName) ?? Principal.Identity?.Name ?? "";
    public string? Role => Roles.All.FirstOrDefault(Principal.IsInRole);
    public Guid? FirmId => Guid.TryParse(Principal.FindFirstValue(RegistryClaims.FirmId), out var id) ? id : null;

    public Actor Actor => IsAuthenticated && Id is not null ? new Actor(Id, Name) : new Actor("anonymous", "Anonymous");

    /// <summary>
    /// A Firm HR user sees only their firm. One without a firm sees nothing (an empty Guid matches no row),
    /// rather than everything.
    /// </summary>
    public Guid? FirmScope => Principal.IsInRole(Roles.FirmHR) ? FirmId ?? Guid.Empty : null;
}

/// <summary>
/// Finds the user for this scope: the circuit's authentication state inside Blazor, else the HTTP request's user.
/// </summary>
public sealed class CurrentUser(AuthenticationStateProvider authState, IHttpContextAccessor http)
{
    private static readonly ClaimsPrincipal Anonymous = new(new ClaimsIdentity());

    public UserContext Get()
    {
        try
        {
            // The server-side provider completes synchronously once the circuit or request has set it.
            var task = authState.GetAuthenticationStateAsync();
            if (task.IsCompletedSuccessfully)
                return new UserContext(task.Result.User);
        }
        catch (InvalidOperationException)
        {
            // Outside a Razor component (minimal API endpoints, middleware) there is no authentication state.
        }
        return new UserContext(http.HttpContext?.User ?? Anonymous);
    }
}
