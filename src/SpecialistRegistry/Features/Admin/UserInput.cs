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
            return "Enter the person's name as colleagues know it.";
        return v.Length > 100 ? "Keep the name to 100 characters." : null;
    }

    public static string? EmailProblem(string? email)
    {
        var v = email?.Trim() ?? "";
        if (v.Length == 0)
            return "Enter the e-mail address the person signs in with.";
        if (v.Length > 256)
            return "Keep the e-mail address to 256 characters.";
        return new EmailAddressAttribute().IsValid(v) ? null : "Enter an e-mail address such as li.na@firm.example.cn.";
    }

    public static string? RoleProblem(string? role) =>
        role is not null && Roles.All.Contains(role) ? null : "Choose a role.";

    /// <summary>A Firm HR account works for exactly one firm; no other role belongs to a firm.</summary>
    public static string? FirmProblem(string? role, Guid? firmId) => (role, firmId) switch
    {
        (Roles.FirmHR, null) => "A Firm HR account needs the firm it works for.",
        (not Roles.FirmHR, not null) => $"Only Firm HR accounts belong to a firm; clear the firm for a {Roles.Describe(role ?? "")} account.",
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
