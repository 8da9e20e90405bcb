using System.ComponentModel.DataAnnotations;
using FluentValidation;
using Microsoft.Extensions.Localization;

namespace SpecialistRegistry.Components.Account.Pages.Manage;

/// <summary>What the profile form posts.</summary>
internal sealed class ProfileInput
{
    public string? PhoneNumber { get; set; }
}

internal sealed class ProfileInputValidator : AbstractValidator<ProfileInput>
{
    // The check [Phone] made before (its message was English only): digits, spaces and + - . ( ), an extension.
    private static readonly PhoneAttribute Phone = new();

    public ProfileInputValidator(IStringLocalizer<AccountText> t) =>
        RuleFor(x => x.PhoneNumber).Must(Phone.IsValid).WithMessage(_ => t["ProfilePhoneInvalid"]);
}
