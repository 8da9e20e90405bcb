using System.Text.RegularExpressions;
using Microsoft.Playwright;
using SpecialistRegistry.Auth;

namespace SpecialistRegistry.EndToEnd;

/// <summary>The regulator's flags in a real Chromium: raise one, find it in the list, work it on the specialist's page.</summary>
[Collection(AppCollection.Name)]
public sealed class FlagsJourneyTests(AppServer app)
{
    [Fact]
    public async Task The_demo_regulator_raises_a_flag_and_finds_it_in_the_flags_list()
    {
        var note = $"Seen at a trade fair abroad, no release on file ({Guid.NewGuid():N})";
        var page = await app.NewPageAsync();
        await Journeys.SignInAsync(page, Roles.Regulator);
        await page.GetByRole(AriaRole.Link, new() { Name = "Flags", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(url => url.EndsWith("/flags"));
        await Journeys.WaitForCircuitAsync(page);

        await page.GetByTestId("raise-flag").ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await dialog.GetByRole(AriaRole.Combobox, new() { Name = "Specialist" }).FillAsync("Wang");
        var firstChoice = page.Locator(".mud-popover-open .mud-list-item").First;
        await firstChoice.WaitForAsync();
        var chosen = (await firstChoice.TextContentAsync())!.Trim();
        await firstChoice.ClickAsync();
        await dialog.GetByLabel("Reason").ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "Unreported travel", Exact = true }).ClickAsync();
        await dialog.GetByLabel("Severity").ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "High", Exact = true }).ClickAsync();
        await dialog.GetByLabel("Note").FillAsync(note);
        await Journeys.ScreenshotAsync(page, "flags-raise-dialog");
        await Journeys.AssertAccessibleAsync(page);
        await dialog.GetByTestId("save-flag").ClickAsync();
        await Assertions.Expect(dialog).ToHaveCountAsync(0);

        // Found in the list by the text of its note; the filter lands in the URL.
        await page.GetByLabel("Search names, employee numbers and notes").FillAsync("trade fair abroad");
        await page.WaitForURLAsync(new Regex(@"q=trade"));
        var grid = page.GetByTestId("flags-grid");
        var row = grid.Locator("tbody tr", new() { HasText = note });
        await Assertions.Expect(row).ToHaveCountAsync(1);
        await Assertions.Expect(row).ToContainTextAsync("Unreported travel");
        await Assertions.Expect(row).ToContainTextAsync("High");
        await Assertions.Expect(row).ToContainTextAsync("Wang Lei (Regulator)");
        var latinName = chosen.Split('(', ')')[1];
        await Assertions.Expect(row).ToContainTextAsync(latinName);
        await Journeys.ScreenshotAsync(page, "flags-list");
        await SnackbarsGoneAsync(page);
        await Journeys.AssertAccessibleAsync(page);

        // A reload of the shared link shows the same flag.
        await page.ReloadAsync();
        await Journeys.WaitForCircuitAsync(page);
        await Assertions.Expect(page.GetByTestId("flags-grid").Locator("tbody tr", new() { HasText = note })).ToHaveCountAsync(1);

        // The specialist's own flags page: watch them and resolve the flag with a note.
        await page.GetByTestId("flags-grid").Locator("tbody tr", new() { HasText = note }).GetByRole(AriaRole.Link).ClickAsync();
        await page.WaitForURLAsync(new Regex("/specialists/"));
        await Journeys.WaitForCircuitAsync(page);
        await page.GetByTestId("watch-toggle").ClickAsync();
        await Assertions.Expect(page.GetByTestId("watch-toggle")).ToHaveAttributeAsync("aria-pressed", "true");
        var flag = page.GetByTestId("flag").Filter(new() { HasText = note });
        await flag.GetByTestId("resolve-flag").ClickAsync();
        await page.GetByRole(AriaRole.Dialog).GetByLabel("Resolution note").FillAsync("Travel approval TA-2026-0412 found");
        await page.GetByTestId("confirm-resolve").ClickAsync();
        await Assertions.Expect(flag.GetByTestId("flag-status")).ToHaveTextAsync("Resolved");
        await Assertions.Expect(flag).ToContainTextAsync("Travel approval TA-2026-0412 found");
        await Journeys.ScreenshotAsync(page, "flags-specialist");
        await SnackbarsGoneAsync(page);
        await Journeys.AssertAccessibleAsync(page);
        await page.Context.CloseAsync();
    }

    // axe measures a snackbar mid-fade as low contrast; the scan is about the page, so let them go first.
    private static Task SnackbarsGoneAsync(IPage page) =>
        Assertions.Expect(page.Locator(".mud-snackbar")).ToHaveCountAsync(0, new() { Timeout = 15_000 });

    [Fact]
    public async Task The_dashboard_draws_its_charts_with_tables_and_passes_the_accessibility_scan()
    {
        var page = await app.NewPageAsync();
        await Journeys.SignInAsync(page, Roles.Regulator);
        await page.GotoAsync("/dashboard");
        await Journeys.WaitForCircuitAsync(page);

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Specialists by firm" })).ToBeVisibleAsync();
        Assert.True(await page.Locator("[data-testid=chart] svg").CountAsync() >= 3, "expected the charts to be drawn");
        await Assertions.Expect(page.Locator("table").First).ToContainTextAsync("Baotou Northern Rare Earth Mining Co.");
        await Journeys.ScreenshotAsync(page, "dashboard");
        await Journeys.AssertAccessibleAsync(page);

        // The bell opens its list from the keyboard-reachable button and closes with Escape.
        await page.GetByTestId("notification-bell").ClickAsync();
        var notifications = page.GetByRole(AriaRole.Dialog, new() { Name = "Notifications" });
        await Assertions.Expect(notifications).ToBeVisibleAsync();
        await Journeys.AssertAccessibleAsync(page);
        await notifications.PressAsync("Escape");
        await Assertions.Expect(notifications).ToHaveCountAsync(0);

        await page.GotoAsync("/matches");
        await Journeys.WaitForCircuitAsync(page);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Possible duplicates");
        await Journeys.AssertAccessibleAsync(page);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Firm_HR_is_refused_the_flags_list()
    {
        var page = await app.NewPageAsync();
        await Journeys.SignInAsync(page, Roles.FirmHR);

        await page.GotoAsync("/flags");

        await page.WaitForURLAsync(url => url.Contains("/Account/AccessDenied"));
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Flags", Exact = true })).ToHaveCountAsync(0);
        await page.Context.CloseAsync();
    }
}
