using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using SpecialistRegistry.Auth;
using SpecialistRegistry.Domain;
using SpecialistRegistry.Tests.Infrastructure;

namespace SpecialistRegistry.Tests.Auth;

/// <summary>Until the password is right, unknown, existing and disabled accounts answer alike (no enumeration).</summary>
[Collection(WebCollection.Name)]
public sealed partial class SignInEnumerationTests(RegistryWebFactory factory)
{
    private const string Password = "Enumeration-Check-2026";

    private static string NewEmail(string what) => $"{what}-{Guid.NewGuid():N}@test.registry";

    [Fact]
    public async Task Unknown_existing_and_disabled_accounts_get_the_same_answer_to_a_wrong_password()
    {
        var existing = NewEmail("existing");
        var disabled = NewEmail("disabled");
        await factory.CreateUserAsync(existing, Password, Roles.Regulator);
        await factory.CreateUserAsync(disabled, Password, Roles.Regulator, u => u.IsDisabled = true);

        var answers = new List<string>();
        foreach (var email in new[] { NewEmail("unknown"), existing, disabled })
        {
            using var client = factory.CreateBrowserlessClient();
            var response = await RegistryWebFactory.SignInAsync(client, email, "not-the-password-at-all");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            answers.Add(StatusOf(await response.Content.ReadAsStringAsync()));
        }

        Assert.All(answers, a => Assert.Equal(answers[0], a));
        Assert.Contains("Wrong e-mail or password", answers[0]);
        Assert.DoesNotContain("more failed attempt", answers[0]);
        Assert.DoesNotContain("disabled", answers[0]);
    }

    [Fact]
    public async Task A_disabled_account_is_named_only_after_the_right_password()
    {
        var email = NewEmail("disabled-right");
        await factory.CreateUserAsync(email, Password, Roles.Regulator, u => u.IsDisabled = true);
        using var client = factory.CreateBrowserlessClient();

        var response = await RegistryWebFactory.SignInAsync(client, email, Password);

        Assert.Contains("This account has been disabled", StatusOf(await response.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task An_unknown_email_costs_a_password_hash_like_a_known_one()
    {
        var hasher = new CountingHasher();
        await using var app = await TestApp.StartAsync(configure: s => s.AddSingleton<IPasswordHasher<ApplicationUser>>(hasher));
        await using var scope = app.Scope();
        var signIn = scope.ServiceProvider.GetRequiredService<SignInManager<ApplicationUser>>();
        var before = hasher.Verifications;

        var result = await signIn.PasswordSignInAsync("nobody-at-all@test.registry", "some-password-typed", false, lockoutOnFailure: true);

        Assert.False(result.Succeeded);
        Assert.Equal(before + 1, hasher.Verifications);
    }

    [Theory]
    [InlineData("https://evil.example/steal")]
    [InlineData("//evil.example/steal")]
    [InlineData("/\\evil.example/steal")]
    [InlineData("http://[not a uri")]
    public async Task A_foreign_return_address_after_the_right_password_leads_home(string returnUrl)
    {
        var email = NewEmail("return");
        await factory.CreateUserAsync(email, Password, Roles.Regulator);
        using var client = factory.CreateBrowserlessClient();
        var form = await client.GetStringAsync("/Account/Login");

        var response = await client.PostAsync($"/Account/Login?ReturnUrl={Uri.EscapeDataString(returnUrl)}", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login",
            ["__RequestVerificationToken"] = RegistryWebFactory.TokenFrom(form),
            ["Input.Email"] = email,
            ["Input.Password"] = Password,
        }));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.OriginalString;
        Assert.DoesNotContain("evil", location);
        Assert.True(location is "/" or "" or "http://localhost/", location);
    }

    private static string StatusOf(string page) => StatusMessage().Match(page).Value;

    [GeneratedRegex("<div class=\"alert[^\"]*\"[^>]*>.*?</div>", RegexOptions.Singleline)]
    private static partial Regex StatusMessage();

    private sealed class CountingHasher : IPasswordHasher<ApplicationUser>
    {
        private readonly PasswordHasher<ApplicationUser> _inner = new();
        private int _verifications;

        public int Verifications => _verifications;

        public string HashPassword(ApplicationUser user, string password) => _inner.HashPassword(user, password);

        public PasswordVerificationResult VerifyHashedPassword(ApplicationUser user, string hashedPassword, string providedPassword)
        {
            Interlocked.Increment(ref _verifications);
            return _inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
    }
}
