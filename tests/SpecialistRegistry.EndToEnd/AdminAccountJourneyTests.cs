using Microsoft.Playwright;
using SpecialistRegistry.Auth;

namespace SpecialistRegistry.EndToEnd;

/// <summary>An Admin creates an account; its owner signs in with the temporary password and must choose their own.</summary>
[Collection(AppCollection.Name)]
public sealed class AdminAccountJourneyTests(AppServer app)
{
    [Fact]
    public async Task An_admin_creates_a_regulator_who_must_choose_a_password_at_first_sign_in()
    {
        var email = $"new.regulator.{Guid.NewGuid():N}@demo.registry";
        var admin = await app.NewPageAsync();
        await Journeys.SignInAsync(admin, Roles.Admin);
        await admin.GotoAsync("/admin/users");
        await Journeys.WaitForCircuitAsync(admin);

        await admin.GetByTestId("new-user").ClickAsync();
        var dialog = admin.GetByRole(AriaRole.Dialog);
        await dialog.GetByLabel("Display name").FillAsync("Sun Li (Regulator)");
        await dialog.GetByLabel("E-mail (sign-in name)").FillAsync(email);
        await dialog.GetByLabel("Role").ClickAsync();
        await admin.GetByRole(AriaRole.Option, new() { Name = "Regulator", Exact = true }).ClickAsync();
        await dialog.GetByTestId("save-user").ClickAsync();
        var password = await dialog.GetByTestId("temporary-password").InputValueAsync();
        Assert.True(password.Length >= 12, $"temporary password '{password}' is too short");
        await Journeys.ScreenshotAsync(admin, "admin-new-account");
        await Journeys.AssertAccessibleAsync(admin);
        await admin.Context.CloseAsync();

        var newcomer = await app.NewPageAsync();
        await Journeys.SignInAsync(newcomer, email, password);
        await newcomer.WaitForURLAsync(url => url.Contains("/Account/Manage/ChangePassword"));
        await Assertions.Expect(newcomer.GetByText("temporary password")).ToBeVisibleAsync();
        await newcomer.GetByLabel("Old password").FillAsync(password);
        await newcomer.GetByLabel("New password", new() { Exact = true }).FillAsync("Sun-Li-Chooses-2026");
        await newcomer.GetByLabel("Confirm password").FillAsync("Sun-Li-Chooses-2026");
        await newcomer.GetByRole(AriaRole.Button, new() { Name = "Update password" }).ClickAsync();

        await Assertions.Expect(newcomer.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Regulator home");
        await newcomer.Context.CloseAsync();
    }
}
