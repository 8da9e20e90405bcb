using Microsoft.AspNetCore.Identity;

namespace SpecialistRegistry.Domain;

/// <summary>A person who signs in. Exactly one role; a Firm HR user also carries their firm.</summary>
public sealed class ApplicationUser : IdentityUser
{
    public string DisplayName { get; set; } = "";
    public Guid? FirmId { get; set; }
    public Firm? Firm { get; set; }
    /// <summary>A disabled user cannot sign in, and an open session loses access at the next revalidation.</summary>
    public bool IsDisabled { get; set; }
    /// <summary>Set when an Admin creates the account or resets its password.</summary>
    public bool MustChangePassword { get; set; }
    /// <summary>The language the person chose (zh-CN or en); null until they choose, when the browser's decides.</summary>
    public string? Culture { get; set; }
}
