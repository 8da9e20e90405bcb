using SpecialistRegistry.Domain;
using SpecialistRegistry.Files.Reading;

namespace SpecialistRegistry.Files.Roster;

/// <summary>One column of the roster file: its header, whether it must hold a value, and the line the templates and docs show.</summary>
public sealed record RosterColumn(string Name, bool Required, string Explanation, int MaxLength = 0, CellKind Kind = CellKind.Text)
{
    public TableColumn ToTableColumn() => new(Name, Kind);
}

/// <summary>
/// The roster file format, shared by the importer, the exporter and the templates so the three cannot drift.
/// One row per specialist; the nested lists go on sheets of their own in .xlsx (keyed by EmployeeNumber) and
/// into three list columns in CSV. docs/roster-import.md is the long form of this file.
/// </summary>
public static class RosterFormat
{
    public const string SpecialistsSheet = "Specialists";
    public const string ExpertiseSheet = "Expertise";
    public const string EducationSheet = "Education";
    public const string ResearchSheet = "Research";
    public const string ReadMeSheet = "Read me";

    /// <summary>CSV list syntax: items are separated by this…</summary>
    public const char ItemSeparator = ';';
    /// <summary>…and the fields of one item by this; a backslash escapes either, and itself.</summary>
    public const char FieldSeparator = '|';
    public const char Escape = '\\';

    /// <summary>A row whose first cell starts with this is a note (the CSV template's explanation row) and is skipped.</summary>
    public const char NoteMarker = '#';

    /// <summary>The canonical date format; Excel's yyyy/M/d (Chinese locale) is read too.</summary>
    public const string DateFormat = "yyyy-MM-dd";
    internal static readonly string[] DateFormats = ["yyyy-MM-dd", "yyyy-M-d", "yyyy/M/d", "yyyy/MM/dd", "yyyy.M.d"];

    public const string Employee = "EmployeeNumber";

    public static readonly IReadOnlyList<RosterColumn> SpecialistColumns =
    [
        new(Employee, true, "Your firm's staff number for the person, unique within your firm. The import recognises people already on the roster by it.", 40),
        new("FullName", true, "Full name as on the national ID card, e.g. 王伟.", 100),
        new("LatinName", true, "Name in Latin script as in the passport, e.g. Wang Wei.", 100),
        new("Gender", true, $"One of: {Allowed<Gender>()}."),
        new("DateOfBirth", true, "Date of birth, yyyy-MM-dd, e.g. 1985-03-12."),
        new("Nationality", true, "Country of nationality, e.g. China.", 60),
        new("NationalIdNumber", false, "National ID number (a PRC resident ID has 18 characters). Stored encrypted; spaces and hyphens are ignored.", 40),
        new("Phone", false, "Work or mobile phone number, e.g. +86 138 0000 0000.", 40),
        new("Email", false, "Work e-mail address.", 256),
        new("Position", false, "Job title, e.g. Senior process engineer.", 100),
        new("Department", false, "Department, e.g. Separation plant.", 100),
        new("HireDate", true, "Date the person joined your firm, yyyy-MM-dd; not before the date of birth."),
        new("Status", true, $"One of: {Allowed<EmploymentStatus>()}. Current if the person works for you now."),
        new("LeftOn", false, "Date the person left, yyyy-MM-dd. Required when Status is Left, empty otherwise."),
        new("LeftReason", false, "Why the person left, e.g. Resigned. Required when Status is Left, empty otherwise.", 500),
        new("PassportNumber", false, "Number of the person's current passport. Stored encrypted. Leave all four passport columns empty if the person has none.", 40),
        new("PassportIssuingCountry", false, "Country that issued the current passport. Required with a passport number.", 60),
        new("PassportIssuedOn", false, "Issue date of the current passport, yyyy-MM-dd. Required with a passport number."),
        new("PassportExpiresOn", false, "Expiry date of the current passport, yyyy-MM-dd, after the issue date. Required with a passport number."),
    ];

    public static readonly IReadOnlyList<RosterColumn> ExpertiseColumns =
    [
        new(Employee, true, "Employee number of a person on the Specialists sheet.", 40),
        new("Area", true, $"Expertise area, one of: {Allowed<ExpertiseArea>()}."),
        new("Level", true, $"One of: {Allowed<ExpertiseLevel>()}."),
        new("Years", true, $"Years of experience in the area, a whole number from 0 to {RosterLimits.MaxExpertiseYears}.", Kind: CellKind.Number),
    ];

