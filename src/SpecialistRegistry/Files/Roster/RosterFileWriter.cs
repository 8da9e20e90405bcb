namespace SpecialistRegistry.Files.Roster;

/// <summary>
/// Lays people out in the roster format on a <see cref="TableWriter"/>: in CSV one row per person with the
/// lists in three columns; in a workbook a "Read me" sheet, then one sheet of people and one per list keyed by
/// employee number. The roster export, the templates and the filing export all write through here.
/// </summary>
public static class RosterFileWriter
{
    private static readonly TableColumn[] ReadMeColumns =
        [new("Sheet", Width: 14), new("Column", Width: 24), new("Required", Width: 10), new("Explanation", Width: 110, Wrap: true)];

    /// <summary>
    /// Writes the people <paramref name="people"/> yields and completes the file. A workbook asks for the people
    /// once per sheet, so a caller reading from the database streams them each time instead of holding them all.
    /// </summary>
    public static async Task WriteAsync(TableWriter writer, Func<IAsyncEnumerable<RosterPerson>> people, bool withExplanations, CancellationToken ct)
    {
        if (writer.Format == TableFormat.Csv)
            await WriteCsvAsync(writer, people(), withExplanations, ct);
        else
            await WriteWorkbookAsync(writer, people, ct);
        await writer.CompleteAsync(ct);
    }

    /// <summary>The file for people already in hand (the templates, tests, benchmarks), built in memory.</summary>
    public static async Task<byte[]> ToBytesAsync(TableFormat format, IReadOnlyList<RosterPerson> people, bool withExplanations = false,
        CancellationToken ct = default)
    {
        using var buffer = new MemoryStream();
        await using (var writer = await TableWriter.CreateAsync(format, buffer, ct))
            await WriteAsync(writer, () => people.ToAsyncEnumerable(), withExplanations, ct);
        return buffer.ToArray();
    }

    private static async Task WriteCsvAsync(TableWriter writer, IAsyncEnumerable<RosterPerson> people, bool withExplanations, CancellationToken ct)
    {
        await writer.StartTableAsync(RosterFormat.SpecialistsSheet, Columns(RosterFormat.CsvColumns), ct: ct);
        if (withExplanations)
        {
            // The note marker makes the importer skip this row, so a filled-in template imports as it is.
            await writer.WriteRowAsync([.. RosterFormat.CsvColumns.Select((c, i) =>
                (i == 0 ? RosterFormat.NoteMarker + " " : "") + (c.Required ? "Required. " : "") + c.Explanation)], ct: ct);
        }
        await foreach (var person in people.WithCancellation(ct))
            await writer.WriteRowAsync(RosterCells.CsvRow(person), ct: ct);
    }

    private static async Task WriteWorkbookAsync(TableWriter writer, Func<IAsyncEnumerable<RosterPerson>> people, CancellationToken ct)
    {
        await WriteReadMeAsync(writer, ct);
        foreach (var (sheet, columns) in RosterFormat.XlsxSheets)
        {
            await writer.StartTableAsync(sheet, Columns(columns), ct: ct);
            await foreach (var person in people().WithCancellation(ct))
            {
                foreach (var row in RowsOf(sheet, person))
                    await writer.WriteRowAsync(row, ct: ct);
            }
        }
    }

    private static IEnumerable<string[]> RowsOf(string sheet, RosterPerson p) => sheet switch
    {
        RosterFormat.SpecialistsSheet => [RosterCells.Specialist(p)],
        RosterFormat.ExpertiseSheet => p.Expertise.Select(e => (string[])[p.EmployeeNumber, .. RosterCells.Fields(e)]),
        RosterFormat.EducationSheet => p.Education.Select(e => (string[])[p.EmployeeNumber, .. RosterCells.Fields(e)]),
        _ => p.Research.Select(r => (string[])[p.EmployeeNumber, .. RosterCells.Fields(r)]),
    };

    private static async Task WriteReadMeAsync(TableWriter writer, CancellationToken ct)
    {
        await writer.StartTableAsync(RosterFormat.ReadMeSheet, ReadMeColumns, writeHeader: false, ct);
        for (var i = 0; i < RosterReadMe.Lines.Count; i++)
            await writer.WriteRowAsync([RosterReadMe.Lines[i]], i == 0 ? RowStyle.Heading : RowStyle.Normal, ct);
        await writer.WriteRowAsync([], ct: ct);
        await writer.WriteRowAsync([.. ReadMeColumns.Select(c => c.Header)], RowStyle.Heading, ct);
        foreach (var (sheet, columns) in RosterFormat.XlsxSheets)
        {
            foreach (var column in columns)
                await writer.WriteRowAsync([sheet, column.Name, column.Required ? "yes" : "", column.Explanation], ct: ct);
        }
    }

    private static TableColumn[] Columns(IReadOnlyList<RosterColumn> columns) => [.. columns.Select(c => c.ToTableColumn())];
}
