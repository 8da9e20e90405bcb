using System.Globalization;
using System.IO.Packaging;
using System.Text;
using System.Xml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace SpecialistRegistry.Features.Roster.Import;

/// <summary>
/// Reads the cells of named sheets from an .xlsx. The Open XML SDK opens the package (and refuses a zip that is
/// not a workbook); the sheet and shared-string parts are then streamed with a plain XmlReader, which is the
/// fastest way through 10,000 rows × 4 sheets and keeps only one row's cells in hand at a time.
/// </summary>
internal static class XlsxWorkbookReader
{
    private const string NotAWorkbook =
        "This file is not an Excel workbook (.xlsx), although its name says so: it is a zip archive of something else or it is damaged. " +
        "In Excel, use File › Save As › Excel Workbook (.xlsx).";

    // Far above a real roster (20,000 people × 20 cells × 60 characters is 24 million), far below what hurts a server.
    private const long MaxCharactersPerPart = 100_000_000;
    private const int MaxSharedStrings = 2_000_000;

    /// <summary>Rows of each requested sheet that exists, keyed by the requested name; null with the reason on failure.</summary>
    public static Dictionary<string, List<SourceRow>>? Read(byte[] content, IReadOnlyList<string> sheetNames, out string? error, CancellationToken ct)
    {
        error = null;
        try
        {
            using var stream = new MemoryStream(content, writable: false);
            using var document = SpreadsheetDocument.Open(stream, false, new OpenSettings { AutoSave = false, MaxCharactersInPart = 10_000_000 });
            if (document.DocumentType != SpreadsheetDocumentType.Workbook)
            {
                error = "This is a macro-enabled workbook or a template, not a plain Excel workbook. Save it as Excel Workbook (.xlsx) and upload it again.";
                return null;
            }
            var workbookPart = document.WorkbookPart;
            var sheets = workbookPart?.Workbook?.Sheets?.Elements<Sheet>().ToList();
            if (workbookPart is null || sheets is null)
            {
                error = NotAWorkbook;
                return null;
            }

            var shared = ReadSharedStrings(workbookPart.SharedStringTablePart, ct);
            var result = new Dictionary<string, List<SourceRow>>(StringComparer.Ordinal);
            foreach (var name in sheetNames)
            {
                var sheet = sheets.FirstOrDefault(s => string.Equals(s.Name?.Value?.Trim(), name, StringComparison.OrdinalIgnoreCase));
                if (sheet?.Id?.Value is not { } id || workbookPart.GetPartById(id) is not WorksheetPart part)
                    continue;
                result[name] = ReadRows(part, shared, ct);
            }
            return result;
        }
        catch (Exception e) when (e is OpenXmlPackageException or FileFormatException or InvalidDataException or XmlException
                                      or IOException or FormatException or ArgumentException or InvalidOperationException or OverflowException)
        {
            error = NotAWorkbook;
            return null;
        }
    }

