using CsvHelper;

namespace SpecialistRegistry.Files.Reading;

/// <summary>
/// Reads CSV through CsvHelper (RFC 4180: quoted fields, "" for a quote, line breaks inside quotes). The
/// separator is taken from the header line — comma, semicolon (what Excel writes where the decimal mark is a
/// comma) or tab — because the header's names are known and contain none of them, so the choice is never a
/// guess. Broken quoting is reported with the row and line where the record starts, in words a clerk can act on.
/// </summary>
public static class CsvTableReader
{
    private static readonly char[] Separators = [',', ';', '\t'];

    /// <summary>
    /// Rows of the file as one table under the name "" (null with the reason when it cannot be read), stopping
    /// after <paramref name="maxRows"/> + 2 rows. <paramref name="isColumnName"/> tells a known header name.
    /// </summary>
    public static ReadTables Read(byte[] content, Func<string, bool> isColumnName, int maxRows, CancellationToken ct)
    {
        string? text = null;
        if (!CsvTextDecoder.IsUtf8(content))
        {
            if (!CsvTextDecoder.TryDecodeGb18030(content, out text))
                return ReadTables.Failed(FilesText.Get("CsvNotUtf8OrGb18030"));
        }

        var separator = SeparatorOf(HeaderLine(text ?? System.Text.Encoding.UTF8.GetString(content.AsSpan(0, Math.Min(content.Length, 64 * 1024)))), isColumnName);
        CsvMalformedRecord? malformed = null;
        var options = new CsvReaderOptions
        {
            Separator = separator,
            HasHeader = false,
            SkipEmptyLines = false,
            TrackLineNumbers = true,
            TrimWhitespace = false,
            DetectSeparatorHint = false,
            MalformedData = CsvMalformedDataHandling.Recover,
            // A stray quote inside an unquoted value (5" drive) is text, as in Excel; everything else is reported.
            OnMalformedRecord = record => malformed ??= record.Reason == CsvMalformedReason.StrayQuote ? null : record,
        };

        var rows = new List<SourceRow>();
        using var reader = text is null ? CsvReader.Create(content, options) : CsvReader.FromText(text, options);
        while (reader.Read())
        {
            if ((rows.Count & 1023) == 0)
                ct.ThrowIfCancellationRequested();
            if (malformed is not null)
                break;
            var cells = new string[reader.FieldCount];
            for (var c = 0; c < cells.Length; c++)
                cells[c] = reader.GetString(c);
            rows.Add(new SourceRow(rows.Count + 1, cells));
            if (rows.Count > maxRows + 1)
                break;
        }
        return malformed is { } bad ? ReadTables.Failed(Describe(bad, separator)) : new ReadTables(new() { [""] = rows }, null);
    }

    private static string Describe(CsvMalformedRecord bad, char separator)
    {
        return bad.Reason switch
        {
            CsvMalformedReason.UnterminatedQuote => FilesText.Get("CsvUnclosedQuote", bad.RecordNumber, bad.LineNumber),
            CsvMalformedReason.TextAfterClosingQuote => FilesText.Get("CsvTextAfterQuote", bad.RecordNumber, bad.LineNumber, NameOf(separator)),
            _ => FilesText.Get("CsvBrokenQuoting", bad.RecordNumber, bad.LineNumber, NameOf(separator)),
        };
    }

    private static string NameOf(char separator) => FilesText.Get(separator switch
    {
        ';' => "SeparatorSemicolon",
        '\t' => "SeparatorTab",
        _ => "SeparatorComma",
    });

    /// <summary>The first line that is neither empty nor a note: where the header is.</summary>
    private static string HeaderLine(string text)
    {
        foreach (var line in text.AsSpan().EnumerateLines())
        {
            var trimmed = line.Trim().TrimStart('\uFEFF');
            if (trimmed.Length > 0 && trimmed[0] != '#')
                return trimmed.ToString();
        }
        return "";
    }

    /// <summary>The separator that splits the header line into the most known column names; a comma when none does.</summary>
    private static char SeparatorOf(string header, Func<string, bool> isColumnName)
    {
        var best = ',';
        var bestCount = 0;
        foreach (var separator in Separators)
        {
            var count = header.Split(separator).Count(name => isColumnName(name.Trim().Trim('"')));
            if (count > bestCount)
            {
                best = separator;
                bestCount = count;
            }
        }
        return best;
    }
}
