using FluentValidation;
using SpecialistRegistry.Components.Account.Pages;
using SpecialistRegistry.Components.Account.Pages.Manage;

namespace SpecialistRegistry.Components.Account;

internal static class AccountValidators
{
    /// <summary>The account forms' validators, found by FluentValidator through the forms' model types.</summary>
    public static IServiceCollection AddAccountValidators(this IServiceCollection services) => services
        .AddTransient<IValidator<LoginInput>, LoginInputValidator>()
        .AddTransient<IValidator<TwoFactorCodeInput>, TwoFactorCodeInputValidator>()
        .AddTransient<IValidator<RecoveryCodeInput>, RecoveryCodeInputValidator>()
        .AddTransient<IValidator<ChangePasswordInput>, ChangePasswordInputValidator>()
        .AddTransient<IValidator<ProfileInput>, ProfileInputValidator>()
        .AddTransient<IValidator<VerificationCodeInput>, VerificationCodeInputValidator>();
}
