using FluentValidation;
using Microsoft.Extensions.Localization;

namespace SpecialistRegistry.Components.Account.Pages.Manage;

/// <summary>What the change-password form posts.</summary>
internal sealed class ChangePasswordInput
{
    /// <summary>The shortest password a person may choose (the Identity options say the same).</summary>
    public const int MinLength = 12;
    public const int MaxLength = 100;

    public string OldPassword { get; set; } = "";

    public string NewPassword { get; set; } = "";

    public string ConfirmPassword { get; set; } = "";
}

internal sealed class ChangePasswordInputValidator : AbstractValidator<ChangePasswordInput>
{
    public ChangePasswordInputValidator(IStringLocalizer<AccountText> t)
    {
        RuleFor(x => x.OldPassword).NotEmpty().WithMessage(_ => t["ChangePasswordOldRequired"]);
        // One message per field: an empty password is missing, not also too short.
        RuleFor(x => x.NewPassword).Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage(_ => t["ChangePasswordNewRequired"])
            .Length(ChangePasswordInput.MinLength, ChangePasswordInput.MaxLength)
            .WithMessage(_ => t["ChangePasswordNewLength", ChangePasswordInput.MinLength, ChangePasswordInput.MaxLength]);
        RuleFor(x => x.ConfirmPassword).Equal(x => x.NewPassword).WithMessage(_ => t["ChangePasswordMismatch"]);
    }
}
