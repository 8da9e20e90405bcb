using FluentValidation;
using Microsoft.Extensions.Localization;

namespace SpecialistRegistry.Components.Account.Pages.Manage;

/// <summary>What the set-up-authenticator form posts: the first code the new authenticator shows.</summary>
internal sealed class VerificationCodeInput
{
    public string Code { get; set; } = "";
}

internal sealed class VerificationCodeInputValidator : AbstractValidator<VerificationCodeInput>
{
    public VerificationCodeInputValidator(IStringLocalizer<AccountText> t)
    {
        RuleFor(x => x.Code).Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage(_ => t["VerificationCodeRequired"])
            .Length(AuthenticatorCode.MinLength, AuthenticatorCode.MaxLength)
            .WithMessage(_ => t["VerificationCodeLength", AuthenticatorCode.MinLength, AuthenticatorCode.MaxLength]);
    }
}
