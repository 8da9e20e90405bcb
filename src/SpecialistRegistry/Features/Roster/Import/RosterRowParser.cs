using System.Globalization;
using SpecialistRegistry.Data;
using SpecialistRegistry.Domain;

using Microsoft.Extensions.Localization;
using SpecialistRegistry.Domain.Records;
using SpecialistRegistry.Files.Roster;

namespace SpecialistRegistry.Features.Roster.Import;

/// <summary>
/// Turns text rows into <see cref="RosterPerson"/>s and reports every cell that cannot be used, with a message
/// that says what is wrong and what is allowed. Checks that need only the file (duplicates within it, list rows
/// without a person) are made here; checks against the database are <see cref="RosterComparer"/>'s.
/// </summary>
internal sealed class RosterRowParser(FieldProtector protector, DateOnly today, ProblemList problems, IStringLocalizer<RosterText> text)
{
    private static readonly IReadOnlyList<RosterColumn> Columns = RosterFormat.SpecialistColumns;
    private int _rowProblems;
    // The language of the table being read: problems name its columns and sheets as the file does.
    private RosterLanguage _language;

    /// <summary>
    /// Where a value sits: sheet, row and column, and for an item of a list cell its number and field. The item's
    /// prefix is worded only when a problem is reported: building it for every field of 70,000 items cost the
    /// dry run half a second.
    /// </summary>
    private readonly record struct Loc(string? Sheet, int Row, string Column, int Item = 0, string? ItemField = null);

    public List<ImportedRow> ParseSpecialists(RawTable table, IProgress<ImportProgress>? progress, CancellationToken ct)
    {
        _language = table.Language;
        var rows = new List<ImportedRow>(table.Rows.Count);
        var byEmployee = new Dictionary<string, int>(StringComparer.Ordinal);
        var byNationalId = new Dictionary<string, ImportedRow>(StringComparer.Ordinal);
        var byPassport = new Dictionary<string, ImportedRow>(StringComparer.Ordinal);
        for (var i = 0; i < table.Rows.Count; i++)
        {
            if (i % 500 == 0)
            {
                ct.ThrowIfCancellationRequested();
                progress?.Report(new ImportProgress(ImportPhase.Checking, i, table.Rows.Count));
            }
            var raw = table.Rows[i];
            _rowProblems = 0;
            var person = ParsePerson(table.Shown, raw);
            var row = new ImportedRow(raw.Row, person);

            var repeats = person.EmployeeNumber.Length > 0 && !byEmployee.TryAdd(person.EmployeeNumber, raw.Row);
            if (repeats)
                Problem(At(table.Shown, raw, SpecialistField.EmployeeNumber),
                    text["DuplicateEmployee", person.EmployeeNumber, byEmployee[person.EmployeeNumber]]);
            // A row that repeats a person's employee number is one problem, not three: its numbers clashing with
            // that same person's are part of the repetition.
            if (person.NationalIdNumber.Length > 0 && !IsMasked(person.NationalIdNumber))
            {
                row.NationalIdHash = protector.LookupHash(person.NationalIdNumber);
                if (!byNationalId.TryAdd(row.NationalIdHash, row) && !SamePerson(byNationalId[row.NationalIdHash], person, repeats))
                    Problem(At(table.Shown, raw, SpecialistField.NationalIdNumber),
                        text["DuplicateNationalId", Masked(person.NationalIdNumber), Who(byNationalId[row.NationalIdHash])]);
            }
            if (person.Passport is { } passport && !IsMasked(passport.Number))
            {
                row.PassportHash = protector.LookupHash(passport.Number);
                if (!byPassport.TryAdd(row.PassportHash, row) && !SamePerson(byPassport[row.PassportHash], person, repeats))
                    Problem(At(table.Shown, raw, SpecialistField.PassportNumber),
                        text["DuplicatePassport", Masked(passport.Number), Who(byPassport[row.PassportHash])]);
            }
            row.Rejected = _rowProblems > 0;
            rows.Add(row);
        }
        progress?.Report(new ImportProgress(ImportPhase.Checking, table.Rows.Count, table.Rows.Count));
        return rows;
    }

