using Microsoft.Extensions.Localization;
using SpecialistRegistry.Files;
using SpecialistRegistry.Files.Reading;
using SpecialistRegistry.Files.Roster;

namespace SpecialistRegistry.Features.Roster.Import;

/// <summary>The specialist rows of a file, checked on their own, and the sheet they are on (null for CSV).</summary>
internal sealed record ParsedRoster(List<ImportedRow> Rows, string? Sheet, RosterLanguage Language);

/// <summary>From bytes to checked rows: content sniffing, decoding, the reader for the format, the header, the rows.</summary>
internal static class RosterFileReader
{
    /// <summary>
    /// Null with <paramref name="fileError"/> set when the file as a whole cannot be used (wrong type, encoding,
    /// header, size); otherwise the rows, with every row-level problem added to <paramref name="problems"/>.
    /// </summary>
    public static ParsedRoster? Read(ImportFile file, RosterRowParser parser, IStringLocalizer<RosterText> text, ProblemList problems, IProgress<ImportProgress>? progress,
        CancellationToken ct, out string? fileError)
    {
        progress?.Report(new ImportProgress(ImportPhase.Reading, 0, 1));
        if (TableFormats.FromFileName(file.FileName) is not { } format)
        {
            fileError = text["OnlyCsvXlsx", file.FileName];
            return null;
        }
        fileError = FileInspector.Check(format, file.Content, RosterLimits.MaxFileBytes);
        if (fileError is not null)
            return null;
        return format == TableFormat.Csv
            ? ReadCsv(file.Content, parser, text, problems, progress, ct, out fileError)
            : ReadXlsx(file.Content, parser, text, problems, progress, ct, out fileError);
    }

    private static ParsedRoster? ReadCsv(byte[] content, RosterRowParser parser, IStringLocalizer<RosterText> text, ProblemList problems, IProgress<ImportProgress>? progress,
        CancellationToken ct, out string? fileError)
    {
        var read = CsvTableReader.Read(content, name => HeaderMap.IsColumnName(RosterFormat.CsvColumns, name), RosterLimits.MaxSpecialists, ct);
        if (read.Sheets is not { } sheets)
        {
            fileError = read.Error;
            return null;
        }
        var table = HeaderMap.Apply(null, null, RosterFormat.CsvColumns, sheets[""], RosterLimits.MaxSpecialists, text, out fileError);
        if (table is null)
            return null;
        if (!HasRows(table, text, out fileError))
            return null;
        ReportCellsBeyondHeader(table, problems, text["CellsBeyondHeaderCsv", table.Columns.Count]);
        var rows = parser.ParseSpecialists(table, progress, ct);
        parser.ParseCsvLists(table, rows);
        MarkRowsBeyondHeader(table, rows);
        return new ParsedRoster(rows, null, table.Language);
    }

    private static ParsedRoster? ReadXlsx(byte[] content, RosterRowParser parser, IStringLocalizer<RosterText> text, ProblemList problems, IProgress<ImportProgress>? progress,
        CancellationToken ct, out string? fileError)
    {
        var read = XlsxTableReader.Read(content, name => RosterFormat.SheetNamed(name)?.Name, RosterLimits.MaxListRows, ct);
        if (read.Sheets is not { } sheets)
        {
            fileError = read.Error;
            return null;
        }
        var missing = RosterFormat.XlsxSheets.Where(s => !sheets.ContainsKey(s.Name)).ToList();
        if (missing.Count > 0)
        {
            fileError = text["MissingSheets", string.Join(", ", missing.Select(m => $"\"{m.Name}\" (\"{m.ChineseName}\")")),
                string.Join(", ", RosterFormat.XlsxSheets.Select(s => s.Name)), string.Join("、", RosterFormat.XlsxSheets.Select(s => s.ChineseName))];
            return null;
        }

        var tables = new List<RawTable>();
        foreach (var (sheet, columns) in RosterFormat.XlsxSheets)
        {
            var first = sheet == RosterFormat.SpecialistsSheet;
            var table = HeaderMap.Apply(sheet, read.NameOf(sheet), columns, sheets[sheet], first ? RosterLimits.MaxSpecialists : RosterLimits.MaxListRows,
                text, out fileError);
            if (table is null)
                return null;
            tables.Add(table);
        }
        if (!HasRows(tables[0], text, out fileError))
            return null;

        foreach (var table in tables)
            ReportCellsBeyondHeader(table, problems, text["CellsBeyondHeader", table.Columns.Count]);
        var rows = parser.ParseSpecialists(tables[0], progress, ct);
        MarkRowsBeyondHeader(tables[0], rows);
        // List rows belong to the first row with their employee number; a repeated number is already a problem
        // of the repeating row, and the copies of the first row's items that come with it are not new problems.
        var byEmployee = new Dictionary<string, ImportedRow>(StringComparer.Ordinal);
        var repeated = new HashSet<string>(StringComparer.Ordinal);
        foreach (var row in rows.Where(r => r.Person.EmployeeNumber.Length > 0))
        {
            if (!byEmployee.TryAdd(row.Person.EmployeeNumber, row))
                repeated.Add(row.Person.EmployeeNumber);
        }
        foreach (var table in tables.Skip(1))
        {
            ct.ThrowIfCancellationRequested();
            parser.ParseListSheet(table, byEmployee, repeated);
            foreach (var raw in table.Rows.Where(r => r.CellsBeyondHeader > 0))
            {
                if (byEmployee.TryGetValue(raw.Cells[0], out var owner))
                    owner.Rejected = true;
            }
        }
        return new ParsedRoster(rows, tables[0].Shown, tables[0].Language);
    }

    private static bool HasRows(RawTable table, IStringLocalizer<RosterText> text, out string? fileError)
    {
        fileError = table.Rows.Count == 0 ? text["HeaderButNoRows"].Value : null;
        return fileError is null;
    }

    private static void ReportCellsBeyondHeader(RawTable table, ProblemList problems, string message)
    {
        foreach (var raw in table.Rows.Where(r => r.CellsBeyondHeader > 0))
            problems.Add(new ImportProblem(table.Shown, raw.Row, null, message));
    }

    private static void MarkRowsBeyondHeader(RawTable table, List<ImportedRow> rows)
    {
        for (var i = 0; i < rows.Count; i++)
        {
            if (table.Rows[i].CellsBeyondHeader > 0)
                rows[i].Rejected = true;
        }
    }
}
