using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SpecialistRegistry.Auth;
using SpecialistRegistry.Data;
using SpecialistRegistry.Domain;

namespace SpecialistRegistry.EndToEnd;

/// <summary>
/// The language switch in a real Chromium (en-US): on the static sign-in page it reloads the page in Chinese and the
/// choice survives sign-in (the culture cookie); signed in, a switch is stored on the account, so another browser
/// gets it after signing in.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class LanguageSwitchJourneyTests(AppServer app)
{
    private const string Password = "Language-Switch-2026";

    [Fact]
    public async Task Switching_on_the_sign_in_page_lasts_through_sign_in_and_a_signed_in_switch_follows_the_account()
    {
        var email = await NewAccountAsync();
        var page = await app.NewPageAsync();
        await page.GotoAsync("/Account/Login");
        await ExpectLanguageAsync(page, "en");
        await Assertions.Expect(Heading(page)).ToHaveTextAsync("Sign in");

        await page.GetByTestId("language-switch").GetByRole(AriaRole.Button).ClickAsync();

        await ExpectLanguageAsync(page, "zh-CN");
        await Assertions.Expect(Heading(page)).ToHaveTextAsync("登录");
        Assert.EndsWith("/Account/Login", page.Url);
        await Journeys.ScreenshotAsync(page, "language-sign-in-zh-CN");
        await Journeys.AssertAccessibleAsync(page);

        await page.GetByLabel("电子邮箱").FillAsync(email);
        await page.GetByLabel("密码", new() { Exact = true }).FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/Account/Login"));
        await Journeys.WaitForCircuitAsync(page);

        // Kept by the culture cookie: the account has no language of its own yet.
        await ExpectLanguageAsync(page, "zh-CN");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "我的账户" })).ToBeVisibleAsync();
        Assert.Null(await StoredCultureAsync(email));

        // Signed in, the app bar's switch stores the choice on the account: English, then back to Chinese.
        await SwitchAsync(page, "English");
        await ExpectLanguageAsync(page, "en");
        Assert.Equal("en", await StoredCultureAsync(email));
        await SwitchAsync(page, "中文");
        await ExpectLanguageAsync(page, "zh-CN");
        Assert.Equal("zh-CN", await StoredCultureAsync(email));
        await page.Context.CloseAsync();

        // Another browser (en-US, no cookie): English until sign-in, then the account's Chinese.
        var other = await app.NewPageAsync();
        await other.GotoAsync("/Account/Login");
        await ExpectLanguageAsync(other, "en");
        await Journeys.SignInAsync(other, email, Password);
        await Journeys.WaitForCircuitAsync(other);
        await ExpectLanguageAsync(other, "zh-CN");
        await Assertions.Expect(other.GetByRole(AriaRole.Link, new() { Name = "我的账户" })).ToBeVisibleAsync();
        await other.Context.CloseAsync();
    }

    private static ILocator Heading(IPage page) => page.GetByRole(AriaRole.Heading, new() { Level = 1 });

    private static async Task SwitchAsync(IPage page, string offered)
    {
        await Journeys.WaitForCircuitAsync(page);
        await page.GetByTestId("language-switch").GetByRole(AriaRole.Button, new() { Name = offered }).ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
    }

    private static Task ExpectLanguageAsync(IPage page, string culture) =>
        Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", culture);

    private async Task<string> NewAccountAsync()
    {
        var email = $"language.{Guid.NewGuid():N}@demo.registry";
        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<RegistryDb>().Actor = Actor.System;
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = new ApplicationUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = "李娜 (Li Na)" };
        var created = await users.CreateAsync(user, Password);
        Assert.True(created.Succeeded, string.Join(" ", created.Errors.Select(e => e.Description)));
        await users.AddToRoleAsync(user, Roles.Admin);
        return email;
    }

    private async Task<string?> StoredCultureAsync(string email)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByEmailAsync(email))?.Culture;
    }
}
