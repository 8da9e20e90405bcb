using Microsoft.Playwright;
using SpecialistRegistry.Data.Seed;

namespace SpecialistRegistry.EndToEnd;

/// <summary>
/// The custody office in a Chinese browser: the custody page and a chain of custody read in Chinese, and a
/// receipt prints in Chinese and English side by side for a Chinese and an English reader alike; axe stays clean.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class CustodyChineseTests(AppServer app)
{
    [Fact]
    public async Task A_custody_officer_works_in_Chinese_and_a_receipt_prints_in_both_languages()
    {
        var page = await app.NewPageAsync("zh-CN");
        await Journeys.SignInAsync(page, DemoAccounts.CustodyEmail, "DemoCustody-2026");

        // Someone who has not deposited yet hands in: the country is typed in Chinese, the registry holds "China".
        await page.GotoAsync("/custody?status=NotHeld");
        await Journeys.WaitForCircuitAsync(page);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("护照保管处");
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "zh-CN");
        var first = page.GetByTestId("custody-results").Locator("tbody tr").First;
        await Assertions.Expect(first).ToContainTextAsync("未交存");
        var (number, expiry) = await Journeys.PassportInHandAsync(app, first);
        await Assertions.Expect(first.GetByTestId("match-expiry-hidden")).ToHaveTextAsync("交存登记后显示：请核对手中的护照。");
        await Assertions.Expect(first.GetByTestId("match-country")).ToHaveTextAsync("中国");
        await Journeys.ScreenshotAsync(page, "zh-custody");
        await Journeys.AssertAccessibleAsync(page);

        await first.GetByTestId("action-HandIn").ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await dialog.GetByLabel("护照号码（手中护照）").FillAsync(number);
        await dialog.GetByLabel("签发国（手中护照）").FillAsync("中国");
        var expiryField = dialog.GetByLabel("有效期至（手中护照）");
        await expiryField.FillAsync(expiry);
        await expiryField.PressAsync("Tab");
        await dialog.GetByLabel("保险柜", new() { Exact = true }).FillAsync("C");
        await dialog.GetByLabel("格位", new() { Exact = true }).FillAsync("42");
        await dialog.GetByLabel("双方已核对信息并确认本次登记").CheckAsync();
        await Journeys.ScreenshotAsync(page, "zh-custody-handin");
        await dialog.GetByTestId("confirm-handin").ClickAsync();
        await Assertions.Expect(page.GetByTestId("custody-logged")).ToContainTextAsync("已为 ");

        await page.GetByTestId("custody-logged").GetByRole(AriaRole.Link, new() { Name = "保管记录" }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("/custody/passports/"));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("保管记录：");
        await Assertions.Expect(page.GetByTestId("custody-chain")).ToContainTextAsync("保险柜 C，第 42 格");
        await Journeys.ScreenshotAsync(page, "zh-custody-chain");

        await page.GetByTestId("custody-chain").Locator("a[href*='/custody/receipts/']").Last.ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("/custody/receipts/"));
        var receipt = page.GetByTestId("receipt");
        await Assertions.Expect(receipt.Locator("h1 [lang=zh-CN]")).ToHaveTextAsync("护照交存回执");
        await Assertions.Expect(receipt.Locator("h1 [lang=en]")).ToHaveTextAsync("Receipt for a passport handed in");
        await Assertions.Expect(page.GetByTestId("print-receipt")).ToHaveTextAsync("打印回执");
        await Journeys.ScreenshotAsync(page, "zh-custody-receipt");
        await Journeys.AssertAccessibleAsync(page);
        var address = page.Url;

        // An English reader prints the same paper: both languages, only the page around it in English.
        var english = await app.NewPageAsync("en-US");
        await Journeys.SignInAsync(english, DemoAccounts.CustodyEmail, "DemoCustody-2026");
        await english.GotoAsync(address);
        await Assertions.Expect(english.GetByTestId("print-receipt")).ToHaveTextAsync("Print receipt");
        await Assertions.Expect(english.GetByTestId("receipt").Locator("h1 [lang=zh-CN]")).ToHaveTextAsync("护照交存回执");
        await Journeys.ScreenshotAsync(english, "en-custody-receipt");
        await Journeys.AssertAccessibleAsync(english);
    }
}
