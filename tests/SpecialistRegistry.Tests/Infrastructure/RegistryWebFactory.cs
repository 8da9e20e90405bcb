using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SpecialistRegistry.Data;
using SpecialistRegistry.Domain;

namespace SpecialistRegistry.Tests.Infrastructure;

/// <summary>
/// The whole app in memory, in Development (so the demo data and demo accounts are seeded) over a new SQLite
/// database in a temporary folder. Shared by the HTTP tests of one collection.
/// </summary>
public sealed partial class RegistryWebFactory : WebApplicationFactory<Program>
{
    private readonly string _folder = Directory.CreateTempSubdirectory("registry-web-").FullName;

    /// <summary>The clock the sign-in cookie's security-stamp check reads, so a test can let a minute pass.</summary>
    public FakeTimeProvider StampClock { get; } = new(DateTimeOffset.UtcNow);

    /// <summary>
    /// Moves the security-stamp clock just past the revalidation interval from now, so the next request of a
    /// cookie issued until now revalidates. Never backwards (tests share the clock), and never far ahead: a clock
    /// left minutes ahead would revalidate, and renew, every later test's cookie.
    /// </summary>
    public void PassRevalidationInterval(TimeSpan? extra = null)
    {
        var target = DateTimeOffset.UtcNow + SpecialistRegistry.Auth.RegistryAuthExtensions.RevalidationInterval + (extra ?? TimeSpan.FromSeconds(1));
        if (StampClock.GetUtcNow() < target)
            StampClock.SetUtcNow(target);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("Registry:DataFolder", _folder);
        // The tests read English texts unless they ask for Chinese (Accept-Language: zh-CN); the app's own default is zh-CN.
        builder.UseSetting("Registry:DefaultCulture", "en");
        // The collection signs in and downloads far more often than a person would; Web/RateLimitHttpTests
        // has an app of its own with low limits.
        foreach (var action in Enum.GetNames<SpecialistRegistry.Web.ThrottledAction>())
            builder.UseSetting($"Registry:RateLimits:{action}:PermitLimit", "100000");
        builder.ConfigureServices(s => s.Configure<SecurityStampValidatorOptions>(o => o.TimeProvider = StampClock));
    }

    /// <summary>Creates an account directly, as an Admin would, and returns it.</summary>
    public async Task<ApplicationUser> CreateUserAsync(string email, string password, string role, Action<ApplicationUser>? adjust = null)
    {
        await using var scope = Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<RegistryDb>().Actor = Actor.System;
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = new ApplicationUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = email };
        adjust?.Invoke(user);
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
            throw new InvalidOperationException(string.Join("; ", created.Errors.Select(e => e.Description)));
        await users.AddToRoleAsync(user, role);
        return user;
    }

    /// <summary>Changes an account in a scope of its own, the way an Admin's action reaches the store.</summary>
    public async Task UpdateUserAsync(string email, Func<UserManager<ApplicationUser>, ApplicationUser, Task> change)
    {
        await using var scope = Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<RegistryDb>().Actor = Actor.System;
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = await users.FindByEmailAsync(email) ?? throw new InvalidOperationException($"No user {email}");
        await change(users, user);
    }

    public HttpClient CreateBrowserlessClient() =>
        CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>Signs in through the real login form (antiforgery token and all) and returns the signed-in client.</summary>
    public async Task<HttpClient> SignedInClientAsync(string email, string password)
    {
        var client = CreateBrowserlessClient();
        var response = await SignInAsync(client, email, password);
        if (response.StatusCode != HttpStatusCode.Redirect)
            throw new InvalidOperationException($"Sign-in as {email} failed: {response.StatusCode}");
        return client;
    }

    public static async Task<HttpResponseMessage> SignInAsync(HttpClient client, string email, string password)
    {
        var form = await client.GetStringAsync("/Account/Login");
        var token = TokenFrom(form);
        return await client.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login",
            ["__RequestVerificationToken"] = token,
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        }));
    }

    public static string TokenFrom(string html) => AntiforgeryToken().Match(html).Groups[1].Value;

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}

[CollectionDefinition(Name)]
public sealed class WebCollection : ICollectionFixture<RegistryWebFactory>
{
    public const string Name = "web";
}
