using System.Text.RegularExpressions;
using Microsoft.Playwright;
using SpecialistRegistry.Auth;

namespace SpecialistRegistry.EndToEnd;

/// <summary>The demo regulator searches across firms, narrows with a facet, opens a profile and reveals a passport number with a reason.</summary>
[Collection(AppCollection.Name)]
public sealed partial class SearchJourneyTests(AppServer app)
{
    [GeneratedRegex("^[A-Z0-9]{6,}$")]
    private static partial Regex FullNumber();

    [Fact]
    public async Task A_regulator_searches_opens_a_profile_and_reveals_a_passport_number_with_a_reason()
    {
        var page = await app.NewPageAsync();
        await Journeys.SignInAsync(page, Roles.Regulator);
        await Journeys.WaitForCircuitAsync(page);

        await page.GetByRole(AriaRole.Link, new() { Name = "Search", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Search specialists");
        await Journeys.WaitForCircuitAsync(page);
        var everyone = await TotalAsync(page);

        await page.GetByTestId("search-text").FillAsync("wang");
        await page.GetByRole(AriaRole.Button, new() { Name = "Search", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("q=wang"));
        await Assertions.Expect(page.GetByTestId("search-total")).Not.ToHaveTextAsync($"{everyone:N0} specialists");
        var wangs = await TotalAsync(page);

        await page.GetByRole(AriaRole.Checkbox, new() { NameRegex = new Regex("^Held \\(") }).CheckAsync();
        await page.WaitForURLAsync(url => url.Contains("custody=Held"));
        await Assertions.Expect(page.GetByTestId("search-total")).Not.ToHaveTextAsync($"{wangs:N0} specialists");
        var held = await TotalAsync(page);
        Assert.True(held > 0 && held < wangs, $"expected fewer held passports than {wangs}, got {held}");
        await Journeys.ScreenshotAsync(page, "search-results");
        await Journeys.AssertAccessibleAsync(page);

        // The link alone reproduces the search.
        var link = page.Url;
        await page.GotoAsync(link);
        await Journeys.WaitForCircuitAsync(page);
        Assert.Equal(held, await TotalAsync(page));

        var first = page.GetByTestId("search-results").GetByRole(AriaRole.Link).First;
        var name = (await first.TextContentAsync())!.Trim();
        await first.ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("/specialists/"));
        await Journeys.WaitForCircuitAsync(page);
        await Assertions.Expect(page.GetByTestId("profile-name")).ToContainTextAsync(name);
        var passport = page.GetByTestId("passport").First;
        await Assertions.Expect(passport).ToContainTextAsync("••••");
        await Assertions.Expect(page.GetByTestId("passport-revealed")).ToHaveCountAsync(0);
        await Journeys.AssertAccessibleAsync(page);

        // Escape closes the dialog without revealing anything; the second opening goes on.
        var reveal = passport.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Reveal passport number") });
        await reveal.ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await Assertions.Expect(dialog).ToBeVisibleAsync();
        await Journeys.CloseWithEscapeAsync(page, dialog);
        await Assertions.Expect(page.GetByTestId("passport-revealed")).ToHaveCountAsync(0);
        await reveal.ClickAsync();
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Reveal", Exact = true }).ClickAsync();
        await Assertions.Expect(dialog.GetByText("Give the reason")).ToBeVisibleAsync();
        await dialog.GetByLabel("Reason for revealing").FillAsync("Travel approval check, case RA-2026-118");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Reveal", Exact = true }).ClickAsync();

        var revealed = page.GetByTestId("passport-revealed");
        await Assertions.Expect(revealed).ToBeVisibleAsync();
        Assert.Matches(FullNumber(), (await revealed.TextContentAsync())!.Trim());
        await Assertions.Expect(page.GetByTestId("profile-history")).ToContainTextAsync("RevealedPassportNumber");
        await Assertions.Expect(page.GetByTestId("profile-history")).ToContainTextAsync("Travel approval check, case RA-2026-118");
        await Journeys.ScreenshotAsync(page, "profile-revealed");
        await Journeys.AssertAccessibleAsync(page);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Odd_search_text_gives_a_message_not_an_error_page()
    {
        var page = await app.NewPageAsync();
        await Journeys.SignInAsync(page, Roles.Regulator);
        await page.GotoAsync("/search?q=%25%27%22*");
        await Journeys.WaitForCircuitAsync(page);

        await Assertions.Expect(page.GetByTestId("search-message")).ToContainTextAsync("no letters or digits");
        await page.GotoAsync($"/search?q={new string('x', 5000)}");
        await Journeys.WaitForCircuitAsync(page);
        await Assertions.Expect(page.GetByTestId("search-message")).ToContainTextAsync("limit");
        await page.Context.CloseAsync();
    }

    private static async Task<int> TotalAsync(IPage page)
    {
        var text = await page.GetByTestId("search-total").TextContentAsync() ?? "";
        return int.Parse(text.Split(' ')[0].Replace(",", ""), System.Globalization.CultureInfo.InvariantCulture);
    }
}
