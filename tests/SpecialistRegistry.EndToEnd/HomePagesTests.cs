using Microsoft.Playwright;
using SpecialistRegistry.Auth;

namespace SpecialistRegistry.EndToEnd;

/// <summary>Each demo account signs in in a real Chromium and lands on its role's home page.</summary>
[Collection(AppCollection.Name)]
public sealed class HomePagesTests(AppServer app)
{
    public static TheoryData<string, string> Homes => new()
    {
        { Roles.FirmHR, "Specialists on the roster" },
        { Roles.Regulator, "Filings awaiting review" },
        { Roles.CustodyOfficer, "Held by the custody office" },
        { Roles.Admin, "User accounts" },
    };

    [Theory]
    [MemberData(nameof(Homes))]
    public async Task Each_demo_account_signs_in_and_sees_its_home_page(string role, string figureLabel)
    {
        var page = await app.NewPageAsync();

        await Journeys.SignInAsync(page, role);
        await Journeys.WaitForCircuitAsync(page);

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync($"{Roles.Describe(role)} home");
        await Assertions.Expect(page.GetByText(figureLabel)).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("user-role")).ToHaveTextAsync(Roles.Describe(role));
        var firstFigure = await page.GetByTestId("figure").First.TextContentAsync();
        Assert.True(int.TryParse(firstFigure?.Replace(",", ""), out var value) && value > 0, $"expected a real figure, got '{firstFigure}'");

        await Journeys.ScreenshotAsync(page, $"home-{role}");
        await Journeys.AssertAccessibleAsync(page);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_sign_in_page_is_accessible_and_a_wrong_password_says_so()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/");
        await page.WaitForURLAsync(url => url.Contains("/Account/Login"));
        await Journeys.AssertAccessibleAsync(page);

        await Journeys.SubmitSignInAsync(page, "nobody@demo.registry", "not-a-password-at-all");

        await Assertions.Expect(page.GetByText("Wrong e-mail or password")).ToBeVisibleAsync();
        await Journeys.ScreenshotAsync(page, "sign-in-wrong-password");
        await page.Context.CloseAsync();
    }
}
