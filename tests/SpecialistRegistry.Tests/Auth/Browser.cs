using System.Net;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using SpecialistRegistry.Tests.Infrastructure;

namespace SpecialistRegistry.Tests.Auth;

/// <summary>
/// A browser-like client of the test server whose cookie jar the test can read, so a test can copy a sign-in
/// cookie to another client the way a thief would.
/// </summary>
internal sealed class Browser : IDisposable
{
    public const string AuthCookie = ".AspNetCore.Identity.Application";

    private Browser(RegistryWebFactory factory, CookieContainer jar)
    {
        Jar = jar;
        Client = factory.CreateDefaultClient(new CookieContainerHandler(jar));
    }

    public CookieContainer Jar { get; }
    public HttpClient Client { get; }

    public static Browser Open(RegistryWebFactory factory) => new(factory, new CookieContainer());

    public static async Task<Browser> SignedInAsync(RegistryWebFactory factory, string email, string password)
    {
        var browser = Open(factory);
        var response = await RegistryWebFactory.SignInAsync(browser.Client, email, password);
        if (response.StatusCode != HttpStatusCode.Redirect)
            throw new InvalidOperationException($"Sign-in as {email} failed: {response.StatusCode}");
        return browser;
    }

    /// <summary>A second client holding a copy of this one's sign-in cookie (and nothing else).</summary>
    public Browser CopyOfSignInCookie(RegistryWebFactory factory)
    {
        var copy = new CookieContainer();
        foreach (Cookie cookie in Jar.GetCookies(Client.BaseAddress!))
            if (cookie.Name.StartsWith(AuthCookie, StringComparison.Ordinal))
                copy.Add(Client.BaseAddress!, new Cookie(cookie.Name, cookie.Value, "/"));
        if (copy.Count == 0)
            throw new InvalidOperationException("No sign-in cookie to copy.");
        return new Browser(factory, copy);
    }

    /// <summary>Posts a static page's form the way the browser does: its antiforgery token and handler name.</summary>
    public async Task<HttpResponseMessage> PostFormAsync(string page, string handler, Dictionary<string, string>? fields = null, string? action = null)
    {
        var html = await Client.GetStringAsync(page);
        var form = new Dictionary<string, string>(fields ?? [])
        {
            ["__RequestVerificationToken"] = RegistryWebFactory.TokenFrom(html),
        };
        if (handler.Length > 0)
            form["_handler"] = handler;
        return await Client.PostAsync(action ?? page, new FormUrlEncodedContent(form));
    }

    public async Task<HttpResponseMessage> SignOutAsync() =>
        await PostFormAsync("/Account/Manage", "", new() { ["returnUrl"] = "/" }, action: "/Account/Logout");

    public void Dispose() => Client.Dispose();
}
