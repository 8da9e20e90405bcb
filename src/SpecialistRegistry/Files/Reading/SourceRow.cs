namespace SpecialistRegistry.Files.Reading;

/// <summary>
/// A row as a reader found it: its number as a spreadsheet program shows it, and its cells by position in the
/// file (an empty cell is ""). <see cref="NumericCells"/> marks cells a workbook stored as numbers (bit = column index, first 64
/// columns): only those may be Excel date serials. Always 0 for CSV.
/// </summary>
public sealed record SourceRow(int Row, string[] Cells, ulong NumericCells = 0);

/// <summary>
/// What a reader returns: the rows of each table by the key the caller asked for it by, with the table's name
/// as the file has it (a sheet may be named in either language), or why the file cannot be read (in words for
/// the person who sent it).
/// </summary>
public sealed record ReadTables(Dictionary<string, List<SourceRow>>? Sheets, string? Error, Dictionary<string, string>? Names = null)
{
    public static ReadTables Failed(string error) => new(null, error);

    public string NameOf(string key) => Names?.GetValueOrDefault(key) ?? key;
}
