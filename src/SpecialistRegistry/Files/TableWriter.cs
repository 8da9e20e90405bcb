namespace SpecialistRegistry.Files;

public enum RowStyle
{
    Normal,
    /// <summary>A title or header line: bold in a workbook, an ordinary row in CSV.</summary>
    Heading,
}

/// <summary>
/// The one way the portal writes a table to a file: rows of text cells under typed columns, streamed to the
/// output as they come (nothing is held whole in memory, nothing goes to a temporary file). Every text cell
/// passes <see cref="FormulaGuard"/> here, so no export can forget it. A workbook may hold several tables
/// (one per worksheet); a CSV file holds one.
/// </summary>
public abstract class TableWriter : IAsyncDisposable
{
    private IReadOnlyList<TableColumn> _columns = [];

    public static async Task<TableWriter> CreateAsync(TableFormat format, Stream output, CancellationToken ct = default) =>
        format == TableFormat.Csv ? new CsvTableWriter(output) : await XlsxTableWriter.CreateAsync(output, ct);

    public abstract TableFormat Format { get; }

    protected IReadOnlyList<TableColumn> Columns => _columns;

    /// <summary>Starts a table (a worksheet named <paramref name="name"/>); its header is its first row unless told otherwise.</summary>
    public async ValueTask StartTableAsync(string name, IReadOnlyList<TableColumn> columns, bool writeHeader = true, CancellationToken ct = default)
    {
        _columns = columns;
        await BeginTableAsync(name, columns, writeHeader, ct);
        if (writeHeader)
            await WriteRowAsync([.. columns.Select(c => c.Header)], RowStyle.Heading, ct);
    }

    /// <summary>One row; cell <c>i</c> belongs to column <c>i</c>, and missing cells are empty.</summary>
    public ValueTask WriteRowAsync(IReadOnlyList<string> cells, RowStyle style = RowStyle.Normal, CancellationToken ct = default)
    {
        if (_columns.Count == 0)
            throw new InvalidOperationException("Start a table before writing rows.");
        return WriteGuardedRowAsync(cells, style, ct);
    }

    /// <summary>Ends the file; without it the output is incomplete.</summary>
    public abstract ValueTask CompleteAsync(CancellationToken ct = default);

    public abstract ValueTask DisposeAsync();

    protected abstract ValueTask BeginTableAsync(string name, IReadOnlyList<TableColumn> columns, bool hasHeader, CancellationToken ct);

    protected abstract ValueTask WriteGuardedRowAsync(IReadOnlyList<string> cells, RowStyle style, CancellationToken ct);

    /// <summary>A whole number that a number column may write as a number; anything else is written as guarded text.</summary>
    protected static bool IsWholeNumber(string cell, out long number) =>
        long.TryParse(cell, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out number)
        && number is > -1_000_000_000_000_000 and < 1_000_000_000_000_000;
}
