using FluentValidation;
using Microsoft.Extensions.Localization;

namespace SpecialistRegistry.Components.Account.Pages;

/// <summary>What the sign-in form posts.</summary>
internal sealed class LoginInput
{
    public string Email { get; set; } = "";

    public string Password { get; set; } = "";

    public bool RememberMe { get; set; }
}

internal sealed class LoginInputValidator : AbstractValidator<LoginInput>
{
    public LoginInputValidator(IStringLocalizer<AccountText> t)
    {
        // One message per field: an empty e-mail is missing, not also malformed.
        RuleFor(x => x.Email).Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage(_ => t["LoginEmailRequired"])
            .EmailAddress().WithMessage(_ => t["LoginEmailInvalid"]);
        RuleFor(x => x.Password).NotEmpty().WithMessage(_ => t["LoginPasswordRequired"]);
    }
}
