using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SpecialistRegistry.Auth;
using SpecialistRegistry.Data;
using SpecialistRegistry.Tests.Infrastructure;

namespace SpecialistRegistry.Tests.Operations;

/// <summary>Start-up of one or more nodes: the database made once, the shared sign-in keys, the field key's checks.</summary>
public sealed class FirstStartTests
{
    [Theory]
    [MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task Two_nodes_starting_at_once_on_an_empty_database_both_come_up_with_one_set_of_roles_and_keys(TestProvider provider)
    {
        await using var first = await TestApp.UnstartedAsync(provider);
        await using var second = TestApp.NodeOf(first);

        await Task.WhenAll(
            Task.Run(() => first.Services.PrepareDatabaseAsync()),
            Task.Run(() => second.Services.PrepareDatabaseAsync()));

        await using var db = first.OpenDb();
        Assert.Equal(Roles.All.Order(), (await db.Roles.AsNoTracking().Select(r => r.Name!).ToListAsync()).Order());
        var key = Assert.Single(await db.DataProtectionKeys.AsNoTracking().ToListAsync());
        Assert.Single(await db.FieldKeyChecks.AsNoTracking().ToListAsync());
        // The key ring is stored encrypted with the field key, not as Data Protection's plain master key.
        Assert.Contains("encryptedKey", key.Xml);
        Assert.DoesNotContain("<masterKey", key.Xml);

        // What one node signs (a sign-in cookie, an antiforgery token), the other reads.
        var sealedByFirst = first.Get<IDataProtectionProvider>().CreateProtector("test").Protect("signed in");
        Assert.Equal("signed in", second.Get<IDataProtectionProvider>().CreateProtector("test").Unprotect(sealedByFirst));
    }

    [Theory]
    [MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task A_new_empty_database_gets_a_new_field_key_and_its_check(TestProvider provider)
    {
        await using var app = await TestApp.UnstartedAsync(provider);
        var keyFile = Path.Combine(app.DataFolder, "keys", "field-protection.key");
        Assert.False(File.Exists(keyFile));

        await app.Services.PrepareDatabaseAsync();

        Assert.True(File.Exists(keyFile));
        await using var db = app.OpenDb();
        var check = Assert.Single(await db.FieldKeyChecks.AsNoTracking().ToListAsync());
        Assert.True(FieldProtector.FromKeyFile(keyFile).IsKeyCheck(check.Sentinel));
    }

    [Theory]
    [MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task A_database_with_data_and_no_key_file_refuses_to_start_and_makes_no_key(TestProvider provider)
    {
        await using var first = await TestApp.StartAsync(provider);
        var keyFile = Path.Combine(first.DataFolder, "keys", "field-protection.key");
        File.Delete(keyFile);
        await using var restarted = TestApp.NodeOf(first);

        var refused = await Assert.ThrowsAsync<FieldKeyException>(() => restarted.Services.PrepareDatabaseAsync());

        Assert.Contains($"The field key file {keyFile} does not exist, but the database already holds data", refused.Message);
        Assert.Contains("Restore the key file", refused.Message);
        Assert.False(File.Exists(keyFile));
    }

    [Theory]
    [MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task A_different_field_key_is_refused_at_start(TestProvider provider)
    {
        await using var first = await TestApp.StartAsync(provider);
        var keyFile = Path.Combine(first.DataFolder, "keys", "field-protection.key");
        File.WriteAllText(keyFile, Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
        await using var restarted = TestApp.NodeOf(first);

        var refused = await Assert.ThrowsAsync<FieldKeyException>(() => restarted.Services.PrepareDatabaseAsync());

        Assert.Contains($"The field key in {keyFile} is not the key this database was encrypted with", refused.Message);
        await using var db = first.OpenDb();
        // Refused before anything was written with the wrong key.
        Assert.True(first.Get<FieldProtector>().IsKeyCheck((await db.FieldKeyChecks.AsNoTracking().SingleAsync()).Sentinel));
    }

    [Theory]
    [MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task A_database_from_before_the_key_check_gets_one_with_its_own_key_and_refuses_another(TestProvider provider)
    {
        await using var first = await TestApp.StartAsync(provider);
        await using (var db = first.OpenDb())
            await db.FieldKeyChecks.ExecuteDeleteAsync();
        var keyFile = Path.Combine(first.DataFolder, "keys", "field-protection.key");
        var rightKey = File.ReadAllText(keyFile);

        File.WriteAllText(keyFile, Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
        await using (var wrong = TestApp.NodeOf(first))
            await Assert.ThrowsAsync<FieldKeyException>(() => wrong.Services.PrepareDatabaseAsync());

        File.WriteAllText(keyFile, rightKey);
        await using (var right = TestApp.NodeOf(first))
            await right.Services.PrepareDatabaseAsync();
        await using (var db = first.OpenDb())
            Assert.True(first.Get<FieldProtector>().IsKeyCheck((await db.FieldKeyChecks.AsNoTracking().SingleAsync()).Sentinel));
    }

    [Theory]
    [MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task A_second_start_keeps_the_roles_and_the_sign_in_key(TestProvider provider)
    {
        await using var first = await TestApp.StartAsync(provider);
        await using var restarted = TestApp.NodeOf(first);

        await restarted.Services.PrepareDatabaseAsync();

        await using var db = first.OpenDb();
        Assert.Equal(Roles.All.Count, await db.Roles.CountAsync());
        Assert.Equal(1, await db.DataProtectionKeys.CountAsync());
        await using var scope = restarted.Scope();
        Assert.True(await scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>().RoleExistsAsync(Roles.Admin));
    }
}
