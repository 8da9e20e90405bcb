namespace SpecialistRegistry.Auth;

public static class Roles
{
    public const string Admin = "Admin";
    public const string FirmHR = "FirmHR";
    public const string Regulator = "Regulator";
    public const string CustodyOfficer = "CustodyOfficer";

    public static readonly IReadOnlyList<string> All = [Admin, FirmHR, Regulator, CustodyOfficer];

    public static string Describe(string role) => role switch
    {
        FirmHR => "Firm HR",
        CustodyOfficer => "Custody officer",
        _ => role,
    };
}
