using FluentValidation;
using Microsoft.Extensions.Localization;

namespace SpecialistRegistry.Components.Account.Pages;

/// <summary>What the two-factor sign-in form posts.</summary>
internal sealed class TwoFactorCodeInput
{
    public string? TwoFactorCode { get; set; }

    public bool RememberMachine { get; set; }
}

internal sealed class TwoFactorCodeInputValidator : AbstractValidator<TwoFactorCodeInput>
{
    public TwoFactorCodeInputValidator(IStringLocalizer<AccountText> t)
    {
        RuleFor(x => x.TwoFactorCode).Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage(_ => t["TwoFactorCodeRequired"])
            .Length(AuthenticatorCode.MinLength, AuthenticatorCode.MaxLength)
            .WithMessage(_ => t["TwoFactorCodeLength", AuthenticatorCode.MinLength, AuthenticatorCode.MaxLength]);
    }
}

/// <summary>An authenticator's code as people type it: six digits, perhaps with a space or hyphen in the middle.</summary>
internal static class AuthenticatorCode
{
    public const int MinLength = 6;
    public const int MaxLength = 7;
}
