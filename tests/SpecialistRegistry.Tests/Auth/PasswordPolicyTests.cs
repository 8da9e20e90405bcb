using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using SpecialistRegistry.Auth;
using SpecialistRegistry.Domain;
using SpecialistRegistry.Tests.Infrastructure;

namespace SpecialistRegistry.Tests.Auth;

/// <summary>ASVS 6.2: long passphrases, no composition rules, no common passwords, nothing made of the e-mail.</summary>
public sealed class PasswordPolicyTests : IAsyncLifetime
{
    private TestApp _app = default!;

    public async Task InitializeAsync() => _app = await TestApp.StartAsync();

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private async Task<IdentityResult> CreateAsync(string email, string password)
    {
        await using var scope = _app.Scope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        return await users.CreateAsync(new ApplicationUser { UserName = email, Email = email, DisplayName = "Policy" }, password);
    }

    [Theory]
    [InlineData("password1234")]
    [InlineData("Password-2026!")]
    [InlineData("qwertyuiop123")]
    [InlineData("1q2w3e4r5t6y")]
    [InlineData("123456789012")]
    [InlineData("woaini1314520")]
    [InlineData("Woaini5201314")]
    [InlineData("iloveyou1234")]
    [InlineData("aaaaaaaaaaaa")]
    public async Task Common_and_breached_passwords_are_refused(string password)
    {
        var result = await CreateAsync($"common-{Guid.NewGuid():N}@test.registry", password);

        Assert.False(result.Succeeded);
        Assert.Contains(result.Errors, e => e.Code == "PasswordCommon");
    }

    [Theory]
    [InlineData("zhang.wei@firm.example", "zhang.wei@firm.example!")]
    [InlineData("chen.xiaolong@firm.example", "Chen.Xiaolong-2026")]
    [InlineData("liuyang88@firm.example", "my liuyang88@firm.example")]
    public async Task A_password_made_of_the_email_is_refused(string email, string password)
    {
        var result = await CreateAsync(email, password);

        Assert.False(result.Succeeded);
        Assert.Contains(result.Errors, e => e.Code == "PasswordContainsAccount");
    }

    [Theory]
    [InlineData("granite river lantern")]
    [InlineData("alllowercasepassphrase")]
    [InlineData("DemoAdmin-2026")]
    [InlineData("DemoRegulator-2026")]
    [InlineData("DemoCustody-2026")]
    [InlineData("DemoFirmHR-2026")]
    public async Task Long_passwords_pass_without_digits_capitals_or_symbols(string password)
    {
        var result = await CreateAsync($"long-{Guid.NewGuid():N}@test.registry", password);

        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Code)));
    }

    [Fact]
    public async Task A_passphrase_of_128_characters_passes_and_one_past_the_maximum_is_refused()
    {
        var phrase = string.Join(' ', Enumerable.Repeat("amber-falcon", 11))[..128];
        Assert.True((await CreateAsync($"phrase-{Guid.NewGuid():N}@test.registry", phrase)).Succeeded);

        var tooLong = await CreateAsync($"phrase-{Guid.NewGuid():N}@test.registry", new string('x', 100) + string.Concat(Enumerable.Range(0, 157).Select(i => (char)('a' + i % 26))));
        Assert.Contains(tooLong.Errors, e => e.Code == "PasswordTooLong");
    }

    [Fact]
    public async Task The_refusal_reads_in_Chinese_for_a_Chinese_reader()
    {
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = new CultureInfo("zh-CN");
        try
        {
            var result = await CreateAsync($"zh-{Guid.NewGuid():N}@test.registry", "password1234");
            Assert.Contains(result.Errors, e => e.Description.StartsWith("此密码过于常见", StringComparison.Ordinal));
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }
}
