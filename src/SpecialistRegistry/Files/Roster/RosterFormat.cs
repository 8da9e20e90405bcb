using SpecialistRegistry.Domain;
using SpecialistRegistry.Files.Reading;

namespace SpecialistRegistry.Files.Roster;

/// <summary>
/// One column of the roster file: its header in English and in Chinese (either is read, the file's language is
/// written), whether it must hold a value, and the key of its explanation in RosterFileText.resx.
/// </summary>
public sealed record RosterColumn(string Name, string ChineseName, string ExplanationKey, bool Required, int MaxLength = 0, CellKind Kind = CellKind.Text)
{
    public string Header(RosterLanguage language) => language == RosterLanguage.Chinese ? ChineseName : Name;

    public TableColumn ToTableColumn(RosterLanguage language) => new(Header(language), Kind);

    /// <summary>The line the templates and docs show for this column, in <paramref name="language"/>.</summary>
    public string Explanation(RosterLanguage language) => RosterFileText.Explanation(this, language);
}

/// <summary>A workbook sheet of the format: its name in English (what the code calls it) and in Chinese, and its columns.</summary>
public sealed record RosterSheet(string Name, string ChineseName, IReadOnlyList<RosterColumn> Columns)
{
    public string Header(RosterLanguage language) => language == RosterLanguage.Chinese ? ChineseName : Name;

    public void Deconstruct(out string sheet, out IReadOnlyList<RosterColumn> columns)
    {
        sheet = Name;
        columns = Columns;
    }
}

/// <summary>
/// The roster file format, shared by the importer, the exporter and the templates so the three cannot drift.
/// One row per specialist; the nested lists go on sheets of their own in .xlsx (keyed by EmployeeNumber) and
/// into three list columns in CSV. Headers and sheet names exist in English and Chinese; docs/roster-import.md
/// is the long form of this file.
/// </summary>
public static class RosterFormat
{
    public const string SpecialistsSheet = "Specialists";
    public const string ExpertiseSheet = "Expertise";
    public const string EducationSheet = "Education";
    public const string ResearchSheet = "Research";
    public const string ReadMeSheet = "Read me";
    public const string ReadMeSheetChinese = "说明";

    /// <summary>CSV list syntax: items are separated by this…</summary>
    public const char ItemSeparator = ';';
    /// <summary>…and the fields of one item by this; a backslash escapes either, and itself.</summary>
    public const char FieldSeparator = '|';
    public const char Escape = '\\';

    /// <summary>A row whose first cell starts with this is a note (the CSV template's explanation row) and is skipped.</summary>
    public const char NoteMarker = '#';

    /// <summary>
    /// The canonical date format; also read: Excel's yyyy/M/d (Chinese locale) and dates as Chinese clerks write
    /// them (2026年3月7日).
    /// </summary>
    public const string DateFormat = "yyyy-MM-dd";
    internal static readonly string[] DateFormats =
        ["yyyy-MM-dd", "yyyy-M-d", "yyyy/M/d", "yyyy/MM/dd", "yyyy.M.d", "yyyy年M月d日", "yyyy年MM月dd日", "yyyy年M月d号"];

    public const string Employee = "EmployeeNumber";

    private static RosterColumn Column(string sheet, string name, string chinese, bool required, int maxLength = 0, CellKind kind = CellKind.Text) =>
        new(name, chinese, $"{sheet}_{name}", required, maxLength, kind);