    private static XmlReader Open(OpenXmlPart part) => XmlReader.Create(part.GetStream(FileMode.Open, FileAccess.Read), new XmlReaderSettings
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        MaxCharactersInDocument = MaxCharactersPerPart,
        CloseInput = true,
    });

    private static string[] ReadSharedStrings(SharedStringTablePart? part, CancellationToken ct)
    {
        if (part is null)
            return [];
        var strings = new List<string>();
        using var reader = Open(part);
        while (reader.Read())
        {
            if (reader.NodeType != XmlNodeType.Element || reader.LocalName != "si")
                continue;
            if (strings.Count == MaxSharedStrings)
                throw new InvalidDataException("Too many shared strings.");
            if ((strings.Count & 4095) == 0)
                ct.ThrowIfCancellationRequested();
            strings.Add(ReadText(reader));
        }
        return [.. strings];
    }

    /// <summary>
    /// The text of an &lt;si&gt; or &lt;is&gt; element: all its &lt;t&gt; runs, without phonetic guides
    /// (&lt;rPh&gt;), which Excel adds to East Asian text and which are not part of the value.
    /// </summary>
    private static string ReadText(XmlReader reader)
    {
        if (reader.IsEmptyElement)
            return "";
        var depth = reader.Depth;
        string? single = null;
        StringBuilder? many = null;
        reader.Read();
        // Ends on the element's end tag, where the caller's next Read() moves on.
        while (!reader.EOF && reader.Depth > depth)
        {
            if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "rPh")
            {
                reader.Skip();
                continue;
            }
            if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "t")
            {
                var text = reader.ReadElementContentAsString();
                if (single is null)
                {
                    single = text;
                }
                else
                {
                    many ??= new StringBuilder(single);
                    many.Append(text);
                }
                continue;
            }
            reader.Read();
        }
        return many?.ToString() ?? single ?? "";
    }

    private static List<SourceRow> ReadRows(WorksheetPart part, string[] shared, CancellationToken ct)
    {
        var rows = new List<SourceRow>();
        var cells = new List<string?>();
        using var reader = Open(part);
        var nextRow = 1;
        while (reader.Read())
        {
            if (reader.NodeType != XmlNodeType.Element || reader.LocalName != "row")
                continue;
            var rowNumber = int.TryParse(reader.GetAttribute("r"), NumberStyles.None, CultureInfo.InvariantCulture, out var r) ? r : nextRow;
            nextRow = rowNumber + 1;
            if (reader.IsEmptyElement)
                continue;
            if ((rows.Count & 1023) == 0)
                ct.ThrowIfCancellationRequested();
            // Stop early on an absurd sheet instead of reading millions of rows into memory; the caller reports the limit.
            if (rows.Count > RosterLimits.MaxListRows + 1)
                break;

            cells.Clear();
            ulong numeric = 0;
            var rowDepth = reader.Depth;
            var nextColumn = 0;
            while (reader.Read() && reader.Depth > rowDepth)
            {
                if (reader.NodeType != XmlNodeType.Element || reader.LocalName != "c")
                    continue;
                var column = ColumnIndex(reader.GetAttribute("r")) ?? nextColumn;
                nextColumn = column + 1;
                var (value, isNumber) = ReadCell(reader, shared);
                if (column > 255)
                    continue;
                while (cells.Count <= column)
                    cells.Add(null);
                cells[column] = value;
                if (isNumber && column < 64)
                    numeric |= 1UL << column;
            }
            rows.Add(new SourceRow(rowNumber, [.. cells], numeric));
        }
        return rows;
    }

    private static (string? Value, bool IsNumber) ReadCell(XmlReader reader, string[] shared)
    {
        var type = reader.GetAttribute("t");
        if (reader.IsEmptyElement)
            return (null, false);
        var depth = reader.Depth;
        string? raw = null;
        string? inline = null;
        reader.Read();
        // Ends on the cell's end tag, where the row loop's next Read() moves on.
        while (!reader.EOF && reader.Depth > depth)
        {
            if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "v")
            {
                raw = reader.ReadElementContentAsString();
                continue;
            }
            if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "is")
                inline = ReadText(reader);
            reader.Read();
        }
        return type switch
        {
            "s" => (shared[int.Parse(raw ?? "", NumberStyles.None, CultureInfo.InvariantCulture)], false),
            "inlineStr" => (inline ?? raw, false),
            "b" => (raw == "1" ? "TRUE" : "FALSE", false),
            "str" or "e" or "d" => (raw, false),
            _ => raw is null ? (null, false) : (NumberText(raw), true),
        };
    }

    /// <summary>A number as a person would type it: 12 rather than 12.0 or 1.2E1.</summary>
    private static string NumberText(string raw)
    {
        if (!double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var d))
            return raw;
        return Math.Abs(d) < 1e15 && d == Math.Floor(d)
            ? ((long)d).ToString(CultureInfo.InvariantCulture)
            : d.ToString("R", CultureInfo.InvariantCulture);
    }

    /// <summary>"AB12" → 27 (zero-based column of a cell reference).</summary>
    private static int? ColumnIndex(string? reference)
    {
        if (string.IsNullOrEmpty(reference))
            return null;
        var index = 0;
        var letters = 0;
        foreach (var ch in reference)
        {
            var upper = char.ToUpperInvariant(ch);
            if (upper is < 'A' or > 'Z')
                break;
            index = (index * 26) + (upper - 'A' + 1);
            if (++letters > 3)
                return null;
        }
        return letters == 0 ? null : index - 1;
    }
}
