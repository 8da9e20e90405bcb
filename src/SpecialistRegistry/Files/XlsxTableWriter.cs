using System.Xml;
using SpreadCheetah;
using SpreadCheetah.Styling;
using SpreadCheetah.Worksheets;

namespace SpecialistRegistry.Files;

/// <summary>
/// Workbooks through SpreadCheetah, which writes the package straight to the output a row at a time with
/// inline strings. Text columns carry the text number format, so Excel keeps 00123 and +86 as typed when
/// someone edits the file; a header row is frozen and bold.
/// </summary>
internal sealed class XlsxTableWriter : TableWriter
{
    private readonly SyncTailStream _output;
    private readonly Spreadsheet _book;
    private readonly Style _textStyle;
    private readonly Style _wrappedStyle;
    private readonly StyleId _text;
    private readonly StyleId _wrapped;
    private readonly StyleId _heading;
    private StyledCell[] _row = [];
    private bool _closed;

    private XlsxTableWriter(SyncTailStream output, Spreadsheet book)
    {
        _output = output;
        _book = book;
        var text = NumberFormat.Standard(StandardNumberFormat.Text);
        _textStyle = new Style { Format = text };
        _wrappedStyle = new Style { Format = text, Alignment = new Alignment { WrapText = true, Vertical = VerticalAlignment.Top } };
        _text = book.AddStyle(_textStyle);
        _wrapped = book.AddStyle(_wrappedStyle);
        _heading = book.AddStyle(new Style { Format = text, Font = new Font { Bold = true } });
    }

    public static async Task<TableWriter> CreateAsync(Stream output, CancellationToken ct)
    {
        var tail = new SyncTailStream(output);
        // Values are stored trimmed, so no cell needs xml:space="preserve"; leaving it out keeps the XML (and its parsing) smaller.
        var book = await Spreadsheet.CreateNewAsync(tail, new SpreadCheetahOptions { PreserveStringWhitespace = false }, ct);
        return new XlsxTableWriter(tail, book);
    }

    public override TableFormat Format => TableFormat.Xlsx;

    protected override async ValueTask BeginTableAsync(string name, IReadOnlyList<TableColumn> columns, bool hasHeader, CancellationToken ct)
    {
        var options = new WorksheetOptions { FrozenRows = hasHeader ? 1 : null };
        for (var c = 0; c < columns.Count; c++)
        {
            var column = options.Column(c + 1);
            column.Width = columns[c].ShownWidth;
            column.DefaultStyle = columns[c].Kind == CellKind.Number ? null : columns[c].Wrap ? _wrappedStyle : _textStyle;
        }
        await _book.StartWorksheetAsync(name, options, ct);
        _row = new StyledCell[columns.Count];
    }

    protected override async ValueTask WriteGuardedRowAsync(IReadOnlyList<string> cells, RowStyle style, CancellationToken ct)
    {
        for (var c = 0; c < _row.Length; c++)
        {
            var cell = c < cells.Count ? cells[c] ?? "" : "";
            var column = Columns[c];
            if (cell.Length == 0)
                _row[c] = default;
            else if (column.Kind == CellKind.Number && style == RowStyle.Normal && IsWholeNumber(cell, out var number))
                _row[c] = new StyledCell(number, null);
            else
                _row[c] = new StyledCell(XmlSafe(FormulaGuard.Neutralise(cell)), style == RowStyle.Heading ? _heading : Style(column));
        }
        await _book.AddRowAsync(_row, ct);
        await _output.FlushTailAsync(ct);
    }

    public override async ValueTask CompleteAsync(CancellationToken ct = default)
    {
        await _book.FinishAsync(ct);
        await CloseAsync(ct);
    }

    public override ValueTask DisposeAsync() => CloseAsync(CancellationToken.None);

    // Disposing the workbook writes the zip's central directory (synchronously, into the tail).
    private async ValueTask CloseAsync(CancellationToken ct)
    {
        if (_closed)
            return;
        _closed = true;
        await _book.DisposeAsync();
        await _output.FlushTailAsync(ct);
        await _output.DisposeAsync();
    }

    private StyleId Style(TableColumn column) => column.Wrap ? _wrapped : _text;

    /// <summary>
    /// XML 1.0 cannot carry most control characters, so a stray one in a stored value is left out rather than
    /// breaking the file. Surrogate pairs (𠮷, emoji) are checked as pairs: each half alone is not an XML character.
    /// </summary>
    internal static string XmlSafe(string value)
    {
        var span = value.AsSpan();
        for (var i = 0; i < span.Length; i++)
        {
            if (!XmlConvert.IsXmlChar(span[i]) && !IsPair(span, i))
                return Strip(value);
            if (char.IsHighSurrogate(span[i]))
                i++;
        }
        return value;
    }

    private static bool IsPair(ReadOnlySpan<char> span, int i) =>
        i + 1 < span.Length && XmlConvert.IsXmlSurrogatePair(span[i + 1], span[i]);

    private static string Strip(string value)
    {
        var kept = new System.Text.StringBuilder(value.Length);
        for (var i = 0; i < value.Length; i++)
        {
            if (IsPair(value, i))
            {
                kept.Append(value, i, 2);
                i++;
            }
            else if (XmlConvert.IsXmlChar(value[i]))
            {
                kept.Append(value[i]);
            }
        }
        return kept.ToString();
    }
}
