using Microsoft.Playwright;
using SpecialistRegistry.Auth;
using SpecialistRegistry.Data.Seed;

namespace SpecialistRegistry.EndToEnd;

/// <summary>
/// The regulator's pages in a Chinese browser (Accept-Language zh-CN, the demo account never chose a language):
/// screenshots of each, the search page fits a 1440 px screen with its Chinese labels, and axe stays clean.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class RegulatorChineseTests(AppServer app)
{
    [Fact]
    public async Task A_Chinese_regulator_reads_search_profile_flags_watches_matches_and_the_audit_trail_in_Chinese()
    {
        var context = await app.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = app.BaseUrl,
            Locale = "zh-CN",
            ViewportSize = new ViewportSize { Width = 1440, Height = 900 },
        });
        var page = await context.NewPageAsync();
        await SignInAsync(page);

        await page.GotoAsync("/search");
        await Journeys.WaitForCircuitAsync(page);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("检索人员");
        await Assertions.Expect(page.GetByTestId("search-total")).ToContainTextAsync("共");
        await Assertions.Expect(page.GetByText("护照保管", new() { Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "zh-CN");
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"),
            "The search page is wider than a 1440 px screen with Chinese labels.");
        await Journeys.ScreenshotAsync(page, "zh-search");
        await ScreenAsync(page, "zh-search-screen");
        await Journeys.AssertAccessibleAsync(page);

        await page.GetByTestId("search-text").FillAsync("王");
        await page.GetByRole(AriaRole.Button, new() { Name = "检索", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("q="));
        await Assertions.Expect(page.GetByTestId("search-results").Locator("tbody tr").First).ToContainTextAsync("王");
        await page.GetByTestId("search-results").Locator("tbody tr a").First.ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("/specialists/"));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "个人信息" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "修改历史" })).ToBeVisibleAsync();
        await ScreenAsync(page, "zh-profile");
        await page.GetByTestId("passport").First.GetByRole(AriaRole.Button, new() { NameRegex = new("^显示完整护照号码") }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Dialog).GetByText("查看理由")).ToBeVisibleAsync();
        await ScreenAsync(page, "zh-reveal-dialog");
        await page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "取消" }).ClickAsync();

        await ShowAsync(page, "/flags", "标记", "zh-flags");
        await page.GetByTestId("raise-flag").ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Dialog).GetByText("输入姓名（中文或拼音均可）或完整工号")).ToBeVisibleAsync();
        await ScreenAsync(page, "zh-raise-flag");
        await page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "取消" }).ClickAsync();

        await ShowAsync(page, "/watches", "关注的人员", "zh-watches");
        await page.GetByTestId("notification-bell").ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Dialog, new() { Name = "通知" })).ToBeVisibleAsync();
        await ScreenAsync(page, "zh-notifications");
        await page.Keyboard.PressAsync("Escape");

        await ShowAsync(page, "/matches", "疑似重复人员", "zh-matches");
        await ShowAsync(page, "/audit", "审计日志", "zh-audit");
        await page.GetByTestId("toggle-changes").First.ClickAsync();
        await Assertions.Expect(page.GetByText("修改后").Or(page.GetByText("值", new() { Exact = true })).First).ToBeVisibleAsync();
        await ScreenAsync(page, "zh-audit-entry");
        await context.CloseAsync();
    }

    private static async Task ShowAsync(IPage page, string path, string heading, string screenshot)
    {
        await page.GotoAsync(path);
        await Journeys.WaitForCircuitAsync(page);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(heading);
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), $"{path} is wider than the screen.");
        await ScreenAsync(page, screenshot);
    }

    // What fits on one 1440 × 900 screen, which is what a person sees first (a full page of 50 rows is too tall to read).
    private static async Task ScreenAsync(IPage page, string name)
    {
        // A popover or dialog still fading in would be photographed half transparent.
        await page.WaitForFunctionAsync("() => document.getAnimations().every(a => a.playState !== 'running')");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(AppServer.ScreenshotFolder, name + ".png") });
    }

    // By the fields' ids, not their labels: the sign-in page is in Chinese here too.
    private static async Task SignInAsync(IPage page)
    {
        var account = DemoAccounts.All.Single(a => a.Role == Roles.Regulator);
        await page.GotoAsync("/Account/Login");
        await page.Locator("[id='Input.Email']").FillAsync(account.Email);
        await page.Locator("[id='Input.Password']").FillAsync(account.Password);
        await page.Locator("[id='Input.Password']").PressAsync("Enter");
        await page.WaitForURLAsync(url => !url.Contains("/Account/Login"));
        await Journeys.WaitForCircuitAsync(page);
    }
}
