using FluentValidation;

namespace SpecialistRegistry.Tests.Components.Shared;

public sealed class FormModel
{
    public string Name { get; set; } = "";
    public string Email { get; set; } = "";
    public FormAddress Address { get; set; } = new();
    public List<string> Tags { get; set; } = [];
}

public sealed class FormAddress
{
    public string City { get; set; } = "";
}

public sealed class FormModelValidator : AbstractValidator<FormModel>
{
    public FormModelValidator()
    {
        RuleFor(x => x.Name).NotEmpty().WithMessage("Enter a name.");
        RuleFor(x => x.Email).EmailAddress().WithMessage("Enter a valid e-mail address.");
        RuleFor(x => x.Address.City).NotEmpty().WithMessage("Enter a city.");
        RuleForEach(x => x.Tags).NotEmpty().WithMessage("A tag cannot be empty.");
        RuleFor(x => x).Must(x => x.Name != x.Email || x.Name.Length == 0).WithMessage("The name cannot be the e-mail address.");
    }
}
