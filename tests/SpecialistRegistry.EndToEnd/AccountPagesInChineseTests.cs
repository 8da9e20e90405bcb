using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SpecialistRegistry.Auth;
using SpecialistRegistry.Data;
using SpecialistRegistry.Domain;

namespace SpecialistRegistry.EndToEnd;

/// <summary>The sign-in and account pages in a Chinese browser: screenshots of each, and axe finds nothing serious.</summary>
[Collection(AppCollection.Name)]
public sealed class AccountPagesInChineseTests(AppServer app)
{
    private const string Password = "Account-Pages-2026";

    [Fact]
    public async Task The_account_pages_read_well_in_chinese()
    {
        var email = $"zh.account.{Guid.NewGuid():N}@demo.registry";
        await CreateAccountAsync(email);
        var context = await app.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = app.BaseUrl,
            Locale = "zh-CN",
            ViewportSize = new ViewportSize { Width = 1400, Height = 900 },
        });
        var page = await context.NewPageAsync();

        await page.GotoAsync("/Account/Login");
        await page.GetByRole(AriaRole.Button, new() { Name = "登录", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByText("请输入电子邮箱。")).ToBeVisibleAsync();
        await Shot(page, "zh-sign-in-empty");
        await page.GetByLabel("电子邮箱").FillAsync(email);
        await page.GetByLabel("密码", new() { Exact = true }).FillAsync("not-the-password");
        await page.GetByRole(AriaRole.Button, new() { Name = "登录", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByText("连续输错 5 次后，账户将被锁定 15 分钟。")).ToBeVisibleAsync();
        await Shot(page, "zh-sign-in-wrong-password");

        await page.GetByLabel("密码", new() { Exact = true }).FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/Account/Login"));

        foreach (var (path, heading, name) in new[]
        {
            ("/Account/Manage", "个人资料", "zh-manage-profile"),
            ("/Account/Manage/ChangePassword", "修改密码", "zh-manage-password"),
            ("/Account/Manage/TwoFactorAuthentication", "双重身份验证", "zh-manage-two-factor"),
            ("/Account/Manage/EnableAuthenticator", "配置身份验证器应用", "zh-manage-authenticator"),
            ("/Account/Manage/ResetAuthenticator", "重置身份验证器密钥", "zh-manage-reset-key"),
        })
        {
            await page.GotoAsync(path);
            await Journeys.WaitForCircuitAsync(page);
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 3 })).ToHaveTextAsync(heading);
            await Shot(page, name);
        }

        await page.GotoAsync("/Account/Manage/ChangePassword");
        await Journeys.WaitForCircuitAsync(page);
        await page.GetByLabel("原密码").FillAsync("wrong-old-password");
        await page.GetByLabel("新密码", new() { Exact = true }).FillAsync("short");
        await page.GetByLabel("确认密码").FillAsync("other");
        await page.GetByRole(AriaRole.Button, new() { Name = "更新密码" }).ClickAsync();
        await Assertions.Expect(page.GetByText("新密码与确认密码不一致。").First).ToBeVisibleAsync();
        await Shot(page, "zh-manage-password-invalid");

        await page.GotoAsync("/no-such-page");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("页面不存在");
        await Shot(page, "zh-not-found");

        await page.GotoAsync("/Account/AccessDenied");
        await Shot(page, "zh-access-denied");
        await page.GotoAsync("/Account/Lockout");
        await Shot(page, "zh-lockout");
        await context.CloseAsync();
    }

    private static async Task Shot(IPage page, string name)
    {
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "zh-CN");
        await Journeys.ScreenshotAsync(page, name);
        await Journeys.AssertAccessibleAsync(page);
    }

    private async Task CreateAccountAsync(string email)
    {
        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<RegistryDb>().Actor = Actor.System;
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = new ApplicationUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = "王伟 (Wang Wei)" };
        var created = await users.CreateAsync(user, Password);
        Assert.True(created.Succeeded, string.Join(" ", created.Errors.Select(e => e.Description)));
        await users.AddToRoleAsync(user, Roles.Admin);
    }
}
