using System.Security.Claims;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SpecialistRegistry.Auth;
using SpecialistRegistry.Components.Account.Shared;
using SpecialistRegistry.Data;
using SpecialistRegistry.Tests.Infrastructure;

namespace SpecialistRegistry.Tests.Auth;

/// <summary>An open page with no input for the idle time ends its session and goes to the sign-in page.</summary>
public sealed class IdleSignOutTests : BunitTestBase, IAsyncLifetime
{
    private TestApp _app = default!;
    private AsyncServiceScope _scope;
    private SignInSessions _sessions = default!;
    private string _userId = "";
    private string _session = "";

    private async Task StartAsync()
    {
        _app = await TestApp.StartAsync();
        _scope = _app.Scope();
        _sessions = _scope.ServiceProvider.GetRequiredService<SignInSessions>();
        await using (var scope = _app.Scope())
        {
            var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<SpecialistRegistry.Domain.ApplicationUser>>();
            var user = new SpecialistRegistry.Domain.ApplicationUser { UserName = "idle@test.registry", Email = "idle@test.registry", DisplayName = "Idle" };
            Assert.True((await users.CreateAsync(user, "Long-Enough-2026")).Succeeded);
            _userId = user.Id;
        }
        _session = await _sessions.StartAsync(Actor.System, _userId);

        Context.JSInterop.SetupModule("./Components/Account/Shared/IdleSignOut.razor.js");
        Context.Services.AddSingleton<TimeProvider>(_app.Clock);
        Context.Services.AddSingleton(new SessionActivity(_app.Clock));
        Context.Services.AddSingleton(_sessions);
        Context.Services.AddSingleton(Options.Create(new AuthOptions { IdleMinutes = 30 }));
        Context.Services.AddSingleton<Microsoft.Extensions.Logging.ILoggerFactory>(NullLoggerFactory.Instance);
        var principal = TestUsers.Principal(Roles.Regulator, id: _userId);
        principal.Identities.First().AddClaim(new Claim(RegistryClaims.SessionId, _session));
        SignIn(principal);
    }

    [Fact]
    public async Task A_page_without_input_for_the_idle_time_ends_the_session_and_says_why()
    {
        await StartAsync();
        var cut = Context.Render<IdleSignOut>();
        var navigation = Context.Services.GetRequiredService<NavigationManager>();

        _app.Clock.Advance(TimeSpan.FromMinutes(31));

        cut.WaitForAssertion(() => Assert.EndsWith(IdleSignOut.SignedOutAddress, navigation.Uri), TimeSpan.FromSeconds(10));
        Assert.False(await _sessions.IsActiveAsync(_userId, _session));
    }

    [Fact]
    public async Task Input_keeps_the_session_open()
    {
        await StartAsync();
        var cut = Context.Render<IdleSignOut>();
        var navigation = Context.Services.GetRequiredService<NavigationManager>();

        _app.Clock.Advance(TimeSpan.FromMinutes(20));
        await cut.InvokeAsync(cut.Instance.Active);
        _app.Clock.Advance(TimeSpan.FromMinutes(20));
        await Task.Delay(200);

        Assert.DoesNotContain("signedOut", navigation.Uri);
        Assert.True(await _sessions.IsActiveAsync(_userId, _session));
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await _scope.DisposeAsync();
        if (_app is not null)
            await _app.DisposeAsync();
    }
}