    public static readonly IReadOnlyList<RosterColumn> EducationColumns =
    [
        new(Employee, true, "Employee number of a person on the Specialists sheet.", 40),
        new("Degree", true, $"One of: {Allowed<Degree>()}."),
        new("Field", true, "Field of study, e.g. Metallurgical engineering.", 150),
        new("Institution", true, "University or institute, e.g. Northeastern University.", 200),
        new("Country", true, "Country of the institution, e.g. China.", 60),
        new("GraduationYear", true, "Year of graduation, e.g. 2009.", Kind: CellKind.Number),
    ];

    public static readonly IReadOnlyList<RosterColumn> ResearchColumns =
    [
        new(Employee, true, "Employee number of a person on the Specialists sheet.", 40),
        new("Kind", true, $"One of: {Allowed<ResearchKind>()}."),
        new("Title", true, "Title of the project, publication, patent or standard.", 300),
        new("Year", true, "Year it started, was published or granted, e.g. 2021.", Kind: CellKind.Number),
        new("Role", false, "The person's role, e.g. Lead or Contributor.", 100),
        new("Reference", false, "Project code, DOI, patent or standard number, e.g. CN112345678B.", 200),
    ];

    /// <summary>The three list columns that carry the nested lists in CSV, after the specialist columns.</summary>
    public static readonly IReadOnlyList<RosterColumn> CsvListColumns =
    [
        new(ExpertiseSheet, false, "Expertise as Area|Level|Years, items separated by ; e.g. SolventExtraction|Expert|12; IonExchange|Advanced|5"),
        new(EducationSheet, false, "Education as Degree|Field|Institution|Country|GraduationYear, items separated by ; e.g. Master|Metallurgy|Northeastern University|China|2009"),
        new(ResearchSheet, false, "Research as Kind|Title|Year|Role|Reference, items separated by ; (Role and Reference may be empty). Write \\; \\| \\\\ for a ; | or \\ inside a value."),
    ];

    public static readonly IReadOnlyList<RosterColumn> CsvColumns = [.. SpecialistColumns, .. CsvListColumns];

    /// <summary>The .xlsx data sheets, in the order they are written.</summary>
    public static readonly IReadOnlyList<(string Sheet, IReadOnlyList<RosterColumn> Columns)> XlsxSheets =
    [
        (SpecialistsSheet, SpecialistColumns),
        (ExpertiseSheet, ExpertiseColumns),
        (EducationSheet, EducationColumns),
        (ResearchSheet, ResearchColumns),
    ];

    /// <summary>The values an enumeration accepts, as the file writes them.</summary>
    public static string Allowed<T>() where T : struct, Enum => string.Join(", ", Enum.GetNames<T>());
}

/// <summary>Indexes of <see cref="RosterFormat.SpecialistColumns"/>, so code reads cells by name.</summary>
internal enum SpecialistField
{
    EmployeeNumber,
    FullName,
    LatinName,
    Gender,
    DateOfBirth,
    Nationality,
    NationalIdNumber,
    Phone,
    Email,
    Position,
    Department,
    HireDate,
    Status,
    LeftOn,
    LeftReason,
    PassportNumber,
    PassportIssuingCountry,
    PassportIssuedOn,
    PassportExpiresOn,
    // CSV only: the list columns follow the specialist columns.
    Expertise,
    Education,
    Research,
}

/// <summary>Limits that keep one import within what a server and an HR clerk can handle.</summary>
public static class RosterLimits
{
    public const long MaxFileBytes = 20 * 1024 * 1024;
    public const int MaxSpecialists = 20_000;
    /// <summary>Per person and list (expertise, education, research).</summary>
    public const int MaxItemsPerList = 50;
    /// <summary>Rows of one list sheet; generous for <see cref="MaxSpecialists"/> people with several items each.</summary>
    public const int MaxListRows = MaxSpecialists * 20;
    /// <summary>Problems kept for display; the total is still counted.</summary>
    public const int MaxProblemsShown = 10_000;
    public const int MaxExpertiseYears = 70;
    public const int MaxNumberLength = 40;
    public const int EarliestYear = 1930;

    public static string Describe(long bytes) => FileInspector.Describe(bytes);
}