    /// <summary>CSV: the three list columns of each specialist row.</summary>
    public void ParseCsvLists(RawTable table, IReadOnlyList<ImportedRow> rows)
    {
        _language = table.Language;
        string expertise = text["Noun_Expertise"], education = text["Noun_Education"], research = text["Noun_Research"];
        for (var i = 0; i < rows.Count; i++)
        {
            var raw = table.Rows[i];
            var row = rows[i];
            _rowProblems = 0;
            CsvList(raw, row, SpecialistField.Expertise, RosterFormat.ExpertiseColumns, 3, ParseExpertise, p => p.Expertise, expertise);
            CsvList(raw, row, SpecialistField.Education, RosterFormat.EducationColumns, 5, ParseEducation, p => p.Education, education);
            CsvList(raw, row, SpecialistField.Research, RosterFormat.ResearchColumns, 3, ParseResearch, p => p.Research, research);
            row.Rejected |= _rowProblems > 0;
        }
    }

    /// <summary>
    /// .xlsx: one list sheet, its rows attached to the specialists by employee number. For a number that
    /// <paramref name="repeated"/> holds (it is on the Specialists sheet more than once, which that repeating row
    /// reports), an item the first person already has is the copy the repeated person brought, not a problem.
    /// </summary>
    public void ParseListSheet(RawTable table, IReadOnlyDictionary<string, ImportedRow> byEmployee, IReadOnlySet<string> repeated)
    {
        _language = table.Language;
        var specialistsSheet = RosterFormat.XlsxSheets[0].Header(_language);
        string expertise = text["Noun_Expertise"], education = text["Noun_Education"], research = text["Noun_Research"];
        foreach (var raw in table.Rows)
        {
            var employee = raw.Cells[0];
            var at = new Loc(table.Shown, raw.Row, table.Columns[0].Header(_language));
            if (employee.Length == 0)
            {
                Problem(at, text["ListRowNoEmployee", table.Columns[0].Header(_language), specialistsSheet]);
                continue;
            }
            if (!byEmployee.TryGetValue(employee, out var row))
            {
                Problem(at, text["ListRowUnknownEmployee", employee, specialistsSheet]);
                continue;
            }
            _rowProblems = 0;
            var values = raw.Cells[1..];
            var copies = repeated.Contains(employee);
            Loc FieldAt(int f) => new(table.Shown, raw.Row, table.Columns[f + 1].Header(_language));
            switch (table.Sheet)
            {
                case RosterFormat.ExpertiseSheet:
                    AddItem(row, p => p.Expertise, ParseExpertise(values, FieldAt), FieldAt(0), expertise, copies);
                    break;
                case RosterFormat.EducationSheet:
                    AddItem(row, p => p.Education, ParseEducation(values, FieldAt), FieldAt(0), education, copies);
                    break;
                default:
                    AddItem(row, p => p.Research, ParseResearch(values, FieldAt), FieldAt(0), research, copies);
                    break;
            }
            row.Rejected |= _rowProblems > 0;
        }
    }

