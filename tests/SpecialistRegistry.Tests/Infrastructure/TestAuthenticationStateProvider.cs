using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;

namespace SpecialistRegistry.Tests.Infrastructure;

/// <summary>Lets a test say who is signed in for one service scope.</summary>
public sealed class TestAuthenticationStateProvider : AuthenticationStateProvider
{
    public ClaimsPrincipal User { get; set; } = new(new ClaimsIdentity());

    public override Task<AuthenticationState> GetAuthenticationStateAsync() => Task.FromResult(new AuthenticationState(User));
}
