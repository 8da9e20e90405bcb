using System.Globalization;
using SpecialistRegistry.Features.Roster.Import;

namespace SpecialistRegistry.Features.Roster.Export;

/// <summary>
/// A <see cref="RosterPerson"/> as the cells of the roster format, every text cell guarded against formula
/// injection. The importer's parser reads exactly these back (see the round-trip tests).
/// </summary>
public static class RosterCells
{
    public static string[] Specialist(RosterPerson p) =>
    [
        Text(p.EmployeeNumber),
        Text(p.FullName),
        Text(p.LatinName),
        p.Gender.ToString(),
        Date(p.DateOfBirth),
        Text(p.Nationality),
        Text(p.NationalIdNumber),
        Text(p.Phone),
        Text(p.Email),
        Text(p.Position),
        Text(p.Department),
        Date(p.HireDate),
        p.Status.ToString(),
        p.LeftOn is { } left ? Date(left) : "",
        Text(p.LeftReason ?? ""),
        Text(p.Passport?.Number ?? ""),
        Text(p.Passport?.IssuingCountry ?? ""),
        p.Passport is { } issued ? Date(issued.IssuedOn) : "",
        p.Passport is { } expires ? Date(expires.ExpiresOn) : "",
    ];

    /// <summary>The CSV row: the specialist cells followed by the three list cells in the documented syntax.</summary>
    public static string[] CsvRow(RosterPerson p) =>
    [
        .. Specialist(p),
        Text(ListSyntax.Format(p.Expertise.Select(Fields))),
        Text(ListSyntax.Format(p.Education.Select(Fields))),
        Text(ListSyntax.Format(p.Research.Select(Fields))),
    ];

    /// <summary>Fields of a list item without the employee number, unguarded (the caller guards the cell).</summary>
    public static string[] Fields(RosterExpertise e) => [e.Area.ToString(), e.Level.ToString(), Number(e.Years)];

    public static string[] Fields(RosterEducation e) => [e.Degree.ToString(), e.Field, e.Institution, e.Country, Number(e.GraduationYear)];

    public static string[] Fields(RosterResearch r) => [r.Kind.ToString(), r.Title, Number(r.Year), r.Role, r.Reference];

    public static string Text(string value) => CellText.Neutralise(value);

    public static string Date(DateOnly date) => date.ToString(RosterFormat.DateFormat, CultureInfo.InvariantCulture);

    public static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
