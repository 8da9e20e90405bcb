using FluentValidation;
using Microsoft.Extensions.Localization;

namespace SpecialistRegistry.Components.Account.Pages;

/// <summary>What the recovery-code sign-in form posts.</summary>
internal sealed class RecoveryCodeInput
{
    public string RecoveryCode { get; set; } = "";
}

internal sealed class RecoveryCodeInputValidator : AbstractValidator<RecoveryCodeInput>
{
    public RecoveryCodeInputValidator(IStringLocalizer<AccountText> t) =>
        RuleFor(x => x.RecoveryCode).NotEmpty().WithMessage(_ => t["RecoveryCodeRequired"]);
}
