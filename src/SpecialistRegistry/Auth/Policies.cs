using Microsoft.AspNetCore.Authorization;

namespace SpecialistRegistry.Auth;

/// <summary>One policy per capability of DESIGN.md's table. Every page names one.</summary>
public static class Policies
{
    public const string SignedIn = nameof(SignedIn);
    public const string ReadSpecialists = nameof(ReadSpecialists);
    public const string EditRoster = nameof(EditRoster);
    public const string ExportRoster = nameof(ExportRoster);
    public const string FileRoster = nameof(FileRoster);
    public const string ReviewFilings = nameof(ReviewFilings);
    public const string ReadFilings = nameof(ReadFilings);
    public const string FlagsAndWatches = nameof(FlagsAndWatches);
    public const string ReviewMatches = nameof(ReviewMatches);
    public const string ViewDashboard = nameof(ViewDashboard);
    public const string ReadCustody = nameof(ReadCustody);
    public const string WriteCustody = nameof(WriteCustody);
    public const string ReadAudit = nameof(ReadAudit);
    public const string ManageUsersAndFirms = nameof(ManageUsersAndFirms);
    public const string SearchAllFirms = nameof(SearchAllFirms);
    public const string ExportSearchResults = nameof(ExportSearchResults);
    public const string RequestTravel = nameof(RequestTravel);
    public const string DecideTravel = nameof(DecideTravel);
    public const string ReleaseForTravel = nameof(ReleaseForTravel);
    public const string ReadTravel = nameof(ReadTravel);
    public const string ReceiveNotifications = nameof(ReceiveNotifications);

    /// <summary>Which roles hold each capability.</summary>
    public static readonly IReadOnlyDictionary<string, string[]> RolesFor = new Dictionary<string, string[]>
    {
        [SignedIn] = [.. Roles.All],
        [ReadSpecialists] = [Roles.FirmHR, Roles.Regulator, Roles.CustodyOfficer],
        [EditRoster] = [Roles.FirmHR],
        [ExportRoster] = [Roles.FirmHR, Roles.Regulator],
        [FileRoster] = [Roles.FirmHR],
        [ReviewFilings] = [Roles.Regulator],
        // A submitted filing, its receipt and its export: Firm HR their own firm's, regulators any.
        [ReadFilings] = [Roles.FirmHR, Roles.Regulator],
        [FlagsAndWatches] = [Roles.Regulator],
        [ReviewMatches] = [Roles.Regulator],
        [ViewDashboard] = [Roles.Regulator],
        [ReadCustody] = [Roles.FirmHR, Roles.Regulator, Roles.CustodyOfficer],
        [WriteCustody] = [Roles.CustodyOfficer],
        [ReadAudit] = [Roles.Regulator, Roles.Admin],
        [ManageUsersAndFirms] = [Roles.Admin],
        // Search across firms, full profiles (with reveal on a typed reason) and exports of search results.
        [SearchAllFirms] = [Roles.Regulator],
        [ExportSearchResults] = [Roles.Regulator],
        // Travel: HR requests for their own firm, the regulator decides, the custody office reads approved trips
        // and releases against them. One request's page is open to all three; what each sees is narrowed in TravelQueries.
        [RequestTravel] = [Roles.FirmHR],
        [DecideTravel] = [Roles.Regulator],
        [ReleaseForTravel] = [Roles.CustodyOfficer],
        [ReadTravel] = [Roles.FirmHR, Roles.Regulator, Roles.CustodyOfficer],
        // The bell: watchers, HR (travel decisions, overdue reminders) and custody officers (approvals, reminders).
        [ReceiveNotifications] = [Roles.FirmHR, Roles.Regulator, Roles.CustodyOfficer],
    };

    public static void AddRegistryPolicies(this AuthorizationOptions options)
    {
        foreach (var (policy, roles) in RolesFor)
            options.AddPolicy(policy, p => p.RequireAuthenticatedUser().RequireRole(roles));
    }
}
