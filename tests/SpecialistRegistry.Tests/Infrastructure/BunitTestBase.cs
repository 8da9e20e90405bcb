using System.Security.Claims;
using Bunit;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using MudBlazor.Services;
using SpecialistRegistry.Auth;

namespace SpecialistRegistry.Tests.Infrastructure;

/// <summary>
/// A bUnit context with MudBlazor and the app's real authorization policies, signed in as a given principal.
/// MudBlazor's services are async-disposable only, hence IAsyncLifetime.
/// </summary>
public abstract class BunitTestBase : IAsyncLifetime
{
    protected BunitContext Context { get; } = new();

    protected BunitTestBase()
    {
        Context.JSInterop.Mode = JSRuntimeMode.Loose;
        Context.Services.AddMudServices();
        Context.Services.AddLocalization();
        Context.Services.AddScoped<SpecialistRegistry.Components.Shared.BrowserDownload>();
        // The app's real policies and authorization service, in place of bUnit's placeholder.
        Context.Services.AddAuthorizationCore(o => o.AddRegistryPolicies());
        Context.Services.Replace(ServiceDescriptor.Transient<IAuthorizationService, DefaultAuthorizationService>());
    }

    /// <summary>Call after the last Services.Add*: signs in <paramref name="user"/> (anonymous when null).</summary>
    protected void SignIn(ClaimsPrincipal? user)
    {
        Context.Services.AddSingleton<AuthenticationStateProvider>(new TestAuthenticationStateProvider { User = user ?? new ClaimsPrincipal(new ClaimsIdentity()) });
        Context.Services.AddCascadingAuthenticationState();
        Context.SetRendererInfo(new RendererInfo("Server", true));
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await Context.DisposeAsync();
}
