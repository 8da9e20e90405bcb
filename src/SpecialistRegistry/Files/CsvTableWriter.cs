using CsvHelper;

namespace SpecialistRegistry.Files;

/// <summary>
/// CSV through CsvHelper: RFC 4180, comma separated, CRLF, UTF-8 with a byte-order mark (so Excel shows Chinese
/// names correctly), quoted where needed and where a value starts or ends with a space. The formula guard is
/// ours (<see cref="FormulaGuard"/>), not CsvHelper's, so that CSV and workbooks guard alike and the import can
/// undo it exactly.
/// </summary>
internal sealed class CsvTableWriter(Stream output) : TableWriter
{
    private readonly CsvWriter _csv = CsvWriter.Create(output, new CsvWriterOptions
    {
        WriteByteOrderMark = true,
        Quoting = CsvQuoting.WhenNeededOrWhitespace,
        Injection = CsvInjection.None,
        ValidateFieldCount = false,
    }, leaveOpen: true);

    private bool _started;

    public override TableFormat Format => TableFormat.Csv;

    protected override ValueTask BeginTableAsync(string name, IReadOnlyList<TableColumn> columns, bool hasHeader, CancellationToken ct)
    {
        if (_started)
            throw new InvalidOperationException("A CSV file holds one table.");
        _started = true;
        return ValueTask.CompletedTask;
    }

    protected override async ValueTask WriteGuardedRowAsync(IReadOnlyList<string> cells, RowStyle style, CancellationToken ct)
    {
        var fields = new string[Columns.Count];
        for (var c = 0; c < fields.Length; c++)
        {
            var cell = c < cells.Count ? cells[c] ?? "" : "";
            fields[c] = Columns[c].Kind == CellKind.Number && IsWholeNumber(cell, out _) ? cell : FormulaGuard.Neutralise(cell);
        }
        await _csv.WriteRecordAsync(fields, ct);
    }

    public override async ValueTask CompleteAsync(CancellationToken ct = default) => await _csv.FlushAsync(ct);

    public override ValueTask DisposeAsync() => _csv.DisposeAsync();
}