    private RosterPerson ParsePerson(string? sheet, RawRow raw)
    {
        Loc At_(SpecialistField f) => At(sheet, raw, f);
        string Cell(SpecialistField f) => raw.Cells[(int)f];
        string Text(SpecialistField f) => this.Text(At_(f), Cell(f), Columns[(int)f], multiline: !OneLineFields.Contains(f));
        DateOnly? Date(SpecialistField f) => this.Date(At_(f), Cell(f), raw.IsNumeric((int)f), Columns[(int)f]);

        var person = new RosterPerson
        {
            EmployeeNumber = Text(SpecialistField.EmployeeNumber),
            FullName = Text(SpecialistField.FullName),
            LatinName = Text(SpecialistField.LatinName),
            Gender = Choice<Gender>(At_(SpecialistField.Gender), Cell(SpecialistField.Gender), "Noun_Gender") ?? default,
            Nationality = RosterValues.ReadCountry(Text(SpecialistField.Nationality)),
            NationalIdNumber = Number(At_(SpecialistField.NationalIdNumber), Cell(SpecialistField.NationalIdNumber), "Noun_NationalIdNumber"),
            Phone = Text(SpecialistField.Phone),
            Email = Email(At_(SpecialistField.Email), Text(SpecialistField.Email)),
            Position = Text(SpecialistField.Position),
            Department = Text(SpecialistField.Department),
            Status = Choice<EmploymentStatus>(At_(SpecialistField.Status), Cell(SpecialistField.Status), "Noun_EmploymentStatus") ?? default,
        };
        var born = Date(SpecialistField.DateOfBirth);
        var hired = Date(SpecialistField.HireDate);
        var leftOn = Date(SpecialistField.LeftOn);
        var leftReason = Text(SpecialistField.LeftReason);
        if (born is { } b && (b > today || PersonDates.IsBeforeEarliest(b)))
        {
            Problem(At_(SpecialistField.DateOfBirth), b > today ? text["BirthInFuture"] : text["BirthBefore1900"]);
            born = null;
        }
        if (hired is { } h)
        {
            if (PersonDates.IsBeforeEarliest(h))
                Problem(At_(SpecialistField.HireDate), text["HireBefore1900"]);
            else if (born is { } b2 && h < b2)
                Problem(At_(SpecialistField.HireDate), text["HireBeforeBirth"]);
            else if (PersonDates.IsTooFarAhead(h, today))
                Problem(At_(SpecialistField.HireDate), text["HireTooLate"]);
        }
        person.DateOfBirth = born ?? default;
        person.HireDate = hired ?? default;

        var statusGiven = Cell(SpecialistField.Status).Length > 0;
        if (person.Status == EmploymentStatus.Left)
        {
            if (leftOn is null && Cell(SpecialistField.LeftOn).Length == 0)
                Problem(At_(SpecialistField.LeftOn), text["RequiredWhen", Header(SpecialistField.LeftOn), Header(SpecialistField.Status), Label(EmploymentStatus.Left)]);
            if (leftReason.Length == 0)
                Problem(At_(SpecialistField.LeftReason), text["RequiredWhen", Header(SpecialistField.LeftReason), Header(SpecialistField.Status), Label(EmploymentStatus.Left)]);
            if (leftOn is { } l && hired is { } h2 && l < h2)
                Problem(At_(SpecialistField.LeftOn), text["LeftBeforeHire"]);
            person.LeftOn = leftOn;
            person.LeftReason = leftReason;
        }
        else if (statusGiven)
        {
            if (Cell(SpecialistField.LeftOn).Length > 0)
                Problem(At_(SpecialistField.LeftOn), text["EmptyWhile", Header(SpecialistField.LeftOn), Header(SpecialistField.Status), Label(EmploymentStatus.Current)]);
            if (leftReason.Length > 0)
                Problem(At_(SpecialistField.LeftReason), text["EmptyWhile", Header(SpecialistField.LeftReason), Header(SpecialistField.Status), Label(EmploymentStatus.Current)]);
        }

        person.Passport = Passport(sheet, raw);
        return person;
    }

    private static readonly SpecialistField[] PassportFields =
        [SpecialistField.PassportNumber, SpecialistField.PassportIssuingCountry, SpecialistField.PassportIssuedOn, SpecialistField.PassportExpiresOn];

