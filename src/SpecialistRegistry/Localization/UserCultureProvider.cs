using Microsoft.AspNetCore.Localization;
using SpecialistRegistry.Auth;

namespace SpecialistRegistry.Localization;

/// <summary>
/// The language a signed-in person chose, which their sign-in cookie carries (from the account, see
/// RegistryClaimsFactory), so it follows them to every device; it comes before the culture cookie.
/// </summary>
internal sealed class UserCultureProvider : RequestCultureProvider
{
    public override Task<ProviderCultureResult?> DetermineProviderCultureResult(HttpContext httpContext)
    {
        var culture = RegistryCultures.Normalize(httpContext.User.FindFirst(RegistryClaims.Culture)?.Value);
        return Task.FromResult(culture is null ? null : new ProviderCultureResult(culture));
    }
}
