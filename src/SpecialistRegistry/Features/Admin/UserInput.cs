using System.ComponentModel.DataAnnotations;
using SpecialistRegistry.Auth;

namespace SpecialistRegistry.Features.Admin;

/// <summary>
/// What an Admin types to create an account or change one. The e-mail address is also the sign-in name,
/// so it is set once, at creation.
/// </summary>
public sealed record UserInput
{
    public string DisplayName { get; set; } = "";
    public string Email { get; set; } = "";
    public string Role { get; set; } = "";
    public Guid? FirmId { get; set; }

    public static string? DisplayNameProblem(string? name)
    {
        var v = name?.Trim() ?? "";
        if (v.Length == 0)
            return AdminText.Say("DisplayNameRequired");
        return v.Length > 100 ? AdminText.Say("DisplayNameTooLong", 100) : null;
    }

    public static string? EmailProblem(string? email)
    {
        var v = email?.Trim() ?? "";
        if (v.Length == 0)
            return AdminText.Say("EmailRequired");
        if (v.Length > 256)
            return AdminText.Say("EmailTooLong", 256);
        return new EmailAddressAttribute().IsValid(v) ? null : AdminText.Say("UserEmailInvalid");
    }

    public static string? RoleProblem(string? role) =>
        role is not null && Roles.All.Contains(role) ? null : AdminText.Say("RoleRequired");

    /// <summary>A Firm HR account works for exactly one firm; no other role belongs to a firm.</summary>
    public static string? FirmProblem(string? role, Guid? firmId) => (role, firmId) switch
    {
        (Roles.FirmHR, null) => AdminText.Say("FirmRequiredForHR"),
        (not Roles.FirmHR, not null) => AdminText.Say("FirmOnlyForHR", Roles.Describe(role ?? "")),
        _ => null,
    };

    public (string Field, string Message)? FirstProblem(bool checkEmail)
    {
        if (DisplayNameProblem(DisplayName) is { } name)
            return (nameof(DisplayName), name);
        if (checkEmail && EmailProblem(Email) is { } email)
            return (nameof(Email), email);
        if (RoleProblem(Role) is { } role)
            return (nameof(Role), role);
        if (FirmProblem(Role, FirmId) is { } firm)
            return (nameof(FirmId), firm);
        return null;
    }

    public UserInput Normalized() => this with { DisplayName = DisplayName.Trim(), Email = Email.Trim() };
}