    private RosterPassport? Passport(string? sheet, RawRow raw)
    {
        if (PassportFields.All(f => raw.Cells[(int)f].Length == 0))
            return null;
        var before = _rowProblems;
        foreach (var f in PassportFields.Where(f => raw.Cells[(int)f].Length == 0))
            Problem(At(sheet, raw, f), text["PassportPartMissing", Columns[(int)f].Header(_language)]);
        var number = Number(At(sheet, raw, SpecialistField.PassportNumber), raw.Cells[(int)SpecialistField.PassportNumber], "Noun_PassportNumber");
        var country = RosterValues.ReadCountry(Text(At(sheet, raw, SpecialistField.PassportIssuingCountry),
            raw.Cells[(int)SpecialistField.PassportIssuingCountry], Columns[(int)SpecialistField.PassportIssuingCountry]));
        var issued = Date(At(sheet, raw, SpecialistField.PassportIssuedOn), raw.Cells[(int)SpecialistField.PassportIssuedOn],
            raw.IsNumeric((int)SpecialistField.PassportIssuedOn), Columns[(int)SpecialistField.PassportIssuedOn]);
        var expires = Date(At(sheet, raw, SpecialistField.PassportExpiresOn), raw.Cells[(int)SpecialistField.PassportExpiresOn],
            raw.IsNumeric((int)SpecialistField.PassportExpiresOn), Columns[(int)SpecialistField.PassportExpiresOn]);
        if (issued is { } i0 && PersonDates.IsBeforeEarliest(i0))
            Problem(At(sheet, raw, SpecialistField.PassportIssuedOn), text["PassportIssuedBefore1900"]);
        else if (issued is { } i && i > today)
            Problem(At(sheet, raw, SpecialistField.PassportIssuedOn), text["PassportIssuedInFuture"]);
        if (issued is { } i2 && expires is { } e && e <= i2)
            Problem(At(sheet, raw, SpecialistField.PassportExpiresOn), text["PassportExpiryNotAfterIssue"]);
        // Only from an issue date in range: 9999-12-31 plus the validity does not exist.
        else if (issued is { } i3 && !PersonDates.IsBeforeEarliest(i3) && i3 <= today && expires is { } e2 && PersonDates.ExpiresTooLate(i3, e2))
            Problem(At(sheet, raw, SpecialistField.PassportExpiresOn), text["PassportValidityTooLong", PersonDates.MaxPassportValidityYears]);
        return _rowProblems > before || issued is null || expires is null || number.Length == 0
            ? null
            : new RosterPassport(number, country, issued.Value, expires.Value);
    }

    private ExpertiseItem? ParseExpertise(string[] values, Func<int, Loc> at)
    {
        var before = _rowProblems;
        var area = Choice<ExpertiseArea>(at(0), values[0], "Noun_ExpertiseArea");
        var level = Choice<ExpertiseLevel>(at(1), values[1], "Noun_ExpertiseLevel");
        var years = Whole(at(2), values[2], 0, RosterLimits.MaxExpertiseYears, RosterFormat.ExpertiseColumns[3].Header(_language));
        return _rowProblems > before ? null : new ExpertiseItem(area!.Value, level!.Value, years!.Value);
    }

    private EducationItem? ParseEducation(string[] values, Func<int, Loc> at)
    {
        var before = _rowProblems;
        var columns = RosterFormat.EducationColumns;
        var degree = Choice<Degree>(at(0), values[0], "Noun_Degree");
        var field = Text(at(1), values[1], columns[2]);
        var institution = Text(at(2), values[2], columns[3]);
        var country = RosterValues.ReadCountry(Text(at(3), values[3], columns[4]));
        var year = Whole(at(4), values[4], RosterLimits.EarliestYear, today.Year + 8, columns[5].Header(_language));
        return _rowProblems > before ? null : new EducationItem(degree!.Value, field, institution, country, year!.Value);
    }

    private ResearchItem? ParseResearch(string[] values, Func<int, Loc> at)
    {
        var before = _rowProblems;
        var columns = RosterFormat.ResearchColumns;
        var kind = Choice<ResearchKind>(at(0), values[0], "Noun_ResearchKind");
        var title = Text(at(1), values[1], columns[2]);
        var year = Whole(at(2), values[2], RosterLimits.EarliestYear, today.Year + 5, columns[3].Header(_language));
        var role = Text(at(3), values[3], columns[4]);
        var reference = Text(at(4), values[4], columns[5]);
        return _rowProblems > before ? null : new ResearchItem(kind!.Value, title, year!.Value, role, reference);
    }

    private void CsvList<T>(RawRow raw, ImportedRow row, SpecialistField column, IReadOnlyList<RosterColumn> itemColumns,
        int minFields, Func<string[], Func<int, Loc>, T?> parse, Func<RosterPerson, List<T>> target, string what) where T : class
    {
        var cell = raw.Cells[(int)column];
        if (cell.Length == 0)
            return;
        var columnName = RosterFormat.CsvColumns[(int)column].Header(_language);
        var fieldCount = itemColumns.Count - 1;
        var items = ListSyntax.Parse(cell);
        if (items.Count > CleanText.MaxListItems)
        {
            Problem(new Loc(null, raw.Row, columnName), new LocalizedString("TooManyItems", CleanText.TooManyItems(items.Count)));
            return;
        }
        for (var k = 0; k < items.Count; k++)
        {
            var fields = items[k];
            if (fields.Length < minFields || fields.Length > fieldCount)
            {
                var shape = string.Join(RosterFormat.FieldSeparator, itemColumns.Skip(1).Select(c => c.Header(_language)));
                Problem(new Loc(null, raw.Row, columnName), fields.Length == 1
                    ? text["ItemFieldCountOne", k + 1, what, shape]
                    : text["ItemFieldCountMany", k + 1, fields.Length, what, shape]);
                continue;
            }
            if (fields.Length < fieldCount)
                fields = [.. fields, .. Enumerable.Repeat("", fieldCount - fields.Length)];
            Loc FieldAt(int f) => new(null, raw.Row, columnName, k + 1, itemColumns[f + 1].Header(_language));
            AddItem(row, target, parse(fields, FieldAt), FieldAt(0), what);
        }
    }

