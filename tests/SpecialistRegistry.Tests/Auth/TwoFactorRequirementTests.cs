using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using SpecialistRegistry.Auth;
using SpecialistRegistry.Tests.Infrastructure;

namespace SpecialistRegistry.Tests.Auth;

/// <summary>
/// Roles that must use a second factor are led to the authenticator set-up first; the set-up page is real and
/// stable; changes to the second factor need the password or a current code. The demo (Development) switches the
/// requirement off, so these tests switch it on for their own host.
/// </summary>
[Collection(WebCollection.Name)]
public sealed partial class TwoFactorRequirementTests(RegistryWebFactory factory)
{
    private const string Password = "Second-Factor-Check-2026";

    private WebApplicationFactory<Program> Required() =>
        factory.WithWebHostBuilder(b => b.UseSetting("Registry:Auth:RequireTwoFactorRoles", $"{Roles.Regulator},{Roles.Admin}"));

    private async Task<string> NewUserAsync(string role)
    {
        var email = $"twofactor-{Guid.NewGuid():N}@test.registry";
        await factory.CreateUserAsync(email, Password, role);
        return email;
    }

    [Fact]
    public async Task A_required_role_without_an_authenticator_is_led_to_set_it_up_and_static_assets_still_load()
    {
        await using var host = Required();
        var email = await NewUserAsync(Roles.Regulator);
        var client = host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        Assert.Equal(HttpStatusCode.Redirect, (await RegistryWebFactory.SignInAsync(client, email, Password)).StatusCode);

        foreach (var page in new[] { "/", "/search", "/search/export.csv" })
        {
            var response = await client.GetAsync(page);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Equal(TwoFactorEnrolmentMiddleware.EnablePath, response.Headers.Location!.OriginalString);
        }
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/app.css")).StatusCode);
        var setUp = await client.GetStringAsync(TwoFactorEnrolmentMiddleware.EnablePath);
        Assert.Contains("data-testid=\"enrolment-required\"", setUp);
    }

    [Fact]
    public async Task A_role_that_is_not_required_is_not_held_back()
    {
        await using var host = Required();
        var email = await NewUserAsync(Roles.CustodyOfficer);
        var client = host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        await RegistryWebFactory.SignInAsync(client, email, Password);

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task The_set_up_page_shows_a_QR_code_for_SpecialistRegistry_and_keeps_its_key_and_session_on_every_visit()
    {
        var email = await NewUserAsync(Roles.Regulator);
        using var browser = await Browser.SignedInAsync(factory, email, Password);

        var first = await browser.Client.GetStringAsync(TwoFactorEnrolmentMiddleware.EnablePath);
        var second = await browser.Client.GetStringAsync(TwoFactorEnrolmentMiddleware.EnablePath);

        Assert.Contains("src=\"data:image/png;base64,", first);
        Assert.DoesNotContain("Microsoft.AspNetCore.Identity.UI", first);
        var key = KeyOf(first);
        Assert.Matches("^([A-Z2-7]{4} )+[A-Z2-7]{1,4}$", key);
        Assert.Equal(key, KeyOf(second));
        // The key was made on the first visit without ending this session.
        factory.PassRevalidationInterval(TimeSpan.FromSeconds(5));
        Assert.Equal(HttpStatusCode.OK, (await browser.Client.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task New_recovery_codes_need_the_password_and_are_given_with_it()
    {
        var email = await NewUserAsync(Roles.FirmHR);
        var key = "";
        await factory.UpdateUserAsync(email, async (users, user) =>
        {
            await users.ResetAuthenticatorKeyAsync(user);
            await users.SetTwoFactorEnabledAsync(user, true);
            key = (await users.GetAuthenticatorKeyAsync(user))!;
        });
        using var browser = Browser.Open(factory);
        var password = await RegistryWebFactory.SignInAsync(browser.Client, email, Password);
        Assert.Contains("LoginWith2fa", password.Headers.Location!.OriginalString);
        var code = new OtpNet.Totp(OtpNet.Base32Encoding.ToBytes(key)).ComputeTotp(DateTime.UtcNow);
        var signedIn = await browser.PostFormAsync(password.Headers.Location!.OriginalString, "login-with-2fa",
            new() { ["Input.TwoFactorCode"] = code }, action: "/Account/LoginWith2fa");
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);

        var refused = await browser.PostFormAsync("/Account/Manage/GenerateRecoveryCodes", "generate-recovery-codes");
        Assert.Contains("not your current password or authenticator code", await refused.Content.ReadAsStringAsync());

        var given = await browser.PostFormAsync("/Account/Manage/GenerateRecoveryCodes", "generate-recovery-codes",
            new() { ["ConfirmIdentity"] = Password });
        Assert.Contains("recovery-code", await given.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
    }

    private static string KeyOf(string page) => Key().Match(page).Groups[1].Value;

    [GeneratedRegex("data-testid=\"authenticator-key\">([^<]+)<")]
    private static partial Regex Key();
}
