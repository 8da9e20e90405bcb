using SpecialistRegistry.Auth;

namespace SpecialistRegistry.Features.Audit;

/// <summary>
/// Which recorded values each role may read in the trail. The trail records every table, but a role may only
/// read there what it may read elsewhere: a Regulator reads every value (it oversees every firm's people);
/// an Admin manages firms, accounts and the filing calendar and may read those values, but for everything
/// else (specialists, passports, custody, travel, flags, searches…) sees who did what to which record and which
/// fields changed, never the values. Any other role sees no values at all (it cannot open the trail anyway).
/// </summary>
public static class AuditVisibility
{
    private static readonly HashSet<string> AdminReadable =
    [
        "Firm", "ApplicationUser", "IdentityRole", "IdentityUserRole`1", "IdentityUserClaim`1", "IdentityUserLogin`1",
        "IdentityUserToken`1", "IdentityRoleClaim`1", "FilingPeriod",
    ];

    public static bool ValuesVisible(string? role, string entityType) => role switch
    {
        Roles.Regulator => true,
        Roles.Admin => AdminReadable.Contains(entityType),
        _ => false,
    };
}