    private void AddItem<T>(ImportedRow row, Func<RosterPerson, List<T>> target, T? item, Loc at, string what, bool skipCopies = false) where T : class
    {
        if (item is null)
            return;
        var list = target(row.Person);
        if (skipCopies && list.Contains(item))
            return;
        if (list.Count == RosterLimits.MaxItemsPerList)
        {
            Problem(at, text["TooManyItems", row.Person.EmployeeNumber, RosterLimits.MaxItemsPerList, what]);
            return;
        }
        if (item is ExpertiseItem expertise && row.Person.Expertise.Any(e => e.Area == expertise.Area))
        {
            Problem(at, text["ExpertiseTwice", _language == RosterLanguage.English ? expertise.Area.ToString() : RosterValues.Write(expertise.Area, _language), row.Person.EmployeeNumber]);
            return;
        }
        list.Add(item);
    }

    // Identifiers and names are one line; the rest (department, reasons, titles…) may carry line breaks, which round-trip.
    private static readonly HashSet<SpecialistField> OneLineFields =
        [SpecialistField.EmployeeNumber, SpecialistField.FullName, SpecialistField.LatinName, SpecialistField.Nationality, SpecialistField.Phone, SpecialistField.Email];

    private string Text(Loc at, string value, RosterColumn column, bool multiline = true)
    {
        if (value.Length == 0)
        {
            if (column.Required)
                Problem(at, text["Missing", column.Header(_language)]);
            return "";
        }
        if (column.MaxLength > 0 && value.Length > column.MaxLength)
            Problem(at, text["TooLong", column.Header(_language), value.Length, column.MaxLength]);
        // The same rule as the editor's (Domain/CleanText): no control, direction or broken characters, not only invisible ones.
        else if (CleanText.Problem(value, multiline) is { } unclean)
            Problem(at, new LocalizedString("UncleanText", unclean));
        return value;
    }

    private string Email(Loc at, string value)
    {
        var atSign = value.IndexOf('@', StringComparison.Ordinal);
        if (value.Length > 0 && (atSign <= 0 || atSign == value.Length - 1 || value.IndexOf('@', atSign + 1) >= 0 || value.Any(char.IsWhiteSpace)))
            Problem(at, text["NotAnEmail", value]);
        return value;
    }

    /// <summary>
    /// A passport or national ID number, normalized as <see cref="FieldProtector.Normalize"/> does.
    /// <paramref name="nounKey"/> names the number in a problem; it is looked up only then.
    /// </summary>
    private string Number(Loc at, string value, string nounKey)
    {
        string what() => text[nounKey];
        var normalized = FieldProtector.Normalize(value);
        if (normalized.Length == 0)
        {
            // A cell of spaces or hyphens is not an empty cell: say so rather than quietly dropping the number.
            if (value.Length > 0)
                Problem(at, text["NumberBlank", what()]);
            return "";
        }
        // A masked export's number: the comparer keeps the one on record if it ends the same (or says why not).
        if (MaskedNumber.TryReadMasked(normalized, out var last4))
            return MaskedNumber.Mask + last4;
        if (!normalized.All(char.IsAsciiLetterOrDigit))
        {
            Problem(at, text["NumberLettersDigits", what()]);
            return "";
        }
        if (normalized.Length > RosterLimits.MaxNumberLength)
        {
            Problem(at, text["NumberTooLong", what(), normalized.Length, RosterLimits.MaxNumberLength]);
            return "";
        }
        return normalized;
    }