    public static readonly IReadOnlyList<RosterColumn> SpecialistColumns =
    [
        Column(SpecialistsSheet, Employee, "员工编号", true, 40),
        Column(SpecialistsSheet, "FullName", "姓名", true, 100),
        Column(SpecialistsSheet, "LatinName", "拼音姓名", true, 100),
        Column(SpecialistsSheet, "Gender", "性别", true),
        Column(SpecialistsSheet, "DateOfBirth", "出生日期", true),
        Column(SpecialistsSheet, "Nationality", "国籍", true, 60),
        Column(SpecialistsSheet, "NationalIdNumber", "身份证号码", false, 40),
        Column(SpecialistsSheet, "Phone", "电话", false, 40),
        Column(SpecialistsSheet, "Email", "电子邮箱", false, 256),
        Column(SpecialistsSheet, "Position", "职位", false, 100),
        Column(SpecialistsSheet, "Department", "部门", false, 100),
        Column(SpecialistsSheet, "HireDate", "入职日期", true),
        Column(SpecialistsSheet, "Status", "在职状态", true),
        Column(SpecialistsSheet, "LeftOn", "离职日期", false),
        Column(SpecialistsSheet, "LeftReason", "离职原因", false, 500),
        Column(SpecialistsSheet, "PassportNumber", "护照号码", false, 40),
        Column(SpecialistsSheet, "PassportIssuingCountry", "护照签发国", false, 60),
        Column(SpecialistsSheet, "PassportIssuedOn", "护照签发日期", false),
        Column(SpecialistsSheet, "PassportExpiresOn", "护照有效期至", false),
    ];

    public static readonly IReadOnlyList<RosterColumn> ExpertiseColumns =
    [
        Column(ExpertiseSheet, Employee, "员工编号", true, 40),
        Column(ExpertiseSheet, "Area", "领域", true),
        Column(ExpertiseSheet, "Level", "水平", true),
        Column(ExpertiseSheet, "Years", "年限", true, kind: CellKind.Number),
    ];

    public static readonly IReadOnlyList<RosterColumn> EducationColumns =
    [
        Column(EducationSheet, Employee, "员工编号", true, 40),
        Column(EducationSheet, "Degree", "学位", true),
        Column(EducationSheet, "Field", "专业", true, 150),
        Column(EducationSheet, "Institution", "院校", true, 200),
        Column(EducationSheet, "Country", "国家", true, 60),
        Column(EducationSheet, "GraduationYear", "毕业年份", true, kind: CellKind.Number),
    ];

    public static readonly IReadOnlyList<RosterColumn> ResearchColumns =
    [
        Column(ResearchSheet, Employee, "员工编号", true, 40),
        Column(ResearchSheet, "Kind", "类别", true),
        Column(ResearchSheet, "Title", "题目", true, 300),
        Column(ResearchSheet, "Year", "年份", true, kind: CellKind.Number),
        Column(ResearchSheet, "Role", "角色", false, 100),
        Column(ResearchSheet, "Reference", "编号", false, 200),
    ];

    /// <summary>The three list columns that carry the nested lists in CSV, after the specialist columns.</summary>
    public static readonly IReadOnlyList<RosterColumn> CsvListColumns =
    [
        Column("Csv", ExpertiseSheet, "专业领域", false),
        Column("Csv", EducationSheet, "教育经历", false),
        Column("Csv", ResearchSheet, "科研成果", false),
    ];

    public static readonly IReadOnlyList<RosterColumn> CsvColumns = [.. SpecialistColumns, .. CsvListColumns];

    /// <summary>The .xlsx data sheets, in the order they are written.</summary>
    public static readonly IReadOnlyList<RosterSheet> XlsxSheets =
    [
        new(SpecialistsSheet, "人员", SpecialistColumns),
        new(ExpertiseSheet, "专业领域", ExpertiseColumns),
        new(EducationSheet, "教育经历", EducationColumns),
        new(ResearchSheet, "科研成果", ResearchColumns),
    ];

    /// <summary>The sheet named <paramref name="name"/> in either language, or null.</summary>
    public static RosterSheet? SheetNamed(string? name) =>
        XlsxSheets.FirstOrDefault(s => string.Equals(s.Name, name?.Trim(), StringComparison.OrdinalIgnoreCase) || s.ChineseName == name?.Trim());

    /// <summary>The values an enumeration accepts, as a file in <paramref name="language"/> writes them.</summary>
    public static string Allowed<T>(RosterLanguage language = RosterLanguage.English) where T : struct, Enum =>
        string.Join(language == RosterLanguage.Chinese ? "、" : ", ", Enum.GetValues<T>().Select(v => RosterValues.Write(v, language)));
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
