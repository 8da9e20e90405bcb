using Microsoft.Extensions.Localization;
using SpecialistRegistry.Files;
using SpecialistRegistry.Files.Reading;
using SpecialistRegistry.Files.Roster;

namespace SpecialistRegistry.Features.Roster.Import;

/// <summary>
/// A data row with its cells in the format's column order, trimmed and with the formula guard removed.
/// <see cref="NumericCells"/> marks cells the workbook stored as numbers (bit = column index): only those may
/// be Excel date serials. Always 0 for CSV.
/// </summary>
internal sealed record RawRow(int Row, string[] Cells, ulong NumericCells = 0, int CellsBeyondHeader = 0)
{
    public bool IsNumeric(int column) => (NumericCells & (1UL << column)) != 0;
}

/// <summary>
/// One sheet of a workbook, or the whole CSV file, as text rows under a checked header. <see cref="Sheet"/> is
/// the format's name for it (null for CSV), <see cref="Shown"/> the name the file gives it; <see cref="Language"/>
/// is the language of its header, in which problems name its columns.
/// </summary>
internal sealed record RawTable(string? Sheet, string? Shown, IReadOnlyList<RosterColumn> Columns, List<RawRow> Rows, RosterLanguage Language);

/// <summary>
/// Applies the header row: columns may come in any order, each named in English or in Chinese; missing, unknown
/// or repeated ones are refused.
/// </summary>
internal static class HeaderMap
{
    /// <summary>
    /// Splits <paramref name="rows"/> into the header and the data rows. Returns null (with the reason in
    /// <paramref name="error"/>) when the header does not match <paramref name="columns"/>.
    /// </summary>
    public static RawTable? Apply(string? sheet, string? shown, IReadOnlyList<RosterColumn> columns, IEnumerable<SourceRow> rows, int maxRows,
        IStringLocalizer<RosterText> text, out string? error)
    {
        error = null;
        int[]? sourceOf = null;
        var mapped = Array.Empty<bool>();
        var language = RosterLanguage.English;
        var data = new List<RawRow>();
        foreach (var row in rows)
        {
            if (IsBlank(row.Cells) || IsNote(row.Cells))
                continue;
            if (sourceOf is null)
            {
                sourceOf = Match(shown, columns, row.Cells, text, out language, out error);
                if (sourceOf is null)
                    return null;
                mapped = new bool[sourceOf.Max() + 1];
                foreach (var s in sourceOf)
                    mapped[s] = true;
                continue;
            }
            if (data.Count == maxRows)
            {
                error = shown is null ? text["TooManyRowsFile", maxRows]
                    : sheet == RosterFormat.SpecialistsSheet ? text["TooManySpecialistsSheet", shown, maxRows]
                    : text["TooManyRowsSheet", shown, maxRows];
                return null;
            }
            data.Add(Arrange(row, sourceOf, mapped));
        }
        if (sourceOf is null)
        {
            error = shown is null ? text["FileEmptyNoHeader"] : text["SheetEmptyNoHeader", shown];
            return null;
        }
        return new RawTable(sheet, shown, columns, data, language);
    }

