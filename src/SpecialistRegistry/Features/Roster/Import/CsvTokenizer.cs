using System.Text;

namespace SpecialistRegistry.Features.Roster.Import;

/// <summary>One CSV record: its row number as a spreadsheet program counts (header = 1) and its raw cells.</summary>
internal sealed record CsvRecord(int Row, string[] Cells);

/// <summary>
/// RFC 4180 reader (comma separated, fields optionally quoted, "" for a quote inside quotes, line breaks allowed
/// inside quotes). Written here rather than taken from a library so that broken quoting can be reported with
/// the row and line where it starts, in words an HR clerk can act on.
/// </summary>
internal static class CsvTokenizer
{
    public static List<CsvRecord> Parse(string text, out string? error, CancellationToken ct = default)
    {
        var records = new List<CsvRecord>();
        var cells = new List<string>();
        var cell = new StringBuilder();
        var line = 1;
        var i = 0;
        error = null;
        while (i < text.Length)
        {
            if ((records.Count & 1023) == 0)
                ct.ThrowIfCancellationRequested();
            cells.Clear();
            while (true)
            {
                cell.Clear();
                if (i < text.Length && text[i] == '"')
                {
                    var quoteLine = line;
                    i++;
                    while (true)
                    {
                        if (i >= text.Length)
                        {
                            error = $"Row {records.Count + 1} (line {quoteLine}): a quoted value is never closed, a closing \" is missing. " +
                                    "Put a \" at the end of the value, and write any \" inside it as \"\".";
                            return records;
                        }
                        var c = text[i];
                        if (c == '"')
                        {
                            if (i + 1 < text.Length && text[i + 1] == '"')
                            {
                                cell.Append('"');
                                i += 2;
                                continue;
                            }
                            i++;
                            break;
                        }
                        if (c == '\n' || (c == '\r' && (i + 1 >= text.Length || text[i + 1] != '\n')))
                            line++;
                        cell.Append(c);
                        i++;
                    }
                    if (i < text.Length && text[i] is not (',' or '\r' or '\n'))
                    {
                        error = $"Row {records.Count + 1} (line {line}): a quoted value is followed by more text before the next comma. " +
                                "Put the whole value in quotes, and write any \" inside it as \"\".";
                        return records;
                    }
                }
                else
                {
                    var start = i;
                    while (i < text.Length && text[i] is not (',' or '\r' or '\n'))
                        i++;
                    cell.Append(text, start, i - start);
                }
                cells.Add(cell.ToString());
                if (i < text.Length && text[i] == ',')
                {
                    i++;
                    continue;
                }
                break;
            }
            // End of record: a line break (\r\n, \n or \r) or the end of the text.
            if (i < text.Length && text[i] == '\r')
            {
                i++;
                if (i < text.Length && text[i] == '\n')
                    i++;
            }
            else if (i < text.Length && text[i] == '\n')
            {
                i++;
            }
            line++;
            records.Add(new CsvRecord(records.Count + 1, [.. cells]));
        }
        return records;
    }

    public static string Quote(string value) =>
        value.AsSpan().IndexOfAny(",\"\r\n") >= 0 || (value.Length > 0 && (char.IsWhiteSpace(value[0]) || char.IsWhiteSpace(value[^1])))
            ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
            : value;
}
