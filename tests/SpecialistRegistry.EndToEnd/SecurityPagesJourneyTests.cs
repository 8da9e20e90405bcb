using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using OtpNet;
using SpecialistRegistry.Auth;
using SpecialistRegistry.Data;
using SpecialistRegistry.Domain;

namespace SpecialistRegistry.EndToEnd;

/// <summary>
/// The account security pages in a real Chromium: setting up the authenticator from the page's own key, the
/// recovery codes, "sign out my other sessions", the re-authentication field and the idle sign-out message,
/// with screenshots and axe.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class SecurityPagesJourneyTests(AppServer app)
{
    private const string Password = "Security-Pages-2026";

    [Fact]
    public async Task A_regulator_sets_up_the_authenticator_from_the_page_and_manages_sessions()
    {
        var email = $"security.{Guid.NewGuid():N}@demo.registry";
        await CreateAccountAsync(email);
        var page = await app.NewPageAsync();
        await Journeys.SignInAsync(page, email, Password);

        await page.GotoAsync("/Account/Manage/EnableAuthenticator");
        await Assertions.Expect(page.GetByTestId("authenticator-qr")).ToBeVisibleAsync();
        var key = (await page.GetByTestId("authenticator-key").TextContentAsync())!.Replace(" ", "");
        await Journeys.ScreenshotAsync(page, "security-enable-authenticator");
        await Journeys.AssertAccessibleAsync(page);

        var code = new Totp(Base32Encoding.ToBytes(key)).ComputeTotp(DateTime.UtcNow);
        await page.Locator("input[name='Input.Code']").FillAsync(code);
        await page.Locator("main form button[type=submit]").First.ClickAsync();
        await Assertions.Expect(page.Locator("code.recovery-code").First).ToBeVisibleAsync();
        await Journeys.ScreenshotAsync(page, "security-recovery-codes");

        await page.GotoAsync("/Account/Manage/GenerateRecoveryCodes");
        await Assertions.Expect(page.Locator("#confirm-identity")).ToBeVisibleAsync();
        await Journeys.ScreenshotAsync(page, "security-generate-recovery-codes");
        await Journeys.AssertAccessibleAsync(page);

        await page.GotoAsync("/Account/Manage");
        await page.GetByTestId("sign-out-others").ClickAsync();
        await Assertions.Expect(page.GetByText("Your other sessions are signed out")).ToBeVisibleAsync();
        await Journeys.ScreenshotAsync(page, "security-my-account-sessions");
        await Journeys.AssertAccessibleAsync(page);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_sign_in_page_explains_an_idle_sign_out()
    {
        var page = await app.NewPageAsync();

        await page.GotoAsync("/Account/Login?signedOut=idle");

        await Assertions.Expect(page.GetByText("You were signed out after 30 minutes without activity")).ToBeVisibleAsync();
        await Journeys.ScreenshotAsync(page, "security-signed-out-idle");
        await Journeys.AssertAccessibleAsync(page);
        await page.Context.CloseAsync();
    }

    private async Task CreateAccountAsync(string email)
    {
        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<RegistryDb>().Actor = Actor.System;
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = new ApplicationUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = "Security Pages" };
        var created = await users.CreateAsync(user, Password);
        Assert.True(created.Succeeded, string.Join(" ", created.Errors.Select(e => e.Description)));
        await users.AddToRoleAsync(user, Roles.Regulator);
    }
}
