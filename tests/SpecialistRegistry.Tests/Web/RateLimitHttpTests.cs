using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SpecialistRegistry.Auth;
using SpecialistRegistry.Data;
using SpecialistRegistry.Data.Seed;
using SpecialistRegistry.Domain;
using SpecialistRegistry.Tests.Infrastructure;

namespace SpecialistRegistry.Tests.Web;

/// <summary>
/// Sign-in, second-factor and recovery-code posts are limited per IP address, file downloads per user; a
/// refused request gets 429, Retry-After and a page that says how long to wait, in the reader's language.
/// Each test uses a fresh app, since the counters belong to one running app.
/// </summary>
public sealed class RateLimitHttpTests
{
    private static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string path, string formName, Dictionary<string, string> fields)
    {
        var page = await client.GetStringAsync(path);
        var form = new Dictionary<string, string>(fields)
        {
            ["_handler"] = formName,
            ["__RequestVerificationToken"] = RegistryWebFactory.TokenFrom(page),
        };
        return await client.PostAsync(path, new FormUrlEncodedContent(form));
    }

    private static Task<HttpResponseMessage> WrongSignInAsync(HttpClient client) =>
        RegistryWebFactory.SignInAsync(client, "nobody@example.test", "not-the-password-at-all");

    private static async Task AssertRefusedAsync(HttpResponseMessage response, string expectedText)
    {
        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        var retryAfter = response.Headers.RetryAfter?.Delta ?? throw new Xunit.Sdk.XunitException("No Retry-After header.");
        Assert.InRange(retryAfter.TotalSeconds, 1, 600);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains(string.Format(expectedText, (int)retryAfter.TotalSeconds), html);
        Assert.Contains("no-store", response.Headers.CacheControl?.ToString());
    }

    [Fact]
    public async Task Sign_in_attempts_over_the_limit_get_429_with_Retry_After_and_a_page_saying_how_long_to_wait()
    {
        using var factory = new RateLimitedWebFactory();
        var client = factory.CreateBrowserlessClient();

        for (var i = 0; i < RateLimitedWebFactory.SignInLimit; i++)
            Assert.NotEqual(HttpStatusCode.TooManyRequests, (await WrongSignInAsync(client)).StatusCode);
        var refused = await WrongSignInAsync(client);

        await AssertRefusedAsync(refused, "Too many attempts. Try again in {0} seconds.");
        // Even the right password waits: the limit is on attempts, not on failures.
        var (email, password, _, _) = DemoAccounts.All.Single(a => a.Role == Roles.FirmHR);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await RegistryWebFactory.SignInAsync(client, email, password)).StatusCode);
        // Opening the form is not an attempt.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/Account/Login")).StatusCode);
    }

    [Fact]
    public async Task The_wait_page_is_in_Chinese_for_a_Chinese_browser()
    {
        using var factory = new RateLimitedWebFactory();
        var client = factory.CreateBrowserlessClient();
        client.DefaultRequestHeaders.AcceptLanguage.Add(new StringWithQualityHeaderValue("zh-CN"));

        HttpResponseMessage last = default!;
        for (var i = 0; i <= RateLimitedWebFactory.SignInLimit; i++)
            last = await WrongSignInAsync(client);

        await AssertRefusedAsync(last, "尝试次数过多，请在 {0} 秒后重试。");
        Assert.Contains("lang=\"zh-CN\"", await last.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("/Account/LoginWith2fa", "Input.TwoFactorCode")]
    [InlineData("/Account/LoginWithRecoveryCode", "Input.RecoveryCode")]
    public async Task Second_factor_and_recovery_code_posts_over_the_limit_get_429(string path, string field)
    {
        using var factory = new RateLimitedWebFactory();
        var client = factory.CreateBrowserlessClient();
        var form = new FormUrlEncodedContent(new Dictionary<string, string> { [field] = "123456" });

        for (var i = 0; i < RateLimitedWebFactory.CodeLimit; i++)
            Assert.NotEqual(HttpStatusCode.TooManyRequests, (await client.PostAsync(path, form)).StatusCode);

        await AssertRefusedAsync(await client.PostAsync(path, form), "Too many attempts. Try again in {0} seconds.");
    }

    [Fact]
    public async Task Exports_are_limited_per_user_so_a_colleague_can_still_download()
    {
        using var factory = new RateLimitedWebFactory();
        var (email, password, _, _) = DemoAccounts.All.Single(a => a.Role == Roles.FirmHR);
        var hr = await SignedInAsync(factory, email, password);
        for (var i = 0; i < RateLimitedWebFactory.ExportLimit; i++)
            Assert.Equal(HttpStatusCode.OK, (await hr.GetAsync("/roster/export.csv")).StatusCode);

        await AssertRefusedAsync(await hr.GetAsync("/roster/export.xlsx"), "Too many attempts. Try again in {0} seconds.");

        var colleague = await CreateColleagueAsync(factory, email);
        var theirs = await SignedInAsync(factory, colleague, "Colleague-Passphrase-2026");
        Assert.Equal(HttpStatusCode.OK, (await theirs.GetAsync("/roster/export.csv")).StatusCode);
    }

    private static async Task<HttpClient> SignedInAsync(RateLimitedWebFactory factory, string email, string password)
    {
        var client = factory.CreateBrowserlessClient();
        var response = await RegistryWebFactory.SignInAsync(client, email, password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    private static async Task<string> CreateColleagueAsync(RateLimitedWebFactory factory, string ofEmail)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<RegistryDb>().Actor = Actor.System;
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var firmId = (await users.Users.SingleAsync(u => u.Email == ofEmail)).FirmId;
        var colleague = new ApplicationUser { UserName = "colleague@test.registry", Email = "colleague@test.registry", EmailConfirmed = true, DisplayName = "Colleague", FirmId = firmId };
        Assert.True((await users.CreateAsync(colleague, "Colleague-Passphrase-2026")).Succeeded);
        await users.AddToRoleAsync(colleague, Roles.FirmHR);
        return colleague.Email;
    }
}
