using System.Net;
using Microsoft.AspNetCore.Identity;
using SpecialistRegistry.Auth;
using Microsoft.Extensions.DependencyInjection;
using SpecialistRegistry.Tests.Infrastructure;

namespace SpecialistRegistry.Tests.Auth;

[Collection(WebCollection.Name)]
public sealed class SignInTests(RegistryWebFactory factory)
{
    private const string Password = "Correct-Horse-2026";

    private static string NewEmail(string what) => $"{what}-{Guid.NewGuid():N}@test.registry";

    [Fact]
    public async Task A_wrong_password_gives_a_clear_message_and_counts_toward_lockout()
    {
        var email = NewEmail("wrong");
        await factory.CreateUserAsync(email, Password, Roles.Regulator);
        using var client = factory.CreateBrowserlessClient();

        var response = await RegistryWebFactory.SignInAsync(client, email, "not-the-password");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.Content.ReadAsStringAsync();
        Assert.Contains("Wrong e-mail or password", page);
        Assert.Contains("After 5 failed attempts in a row an account is locked for 15 minutes", page);
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_even_for_the_right_password()
    {
        var email = NewEmail("lock");
        await factory.CreateUserAsync(email, Password, Roles.Regulator);
        using var client = factory.CreateBrowserlessClient();

        for (var i = 0; i < 5; i++)
            await RegistryWebFactory.SignInAsync(client, email, "not-the-password");
        var response = await RegistryWebFactory.SignInAsync(client, email, Password);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/Account/Lockout", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task A_disabled_account_cannot_sign_in()
    {
        var email = NewEmail("disabled");
        await factory.CreateUserAsync(email, Password, Roles.Regulator, u => u.IsDisabled = true);
        using var client = factory.CreateBrowserlessClient();

        var response = await RegistryWebFactory.SignInAsync(client, email, Password);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("This account has been disabled", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_disabled_users_open_session_loses_access_within_a_minute()
    {
        var email = NewEmail("session");
        await factory.CreateUserAsync(email, Password, Roles.Regulator);
        using var client = await factory.SignedInClientAsync(email, Password);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);

        // What an Admin's "disable" does: flag the account and rotate its security stamp.
        await factory.UpdateUserAsync(email, async (users, user) =>
        {
            user.IsDisabled = true;
            await users.UpdateAsync(user);
            await users.UpdateSecurityStampAsync(user);
        });
        factory.PassRevalidationInterval();

        var response = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/Account/Login", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task A_disabled_users_next_request_is_refused_at_once_and_the_sign_in_page_says_why()
    {
        var email = NewEmail("disabled-now");
        await factory.CreateUserAsync(email, Password, Roles.Regulator);
        using var client = await factory.SignedInClientAsync(email, Password);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);

        await factory.UpdateUserAsync(email, async (users, user) =>
        {
            user.IsDisabled = true;
            await users.UpdateAsync(user);
            await users.UpdateSecurityStampAsync(user);
        });

        // No waiting for the security-stamp interval: the session check reads the disabled flag on every request.
        var response = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var login = response.Headers.Location!.OriginalString;
        Assert.Contains("/Account/Login", login);
        Assert.Contains("signedOut=disabled", login);
        Assert.Contains("signed out because your account has been disabled", await client.GetStringAsync(login));
    }

    [Fact]
    public async Task An_open_page_sent_to_sign_in_by_its_circuit_learns_the_account_was_disabled()
    {
        var email = NewEmail("disabled-circuit");
        await factory.CreateUserAsync(email, Password, Roles.Regulator);
        using var client = await factory.SignedInClientAsync(email, Password);
        await factory.UpdateUserAsync(email, async (users, user) =>
        {
            user.IsDisabled = true;
            await users.UpdateAsync(user);
        });

        // The circuit's RedirectToLogin loads the sign-in page itself, with the refused cookie still attached.
        var page = await client.GetStringAsync("/Account/Login?returnUrl=%2Fsearch");

        Assert.Contains("signed out because your account has been disabled", page);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task A_temporary_password_must_be_changed_before_any_page_opens()
    {
        var email = NewEmail("temporary");
        await factory.CreateUserAsync(email, Password, Roles.Regulator, u => u.MustChangePassword = true);
        using var client = await factory.SignedInClientAsync(email, Password);

        var home = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);
        Assert.Equal(MustChangePasswordMiddleware.ChangePasswordPath, home.Headers.Location!.OriginalString);

        var form = await client.GetStringAsync(MustChangePasswordMiddleware.ChangePasswordPath);
        Assert.Contains("temporary password", form);
        var changed = await client.PostAsync(MustChangePasswordMiddleware.ChangePasswordPath, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "change-password",
            ["__RequestVerificationToken"] = RegistryWebFactory.TokenFrom(form),
            ["Input.OldPassword"] = Password,
            ["Input.NewPassword"] = "My-Own-Password-2026",
            ["Input.ConfirmPassword"] = "My-Own-Password-2026",
        }));
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task A_new_password_shorter_than_12_characters_is_refused()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<SpecialistRegistry.Domain.ApplicationUser>>();
        var user = new SpecialistRegistry.Domain.ApplicationUser { UserName = NewEmail("short"), Email = NewEmail("short"), DisplayName = "Short" };

        var result = await users.CreateAsync(user, "Short-2026");

        Assert.False(result.Succeeded);
        Assert.Contains(result.Errors, e => e.Code == nameof(IdentityErrorDescriber.PasswordTooShort));
    }
}
