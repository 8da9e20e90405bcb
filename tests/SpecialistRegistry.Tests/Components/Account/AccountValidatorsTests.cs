using System.Globalization;
using FluentValidation;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using SpecialistRegistry.Localization;
using SpecialistRegistry.Auth;
using SpecialistRegistry.Components.Account;
using SpecialistRegistry.Components.Account.Pages;
using SpecialistRegistry.Components.Account.Pages.Manage;

namespace SpecialistRegistry.Tests.Components.Account;

/// <summary>The account forms' rules, Identity's refusals and the role names, in English and in Chinese.</summary>
public sealed class AccountValidatorsTests
{
    private static readonly ServiceProvider Services = new ServiceCollection().AddLogging().AddLocalization().BuildServiceProvider();
    private static IStringLocalizer<AccountText> T => Services.GetRequiredService<IStringLocalizer<AccountText>>();

    public static TheoryData<string, string[]> LoginCases => new()
    {
        { "en", ["Enter your e-mail address.", "Enter your password."] },
        { "zh-CN", ["请输入电子邮箱。", "请输入密码。"] },
    };

    [Theory]
    [MemberData(nameof(LoginCases))]
    public void An_empty_sign_in_gets_one_message_per_field_in_the_persons_language(string culture, string[] expected)
    {
        using var _ = CultureScope.Use(culture);

        var result = new LoginInputValidator(T).Validate(new LoginInput());

        Assert.Equal(expected, result.Errors.Select(e => e.ErrorMessage));
    }

    [Theory]
    [InlineData("en", "Enter a valid e-mail address.")]
    [InlineData("zh-CN", "请输入有效的电子邮箱地址。")]
    public void A_malformed_e_mail_is_named(string culture, string expected)
    {
        using var _ = CultureScope.Use(culture);

        var result = new LoginInputValidator(T).Validate(new LoginInput { Email = "wang.wei", Password = "x" });

        Assert.Equal([expected], result.Errors.Select(e => e.ErrorMessage));
    }

    [Fact]
    public void A_new_password_must_be_long_enough_and_confirmed()
    {
        using var _ = CultureScope.Use("zh-CN");
        var validator = new ChangePasswordInputValidator(T);

        var result = validator.Validate(new ChangePasswordInput { OldPassword = "old", NewPassword = "Short-2026", ConfirmPassword = "Other" });

        Assert.Equal(["新密码应为 12 至 100 个字符。", "新密码与确认密码不一致。"], result.Errors.Select(e => e.ErrorMessage));
        Assert.True(validator.Validate(new ChangePasswordInput { OldPassword = "old", NewPassword = "Long-Enough-2026", ConfirmPassword = "Long-Enough-2026" }).IsValid);
    }

    [Theory]
    [InlineData("123456", true)]
    [InlineData("123 456", true)]
    [InlineData("12345", false)]
    [InlineData("12345678", false)]
    [InlineData("", false)]
    public void An_authenticator_code_has_six_or_seven_characters(string code, bool valid)
    {
        Assert.Equal(valid, new TwoFactorCodeInputValidator(T).Validate(new TwoFactorCodeInput { TwoFactorCode = code }).IsValid);
        Assert.Equal(valid, new VerificationCodeInputValidator(T).Validate(new VerificationCodeInput { Code = code }).IsValid);
    }

    [Theory]
    [InlineData(null, true)]
    [InlineData("+86 10 1234 5678", true)]
    [InlineData("(010) 1234-5678 ext. 12", true)]
    [InlineData("call me", false)]
    public void A_phone_number_is_checked_as_before(string? phone, bool valid)
    {
        using var _ = CultureScope.Use("zh-CN");

        var result = new ProfileInputValidator(T).Validate(new ProfileInput { PhoneNumber = phone });

        Assert.Equal(valid, result.IsValid);
        Assert.All(result.Errors, e => Assert.Equal("电话号码格式无效。", e.ErrorMessage));
    }

    [Fact]
    public void Every_account_form_has_its_validator_registered()
    {
        var services = new ServiceCollection().AddLogging().AddLocalization().AddAccountValidators().BuildServiceProvider();

        foreach (var model in new[] { typeof(LoginInput), typeof(TwoFactorCodeInput), typeof(RecoveryCodeInput), typeof(ChangePasswordInput), typeof(ProfileInput), typeof(VerificationCodeInput) })
            Assert.NotNull(services.GetService(typeof(IValidator<>).MakeGenericType(model)));
    }

    [Theory]
    [InlineData("en", "Passwords must be at least 12 characters.", "Incorrect password.")]
    [InlineData("zh-CN", "密码至少需要 12 个字符。", "密码不正确。")]
    public void Identitys_refusals_speak_the_persons_language_and_keep_their_codes(string culture, string tooShort, string mismatch)
    {
        using var _ = CultureScope.Use(culture);
        var errors = new LocalizedIdentityErrors(Services.GetRequiredService<IStringLocalizer<AuthText>>());

        Assert.Equal((nameof(IdentityErrorDescriber.PasswordTooShort), tooShort), (errors.PasswordTooShort(12).Code, errors.PasswordTooShort(12).Description));
        Assert.Equal((nameof(IdentityErrorDescriber.PasswordMismatch), mismatch), (errors.PasswordMismatch().Code, errors.PasswordMismatch().Description));
    }

    [Fact]
    public void In_english_identitys_refusals_are_identitys_own_words()
    {
        using var _ = CultureScope.Use("en");
        var ours = new LocalizedIdentityErrors(Services.GetRequiredService<IStringLocalizer<AuthText>>());
        var identitys = new IdentityErrorDescriber();

        Assert.Equal(identitys.DuplicateEmail("a@b.cn").Description, ours.DuplicateEmail("a@b.cn").Description);
        Assert.Equal(identitys.InvalidUserName("x y").Description, ours.InvalidUserName("x y").Description);
        Assert.Equal(identitys.PasswordRequiresUpper().Description, ours.PasswordRequiresUpper().Description);
        Assert.Equal(identitys.PasswordRequiresUniqueChars(3).Description, ours.PasswordRequiresUniqueChars(3).Description);
        Assert.Equal(identitys.ConcurrencyFailure().Description, ours.ConcurrencyFailure().Description);
    }

    [Theory]
    [InlineData("en", "Custody officer")]
    [InlineData("zh-CN", "保管人员")]
    public void Role_names_follow_the_culture(string culture, string expected)
    {
        using var _ = CultureScope.Use(culture);

        Assert.Equal(expected, Roles.Describe(Roles.CustodyOfficer));
        Assert.Equal("Auditor", Roles.Describe("Auditor"));   // not a role of ours: as stored
    }
}
