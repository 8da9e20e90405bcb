using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using OtpNet;
using SpecialistRegistry.Domain;
using SpecialistRegistry.Tests.Infrastructure;

namespace SpecialistRegistry.Tests.Auth;

/// <summary>Authenticator codes: one step either side of now, and each code once per user (ASVS 6.5.1, 6.5.5).</summary>
public sealed class AuthenticatorCodeTests
{
    [Theory]
    [MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task The_same_code_is_refused_the_second_time(TestProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var (users, user, totp, scope) = await EnrolledAsync(app);
        await using var _ = scope;
        var code = totp.ComputeTotp(app.Clock.GetUtcNow().UtcDateTime);

        Assert.True(await VerifyAsync(users, user, code));
        Assert.False(await VerifyAsync(users, user, code));
    }

    [Theory]
    [MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task A_code_one_step_old_is_accepted_and_two_steps_old_refused(TestProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var (users, user, totp, scope) = await EnrolledAsync(app);
        await using var _ = scope;
        var now = app.Clock.GetUtcNow().UtcDateTime;

        Assert.False(await VerifyAsync(users, user, totp.ComputeTotp(now.AddSeconds(-60))));
        Assert.True(await VerifyAsync(users, user, totp.ComputeTotp(now.AddSeconds(-30))));
    }

    [Theory]
    [MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task After_a_code_is_used_an_older_code_is_refused_and_the_next_step_accepted(TestProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var (users, user, totp, scope) = await EnrolledAsync(app);
        await using var _ = scope;
        var now = app.Clock.GetUtcNow().UtcDateTime;
        Assert.True(await VerifyAsync(users, user, totp.ComputeTotp(now)));

        Assert.False(await VerifyAsync(users, user, totp.ComputeTotp(now.AddSeconds(-30))));
        app.Clock.Advance(TimeSpan.FromSeconds(30));
        Assert.True(await VerifyAsync(users, user, totp.ComputeTotp(now.AddSeconds(30))));
    }

    private static Task<bool> VerifyAsync(UserManager<ApplicationUser> users, ApplicationUser user, string code) =>
        users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code);

    internal static async Task<(UserManager<ApplicationUser>, ApplicationUser, Totp, AsyncServiceScope)> EnrolledAsync(TestApp app)
    {
        var scope = app.Scope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = new ApplicationUser { UserName = "totp@test.registry", Email = "totp@test.registry", DisplayName = "Totp" };
        Assert.True((await users.CreateAsync(user, "Long-Enough-2026")).Succeeded);
        Assert.True((await users.ResetAuthenticatorKeyAsync(user)).Succeeded);
        var key = await users.GetAuthenticatorKeyAsync(user);
        return (users, user, new Totp(Base32Encoding.ToBytes(key)), scope);
    }
}
