using System.Net;
using SpecialistRegistry.Auth;
using SpecialistRegistry.Tests.Infrastructure;

namespace SpecialistRegistry.Tests.Auth;

/// <summary>Sign-out and "sign out my other sessions" end sessions on the server, not only in the browser.</summary>
[Collection(WebCollection.Name)]
public sealed class SessionTests(RegistryWebFactory factory)
{
    private const string Password = "Copied-Cookie-Check-2026";

    private async Task<string> NewRegulatorAsync()
    {
        var email = $"session-{Guid.NewGuid():N}@test.registry";
        await factory.CreateUserAsync(email, Password, Roles.Regulator);
        return email;
    }

    [Fact]
    public async Task A_copied_cookie_stops_opening_pages_and_exports_once_its_owner_signs_out()
    {
        var email = await NewRegulatorAsync();
        using var owner = await Browser.SignedInAsync(factory, email, Password);
        using var thief = owner.CopyOfSignInCookie(factory);
        Assert.Equal(HttpStatusCode.OK, (await thief.Client.GetAsync("/")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await thief.Client.GetAsync("/search/export.csv")).StatusCode);

        var signedOut = await owner.SignOutAsync();
        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);

        var page = await thief.Client.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Contains("/Account/Login", page.Headers.Location!.OriginalString);
        var export = await thief.Client.GetAsync("/search/export.csv");
        Assert.NotEqual(HttpStatusCode.OK, export.StatusCode);
    }

    [Fact]
    public async Task Signing_out_other_sessions_ends_them_and_keeps_this_one()
    {
        var email = await NewRegulatorAsync();
        using var here = await Browser.SignedInAsync(factory, email, Password);
        using var elsewhere = await Browser.SignedInAsync(factory, email, Password);
        Assert.Equal(HttpStatusCode.OK, (await elsewhere.Client.GetAsync("/")).StatusCode);

        var done = await here.PostFormAsync("/Account/Manage", "sign-out-others");
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);

        Assert.Contains("other sessions are signed out (1 ended)", await here.Client.GetStringAsync("/Account/Manage"));
        Assert.Equal(HttpStatusCode.OK, (await here.Client.GetAsync("/")).StatusCode);
        var refused = await elsewhere.Client.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.Contains("/Account/Login", refused.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task An_idle_sign_out_is_explained_on_the_sign_in_page()
    {
        using var browser = Browser.Open(factory);

        var page = await browser.Client.GetStringAsync("/Account/Login?signedOut=idle");

        Assert.Contains("You were signed out after 30 minutes without activity", page);
    }
}
