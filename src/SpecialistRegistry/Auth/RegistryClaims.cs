using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using SpecialistRegistry.Domain;

namespace SpecialistRegistry.Auth;

public static class RegistryClaims
{
    public const string FirmId = "registry:firm";
    public const string DisplayName = "registry:name";
    public const string MustChangePassword = "registry:must-change-password";
    /// <summary>The language the person chose on their account (see Localization/UserCultureProvider).</summary>
    public const string Culture = "registry:culture";
    /// <summary>The server-side session this sign-in belongs to (see SignInSessions).</summary>
    public const string SessionId = "registry:session";
    /// <summary>The person's role must use a second factor and they have not set one up yet.</summary>
    public const string MustEnrolTwoFactor = "registry:must-enrol-2fa";
}

/// <summary>Puts the user's firm, display name, session and first-login state (password, second factor) into the sign-in cookie.</summary>
internal sealed class RegistryClaimsFactory(
    UserManager<ApplicationUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options, IOptions<AuthOptions> auth)
    : UserClaimsPrincipalFactory<ApplicationUser, IdentityRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(ApplicationUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(RegistryClaims.DisplayName, user.DisplayName));
        if (user.FirmId is { } firm)
            identity.AddClaim(new Claim(RegistryClaims.FirmId, firm.ToString()));
        if (user.MustChangePassword)
            identity.AddClaim(new Claim(RegistryClaims.MustChangePassword, "true"));
        if (user.Culture is { Length: > 0 } culture)
            identity.AddClaim(new Claim(RegistryClaims.Culture, culture));
        if (!user.TwoFactorEnabled && auth.Value.TwoFactorRoles.Any(r => identity.HasClaim(identity.RoleClaimType, r)))
            identity.AddClaim(new Claim(RegistryClaims.MustEnrolTwoFactor, "true"));
        return identity;
    }
}
