using System.Text;
using SpecialistRegistry.Features.Roster.Import;

namespace SpecialistRegistry.Features.Roster.Export;

/// <summary>
/// Writes the roster as CSV: UTF-8 with a BOM (so Excel shows Chinese names correctly), comma separated,
/// CRLF line ends, quoted where RFC 4180 needs it.
/// </summary>
public static class CsvRosterWriter
{
    public static readonly Encoding Utf8WithBom = new UTF8Encoding(encoderShouldEmitUTF8Identifier: true);

    public static async Task WriteAsync(Stream output, IAsyncEnumerable<RosterPerson> people, bool withExplanations, CancellationToken ct)
    {
        await using var writer = new StreamWriter(output, Utf8WithBom, bufferSize: 64 * 1024, leaveOpen: true) { NewLine = "\r\n" };
        await writer.WriteLineAsync(Line(RosterFormat.CsvColumns.Select(c => c.Name)));
        if (withExplanations)
        {
            // The note marker makes the importer skip this row, so a filled-in template imports as it is.
            await writer.WriteLineAsync(Line(RosterFormat.CsvColumns.Select((c, i) =>
                (i == 0 ? RosterFormat.NoteMarker + " " : "") + (c.Required ? "Required. " : "") + c.Explanation)));
        }
        await foreach (var person in people.WithCancellation(ct))
            await writer.WriteLineAsync(Line(RosterCells.CsvRow(person)));
        await writer.FlushAsync(ct);
    }

    private static string Line(IEnumerable<string> cells) => string.Join(',', cells.Select(CsvTokenizer.Quote));
}