    private static int[]? Match(string? sheet, IReadOnlyList<RosterColumn> columns, string[] header, IStringLocalizer<RosterText> text,
        out RosterLanguage language, out string? error)
    {
        error = null;
        var names = header.Select(h => Key(h ?? "")).ToArray();
        // The header's language is the one most of its names are in; it names the columns in every message.
        var chinese = columns.Count(c => names.Contains(Key(c.ChineseName)));
        var english = columns.Count(c => names.Contains(Key(c.Name)));
        language = chinese > english ? RosterLanguage.Chinese : RosterLanguage.English;
        var shownLanguage = language;

        var sourceOf = new int[columns.Count];
        var missing = new List<string>();
        for (var c = 0; c < columns.Count; c++)
        {
            sourceOf[c] = Array.IndexOf(names, Key(columns[c].Name));
            if (sourceOf[c] < 0)
                sourceOf[c] = Array.IndexOf(names, Key(columns[c].ChineseName));
            if (sourceOf[c] < 0)
                missing.Add(columns[c].Header(shownLanguage));
        }
        var known = columns.SelectMany(c => new[] { Key(c.Name), Key(c.ChineseName) }).ToHashSet();
        var unknown = header.Where((h, i) => names[i].Length > 0 && !known.Contains(names[i])).Select(h => h.Trim()).ToList();
        var repeated = columns.Where(c => names.Count(n => n == Key(c.Name) || n == Key(c.ChineseName)) > 1).Select(c => c.Header(shownLanguage)).ToList();
        if (missing.Count == 0 && unknown.Count == 0 && repeated.Count == 0)
            return sourceOf;

        var parts = new List<string>();
        if (missing.Count > 0)
            parts.Add(text[missing.Count > 1 ? "MissingColumnMany" : "MissingColumnOne", string.Join(", ", missing)]);
        if (unknown.Count > 0)
            parts.Add(text[unknown.Count > 1 ? "UnknownColumnMany" : "UnknownColumnOne", string.Join(", ", unknown.Select(u => $"\"{u}\""))]);
        if (repeated.Count > 0)
            parts.Add(text[repeated.Count > 1 ? "RepeatedColumnMany" : "RepeatedColumnOne", string.Join(", ", repeated)]);
        var found = string.Join(text["PartSeparator"], parts);
        var expected = string.Join(", ", columns.Select(c => c.Header(shownLanguage)));
        error = sheet is null ? text["HeaderMismatchFile", found, expected] : text["HeaderMismatchSheet", sheet, found, expected];
        return null;
    }

    /// <param name="mapped">For each source column, whether a roster column reads it; the rest are counted as cells beyond the header.</param>
    private static RawRow Arrange(SourceRow row, int[] sourceOf, bool[] mapped)
    {
        var cells = new string[sourceOf.Length];
        ulong numeric = 0;
        for (var c = 0; c < sourceOf.Length; c++)
        {
            var s = sourceOf[c];
            cells[c] = s < row.Cells.Length ? Clean(row.Cells[s]) : "";
            if (s < 64 && (row.NumericCells & (1UL << s)) != 0)
                numeric |= 1UL << c;
        }
        var beyond = 0;
        for (var s = 0; s < row.Cells.Length; s++)
        {
            if ((s >= mapped.Length || !mapped[s]) && !string.IsNullOrWhiteSpace(row.Cells[s]))
                beyond++;
        }
        return new RawRow(row.Row, cells, numeric, beyond);
    }

    /// <summary>
    /// The value as the roster stores it: trimmed, the formula guard taken off, and line breaks as \n (a workbook's
    /// XML turns \r\n into \n anyway, so CSV and .xlsx read the same).
    /// </summary>
    private static string Clean(string? cell)
    {
        var value = FormulaGuard.Restore((cell ?? "").Trim()).Trim();
        return value.Contains('\r', StringComparison.Ordinal) ? value.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n') : value;
    }

    /// <summary>Whether <paramref name="name"/> is one of <paramref name="columns"/>' headers in either language, as the header row matches them.</summary>
    public static bool IsColumnName(IReadOnlyList<RosterColumn> columns, string name) =>
        columns.Any(c => Key(c.Name) == Key(name) || Key(c.ChineseName) == Key(name));

    private static bool IsBlank(string[] cells) => cells.All(string.IsNullOrWhiteSpace);

    private static bool IsNote(string[] cells) =>
        cells.FirstOrDefault(c => !string.IsNullOrWhiteSpace(c)) is { } first && first.TrimStart()[0] == RosterFormat.NoteMarker;

    /// <summary>
    /// Header names match ignoring case, spaces, hyphens and underscores ("Employee number" is EmployeeNumber),
    /// and a stray byte-order mark left by a program that saved the file twice.
    /// </summary>
    private static string Key(string name) =>
        new([.. name.Where(ch => !char.IsWhiteSpace(ch) && ch is not ('-' or '_' or '\uFEFF')).Select(char.ToLowerInvariant)]);

}
