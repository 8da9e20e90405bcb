using System.Globalization;
using System.Resources;

namespace SpecialistRegistry.Auth;

public static class Roles
{
    public const string Admin = "Admin";
    public const string FirmHR = "FirmHR";
    public const string Regulator = "Regulator";
    public const string CustodyOfficer = "CustodyOfficer";

    public static readonly IReadOnlyList<string> All = [Admin, FirmHR, Regulator, CustodyOfficer];

    // The role names live once, as Role_{role} in Components/ComponentText.resx (the user badge reads them there too);
    // a ResourceManager because Describe is static and called from places with no localizer at hand.
    private static readonly ResourceManager Names = new("SpecialistRegistry.Components.ComponentText", typeof(Roles).Assembly);

    /// <summary>How a role reads to a person, in the current UI culture; an unknown role as it is stored.</summary>
    public static string Describe(string role) =>
        Names.GetString("Role_" + role, CultureInfo.CurrentUICulture) ?? role;
}