    private DateOnly? Date(Loc at, string value, bool numeric, RosterColumn column)
    {
        if (value.Length == 0)
        {
            if (column.Required)
                Problem(at, text["Missing", column.Header(_language)]);
            return null;
        }
        // A cell Excel stores as a date arrives as its serial number; only a plausible range is taken as one,
        // so that a year typed into a date cell (1985) is refused rather than read as 1905-06-07.
        if (numeric && double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var serial) && serial is >= 10959 and < 73051)
            return DateOnly.FromDateTime(DateTime.FromOADate(Math.Floor(serial)));
        var space = value.IndexOf(' ', StringComparison.Ordinal);
        var datePart = space < 0 ? value.AsSpan() : value.AsSpan(0, space);
        if (IsoDate(datePart) is { } iso)
            return iso;
        if (DateOnly.TryParseExact(datePart, RosterFormat.DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            return date;
        Problem(at, text["NotADate", value]);
        return null;
    }

    /// <summary>
    /// yyyy-MM-dd, the export's own form and most cells of a large file, read without the culture machinery that
    /// the other accepted forms need (a tenth of the dry run for 10,000 people); anything else returns null.
    /// </summary>
    private static DateOnly? IsoDate(ReadOnlySpan<char> text)
    {
        if (text.Length != 10 || text[4] != '-' || text[7] != '-')
            return null;
        if (!int.TryParse(text[..4], NumberStyles.None, CultureInfo.InvariantCulture, out var year)
            || !int.TryParse(text.Slice(5, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var month)
            || !int.TryParse(text.Slice(8, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var day))
            return null;
        return year >= 1 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month)
            ? new DateOnly(year, month, day)
            : null;
    }

    private int? Whole(Loc at, string value, int min, int max, string name)
    {
        if (value.Length == 0)
        {
            Problem(at, text["Missing", name]);
            return null;
        }
        if (!int.TryParse(value, NumberStyles.AllowLeadingWhite | NumberStyles.AllowTrailingWhite, CultureInfo.InvariantCulture, out var number))
        {
            Problem(at, text["NotAWholeNumber", value, name, min, max]);
            return null;
        }
        if (number < min || number > max)
        {
            Problem(at, text["OutOfRange", name, min, max, number]);
            return null;
        }
        return number;
    }

    /// <summary>One of an enum's values in either language; <paramref name="nounKey"/> names the field in a problem.</summary>
    private T? Choice<T>(Loc at, string value, string nounKey) where T : struct, Enum
    {
        if (value.Length == 0)
        {
            Problem(at, text["ChoiceMissing", text[nounKey].Value, RosterFormat.Allowed<T>(_language)]);
            return null;
        }
        if (RosterValues.TryRead<T>(value, out var parsed))
            return parsed;
        Problem(at, text["ChoiceUnknown", value, text[nounKey].Value, RosterFormat.Allowed<T>(_language)]);
        return null;
    }

    private Loc At(string? sheet, RawRow raw, SpecialistField field) =>
        new(sheet, raw.Row, RosterFormat.CsvColumns[(int)field].Header(_language));

    private void Problem(Loc at, LocalizedString message)
    {
        _rowProblems++;
        var prefix = at.ItemField is null ? "" : text["ItemPrefix", at.Item, at.ItemField].Value;
        problems.Add(new ImportProblem(at.Sheet, at.Row, at.Column, prefix + message.Value));
    }

    private static bool SamePerson(ImportedRow earlier, RosterPerson person, bool repeatsEmployeeNumber) =>
        repeatsEmployeeNumber && earlier.Person.EmployeeNumber == person.EmployeeNumber;

    internal static bool IsMasked(string number) => number.StartsWith(MaskedNumber.Mask, StringComparison.Ordinal);

    internal static string Masked(string number) => IsMasked(number) ? number : $"{MaskedNumber.Mask}{number[^Math.Min(4, number.Length)..]}";

    private string Who(ImportedRow other) =>
        other.Person.EmployeeNumber.Length > 0 ? text["WhoOnRow", other.Person.EmployeeNumber, other.Row] : text["WhoRow", other.Row];

    private string Header(SpecialistField field) => RosterFormat.SpecialistColumns[(int)field].Header(_language);

    private string Label(EmploymentStatus status) => RosterValues.Write(status, _language);
}
