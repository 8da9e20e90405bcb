using Microsoft.Playwright;
using SpecialistRegistry.Auth;

namespace SpecialistRegistry.EndToEnd;

/// <summary>Each demo account's home page in a Chinese browser: one whole heading per role, Chinese figures, a clean axe scan.</summary>
[Collection(AppCollection.Name)]
public sealed class HomePagesInChineseTests(AppServer app)
{
    public static TheoryData<string, string, string> Homes => new()
    {
        { Roles.FirmHR, "企业人事首页", "名册在册人员" },
        { Roles.Regulator, "监管人员首页", "待审核的报备" },
        { Roles.CustodyOfficer, "保管人员首页", "保管处保管的护照" },
        { Roles.Admin, "系统管理员首页", "用户账户" },
    };

    [Theory]
    [MemberData(nameof(Homes))]
    public async Task Each_home_page_reads_in_Chinese(string role, string heading, string figureLabel)
    {
        var page = await app.NewPageAsync("zh-CN");

        await Journeys.SignInAsync(page, role);
        await Journeys.WaitForCircuitAsync(page);

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(heading);
        await Assertions.Expect(page.GetByText(figureLabel, new() { Exact = true }).First).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "zh-CN");

        await Journeys.ScreenshotAsync(page, $"zh-home-{role}");
        await Journeys.AssertAccessibleAsync(page);
        await page.Context.CloseAsync();
    }
}
