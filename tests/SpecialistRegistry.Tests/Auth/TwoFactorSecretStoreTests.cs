using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SpecialistRegistry.Auth;
using SpecialistRegistry.Domain;
using SpecialistRegistry.Tests.Infrastructure;

namespace SpecialistRegistry.Tests.Auth;

/// <summary>Authenticator keys and recovery codes never sit in the tokens table in plain text.</summary>
public sealed class TwoFactorSecretStoreTests
{
    [Theory]
    [MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task The_raw_tokens_table_holds_neither_the_key_nor_any_recovery_code(TestProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await using var scope = app.Scope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = await NewUserAsync(users);
        await users.ResetAuthenticatorKeyAsync(user);
        var key = (await users.GetAuthenticatorKeyAsync(user))!;
        var codes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10))!.ToList();

        var raw = await RawTokenValuesAsync(app);

        Assert.NotEmpty(raw);
        Assert.DoesNotContain(raw, v => v.Contains(key, StringComparison.OrdinalIgnoreCase));
        foreach (var code in codes)
            Assert.DoesNotContain(raw, v => v.Contains(code, StringComparison.OrdinalIgnoreCase) || v.Contains(code.Replace("-", ""), StringComparison.OrdinalIgnoreCase));
        Assert.Equal(10, await users.CountRecoveryCodesAsync(user));
    }

    [Theory]
    [MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task A_hashed_recovery_code_redeems_once(TestProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await using var scope = app.Scope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = await NewUserAsync(users);
        var code = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10))!.First();

        Assert.True((await users.RedeemTwoFactorRecoveryCodeAsync(user, code.ToLowerInvariant())).Succeeded);
        Assert.False((await users.RedeemTwoFactorRecoveryCodeAsync(user, code)).Succeeded);
        Assert.Equal(9, await users.CountRecoveryCodesAsync(user));
    }

    [Theory]
    [MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task Plain_secrets_from_an_earlier_install_are_rewritten_at_start_and_still_work(TestProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        const string legacyKey = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";
        string userId;
        await using (var scope = app.Scope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            userId = (await NewUserAsync(users)).Id;
        }
        // What an earlier version wrote: the values as they are.
        await using (var db = app.OpenDb())
        {
            db.UserTokens.Add(new IdentityUserToken<string> { UserId = userId, LoginProvider = "[AspNetUserStore]", Name = "AuthenticatorKey", Value = legacyKey });
            db.UserTokens.Add(new IdentityUserToken<string> { UserId = userId, LoginProvider = "[AspNetUserStore]", Name = "RecoveryCodes", Value = "AAAAA-BBBBB;CCCCC-DDDDD" });
            await db.SaveChangesAsync();
        }

        Assert.Equal(2, await TwoFactorSecretUpgrade.RunAsync(app.Get<IServiceScopeFactory>()));

        var raw = await RawTokenValuesAsync(app);
        Assert.DoesNotContain(raw, v => v.Contains(legacyKey) || v.Contains("AAAAA") || v.Contains("CCCCC"));
        await using (var scope = app.Scope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            var user = (await users.FindByIdAsync(userId))!;
            Assert.Equal(legacyKey, await users.GetAuthenticatorKeyAsync(user));
            Assert.True((await users.RedeemTwoFactorRecoveryCodeAsync(user, "CCCCC-DDDDD")).Succeeded);
            Assert.Equal(1, await users.CountRecoveryCodesAsync(user));
        }
        Assert.Equal(0, await TwoFactorSecretUpgrade.RunAsync(app.Get<IServiceScopeFactory>()));
    }

    private static async Task<ApplicationUser> NewUserAsync(UserManager<ApplicationUser> users)
    {
        var user = new ApplicationUser { UserName = "secrets@test.registry", Email = "secrets@test.registry", DisplayName = "Secrets" };
        Assert.True((await users.CreateAsync(user, "Long-Enough-2026")).Succeeded);
        return user;
    }

    private static async Task<List<string>> RawTokenValuesAsync(TestApp app)
    {
        await using var db = app.OpenDb();
        return await db.Database.SqlQueryRaw<string>("SELECT \"Value\" AS \"Value\" FROM \"AspNetUserTokens\" WHERE \"Value\" IS NOT NULL").ToListAsync();
    }
}
