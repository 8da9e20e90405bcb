using Microsoft.Playwright;
using SpecialistRegistry.Data.Seed;

namespace SpecialistRegistry.EndToEnd;

/// <summary>
/// The demo custody officer finds a passport that has not been deposited, hands it in, opens and checks the
/// receipt, and finds that it cannot be released without an approved trip, in a real Chromium.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class CustodyJourneyTests(AppServer app)
{
    [Fact]
    public async Task The_custody_officer_hands_in_a_passport_with_a_receipt_and_cannot_release_it_without_an_approved_trip()
    {
        var page = await app.NewPageAsync();
        await Journeys.SignInAsync(page, DemoAccounts.CustodyEmail, "DemoCustody-2026");

        // Find someone who has not deposited their passport yet, then look them up by the exact number.
        await page.GotoAsync("/custody?status=NotHeld");
        await Journeys.WaitForCircuitAsync(page);
        var first = page.GetByTestId("custody-results").Locator("tbody tr").First;
        // Before the hand-in the page shows the number masked and no expiry: the officer reads them off the passport.
        var (number, expiry) = await Journeys.PassportInHandAsync(app, first);
        await Assertions.Expect(first.GetByTestId("match-number")).ToHaveTextAsync("••••" + number[^4..]);
        await Assertions.Expect(first.GetByTestId("match-expiry-hidden")).ToBeVisibleAsync();
        await Assertions.Expect(first).Not.ToContainTextAsync(number);
        await Assertions.Expect(first).Not.ToContainTextAsync(expiry);
        var country = (await first.GetByTestId("match-country").TextContentAsync())!.Trim();
        await Journeys.AssertAccessibleAsync(page);

        await page.GetByLabel("Custody status").ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "Any", Exact = true }).ClickAsync();
        await page.GetByLabel("Passport number (exact) or name").FillAsync(number.ToLowerInvariant());
        await Assertions.Expect(page.GetByTestId("custody-results").Locator("tbody tr")).ToHaveCountAsync(1);

        // Hand-in: a wrong expiry date is refused and says what differs; the right one is logged.
        await page.GetByTestId("action-HandIn").ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await dialog.GetByLabel("Passport number (in hand)").FillAsync(number);
        await dialog.GetByLabel("Issuing country (in hand)").FillAsync(country);
        await FillDateAsync(dialog.GetByLabel("Expiry date (in hand)"), "2099-01-01");
        await dialog.GetByLabel("Safe").FillAsync("C");
        await dialog.GetByLabel("Slot").FillAsync("42");
        await dialog.GetByLabel("Both parties have checked the details and acknowledge this entry").CheckAsync();
        await dialog.GetByTestId("confirm-handin").ClickAsync();
        await Assertions.Expect(dialog.GetByTestId("custody-error")).ToContainTextAsync("Expiry date: in hand 2099-01-01, which is not the expiry date in the registry.");
        await Assertions.Expect(dialog.GetByTestId("custody-error")).Not.ToContainTextAsync(expiry);
        await Journeys.ScreenshotAsync(page, "custody-handin-mismatch");
        await Journeys.AssertAccessibleAsync(page);

        await FillDateAsync(dialog.GetByLabel("Expiry date (in hand)"), expiry);
        await dialog.GetByTestId("confirm-handin").ClickAsync();
        await Assertions.Expect(page.GetByTestId("custody-logged")).ToContainTextAsync("Hand in logged");

        // The receipt: number, verification code and a QR code; printable.
        await page.GetByTestId("open-receipt").ClickAsync();
        await Assertions.Expect(page.GetByTestId("receipt")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("receipt")).ToContainTextAsync(number);
        await Assertions.Expect(page.GetByTestId("receipt")).ToContainTextAsync("Safe C, slot 42");
        var receiptNumber = (await page.GetByTestId("receipt-number").TextContentAsync())!.Trim();
        var code = (await page.GetByTestId("verification-code").TextContentAsync())!.Trim();
        Assert.StartsWith("data:image/png;base64,", await page.GetByTestId("receipt-qr").GetAttributeAsync("src"));
        await Journeys.ScreenshotAsync(page, "custody-receipt");
        await Journeys.AssertAccessibleAsync(page);
        await page.EmulateMediaAsync(new() { Media = Media.Print });
        await Assertions.Expect(page.Locator(".mud-appbar")).ToBeHiddenAsync();
        await Assertions.Expect(page.GetByTestId("print-receipt")).ToBeHiddenAsync();
        await Journeys.ScreenshotAsync(page, "custody-receipt-print");
        await page.EmulateMediaAsync(new() { Media = Media.Screen });

        // The receipt check: genuine and current; a forged code is not genuine.
        await page.GotoAsync($"/custody/receipts/check?number={receiptNumber}&code={code}");
        await Journeys.WaitForCircuitAsync(page);
        await Assertions.Expect(page.GetByTestId("check-result")).ToContainTextAsync("Genuine and current");
        await page.GetByLabel("Verification code").FillAsync("AAAA-BBBB-CCCC");
        await page.GetByTestId("check-receipt").ClickAsync();
        await Assertions.Expect(page.GetByTestId("check-result")).ToContainTextAsync("Not genuine");
        await Journeys.AssertAccessibleAsync(page);

        // Release for travel from the chain-of-custody page: without an approved trip there is nothing to release against.
        // (The travel journey releases against an approval and takes the passport back.)
        await page.GotoAsync("/custody?q=" + number);
        await Journeys.WaitForCircuitAsync(page);
        await page.GetByTestId("custody-results").Locator("tbody tr").First.GetByRole(AriaRole.Link).First.ClickAsync();
        await Assertions.Expect(page.GetByTestId("passport-status")).ToContainTextAsync("Held");
        await page.GetByTestId("action-Release").ClickAsync();
        dialog = page.GetByRole(AriaRole.Dialog);
        await Assertions.Expect(dialog.GetByTestId("no-approved-trip")).ToContainTextAsync("no approved trip");
        await Assertions.Expect(dialog.GetByTestId("confirm-release")).ToBeDisabledAsync();
        await Journeys.ScreenshotAsync(page, "custody-release-without-approval");
        await Journeys.AssertAccessibleAsync(page);
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Cancel", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("custody-chain").Locator("tbody tr")).ToHaveCountAsync(1);
        await Journeys.ScreenshotAsync(page, "custody-chain");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_overdue_work_list_is_sorted_accessible_and_keeps_its_view_in_the_address()
    {
        var page = await app.NewPageAsync();
        await Journeys.SignInAsync(page, DemoAccounts.CustodyEmail, "DemoCustody-2026");
        await page.GotoAsync("/custody/overdue?within=30");
        await Journeys.WaitForCircuitAsync(page);

        await Assertions.Expect(page.GetByTestId("overdue-grid").Locator("tbody tr").First).ToContainTextAsync("overdue");
        await Assertions.Expect(page.GetByTestId("overdue-summary")).ToContainTextAsync("overdue");
        await Journeys.ScreenshotAsync(page, "custody-overdue");
        await Journeys.AssertAccessibleAsync(page);
        await page.Context.CloseAsync();
    }

    /// <summary>An editable MudDatePicker takes typed text once the field loses focus.</summary>
    private static async Task FillDateAsync(ILocator field, string date)
    {
        await field.FillAsync(date);
        await field.PressAsync("Tab");
    }
}
