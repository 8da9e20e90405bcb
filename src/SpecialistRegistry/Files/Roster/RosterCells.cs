using System.Globalization;
using SpecialistRegistry.Domain.Records;

namespace SpecialistRegistry.Files.Roster;

/// <summary>
/// A <see cref="RosterPerson"/> as the cells of the roster format, as text; the table writer guards them against
/// formula injection. The importer's parser reads exactly these back (see the round-trip tests).
/// </summary>
public static class RosterCells
{
    public static string[] Specialist(RosterPerson p) =>
    [
        p.EmployeeNumber,
        p.FullName,
        p.LatinName,
        p.Gender.ToString(),
        Date(p.DateOfBirth),
        p.Nationality,
        p.NationalIdNumber,
        p.Phone,
        p.Email,
        p.Position,
        p.Department,
        Date(p.HireDate),
        p.Status.ToString(),
        p.LeftOn is { } left ? Date(left) : "",
        p.LeftReason ?? "",
        p.Passport?.Number ?? "",
        p.Passport?.IssuingCountry ?? "",
        p.Passport is { } issued ? Date(issued.IssuedOn) : "",
        p.Passport is { } expires ? Date(expires.ExpiresOn) : "",
    ];

    /// <summary>The CSV row: the specialist cells followed by the three list cells in the documented syntax.</summary>
    public static string[] CsvRow(RosterPerson p) =>
    [
        .. Specialist(p),
        ListSyntax.Format(p.Expertise.Select(Fields)),
        ListSyntax.Format(p.Education.Select(Fields)),
        ListSyntax.Format(p.Research.Select(Fields)),
    ];

    /// <summary>Fields of a list item, without the employee number.</summary>
    public static string[] Fields(ExpertiseItem e) => [e.Area.ToString(), e.Level.ToString(), Number(e.Years)];

    public static string[] Fields(EducationItem e) => [e.Degree.ToString(), e.Field, e.Institution, e.Country, Number(e.GraduationYear)];

    public static string[] Fields(ResearchItem r) => [r.Kind.ToString(), r.Title, Number(r.Year), r.Role, r.Reference];

    public static string Date(DateOnly date) => date.ToString(RosterFormat.DateFormat, CultureInfo.InvariantCulture);

    public static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
