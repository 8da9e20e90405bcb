using System.Globalization;
using SpecialistRegistry.Domain.Records;

namespace SpecialistRegistry.Files.Roster;

/// <summary>
/// A <see cref="RosterPerson"/> as the cells of the roster format, as text in the file's language (fixed values
/// and known countries as <see cref="RosterValues"/> writes them); the table writer guards them against formula
/// injection. The importer's parser reads exactly these back, in either language (see the round-trip tests).
/// </summary>
public static class RosterCells
{
    public static string[] Specialist(RosterPerson p, RosterLanguage language = RosterLanguage.English) =>
    [
        p.EmployeeNumber,
        p.FullName,
        p.LatinName,
        RosterValues.Write(p.Gender, language),
        Date(p.DateOfBirth),
        RosterValues.WriteCountry(p.Nationality, language),
        p.NationalIdNumber,
        p.Phone,
        p.Email,
        p.Position,
        p.Department,
        Date(p.HireDate),
        RosterValues.Write(p.Status, language),
        p.LeftOn is { } left ? Date(left) : "",
        p.LeftReason ?? "",
        p.Passport?.Number ?? "",
        p.Passport is { } country ? RosterValues.WriteCountry(country.IssuingCountry, language) : "",
        p.Passport is { } issued ? Date(issued.IssuedOn) : "",
        p.Passport is { } expires ? Date(expires.ExpiresOn) : "",
    ];

    /// <summary>The CSV row: the specialist cells followed by the three list cells in the documented syntax.</summary>
    public static string[] CsvRow(RosterPerson p, RosterLanguage language = RosterLanguage.English) =>
    [
        .. Specialist(p, language),
        ListSyntax.Format(p.Expertise.Select(e => Fields(e, language))),
        ListSyntax.Format(p.Education.Select(e => Fields(e, language))),
        ListSyntax.Format(p.Research.Select(r => Fields(r, language))),
    ];

    /// <summary>Fields of a list item, without the employee number.</summary>
    public static string[] Fields(ExpertiseItem e, RosterLanguage language = RosterLanguage.English) =>
        [RosterValues.Write(e.Area, language), RosterValues.Write(e.Level, language), Number(e.Years)];

    public static string[] Fields(EducationItem e, RosterLanguage language = RosterLanguage.English) =>
        [RosterValues.Write(e.Degree, language), e.Field, e.Institution, RosterValues.WriteCountry(e.Country, language), Number(e.GraduationYear)];

    public static string[] Fields(ResearchItem r, RosterLanguage language = RosterLanguage.English) =>
        [RosterValues.Write(r.Kind, language), r.Title, Number(r.Year), r.Role, r.Reference];

    public static string Date(DateOnly date) => date.ToString(RosterFormat.DateFormat, CultureInfo.InvariantCulture);

    public static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
