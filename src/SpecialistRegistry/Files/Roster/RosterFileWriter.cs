namespace SpecialistRegistry.Files.Roster;

/// <summary>
/// Lays people out in the roster format on a <see cref="TableWriter"/>, in English or Chinese: in CSV one row
/// per person with the lists in three columns; in a workbook a "Read me" sheet, then one sheet of people and
/// one per list keyed by employee number. The roster export, the templates and the filing export all write
/// through here.
/// </summary>
public static class RosterFileWriter
{
    private static readonly int[] ReadMeWidths = [14, 24, 10, 110];

    /// <summary>
    /// Writes the people <paramref name="people"/> yields and completes the file. A workbook asks for the people
    /// once per sheet, so a caller reading from the database streams them each time instead of holding them all.
    /// </summary>
    public static async Task WriteAsync(TableWriter writer, Func<IAsyncEnumerable<RosterPerson>> people, bool withExplanations,
        RosterLanguage language, CancellationToken ct)
    {
        if (writer.Format == TableFormat.Csv)
            await WriteCsvAsync(writer, people(), withExplanations, language, ct);
        else
            await WriteWorkbookAsync(writer, people, language, ct);
        await writer.CompleteAsync(ct);
    }

    /// <summary>The file for people already in hand (the templates, tests, benchmarks), built in memory.</summary>
    public static async Task<byte[]> ToBytesAsync(TableFormat format, IReadOnlyList<RosterPerson> people, bool withExplanations = false,
        RosterLanguage language = RosterLanguage.English, CancellationToken ct = default)
    {
        using var buffer = new MemoryStream();
        await using (var writer = await TableWriter.CreateAsync(format, buffer, ct))
            await WriteAsync(writer, () => people.ToAsyncEnumerable(), withExplanations, language, ct);
        return buffer.ToArray();
    }

    private static async Task WriteCsvAsync(TableWriter writer, IAsyncEnumerable<RosterPerson> people, bool withExplanations,
        RosterLanguage language, CancellationToken ct)
    {
        await writer.StartTableAsync(RosterFormat.SpecialistsSheet, Columns(RosterFormat.CsvColumns, language), ct: ct);
        if (withExplanations)
        {
            // The note marker makes the importer skip this row, so a filled-in template imports as it is.
            var required = RosterFileText.Get("RequiredPrefix", language);
            await writer.WriteRowAsync([.. RosterFormat.CsvColumns.Select((c, i) =>
                (i == 0 ? RosterFormat.NoteMarker + " " : "") + (c.Required ? required : "") + c.Explanation(language))], ct: ct);
        }
        await foreach (var person in people.WithCancellation(ct))
            await writer.WriteRowAsync(RosterCells.CsvRow(person, language), ct: ct);
    }

    private static async Task WriteWorkbookAsync(TableWriter writer, Func<IAsyncEnumerable<RosterPerson>> people, RosterLanguage language,
        CancellationToken ct)
    {
        await WriteReadMeAsync(writer, language, ct);
        foreach (var sheet in RosterFormat.XlsxSheets)
        {
            await writer.StartTableAsync(sheet.Header(language), Columns(sheet.Columns, language), ct: ct);
            await foreach (var person in people().WithCancellation(ct))
            {
                foreach (var row in RowsOf(sheet.Name, person, language))
                    await writer.WriteRowAsync(row, ct: ct);
            }
        }
    }

    private static IEnumerable<string[]> RowsOf(string sheet, RosterPerson p, RosterLanguage language) => sheet switch
    {
        RosterFormat.SpecialistsSheet => [RosterCells.Specialist(p, language)],
        RosterFormat.ExpertiseSheet => p.Expertise.Select(e => (string[])[p.EmployeeNumber, .. RosterCells.Fields(e, language)]),
        RosterFormat.EducationSheet => p.Education.Select(e => (string[])[p.EmployeeNumber, .. RosterCells.Fields(e, language)]),
        _ => p.Research.Select(r => (string[])[p.EmployeeNumber, .. RosterCells.Fields(r, language)]),
    };

    private static async Task WriteReadMeAsync(TableWriter writer, RosterLanguage language, CancellationToken ct)
    {
        string[] headings = [.. new[] { "ReadMe_Sheet", "ReadMe_Column", "ReadMe_Required", "ReadMe_Explanation" }.Select(k => RosterFileText.Get(k, language))];
        TableColumn[] columns = [.. headings.Select((h, i) => new TableColumn(h, Width: ReadMeWidths[i], Wrap: i == 3))];
        var name = language == RosterLanguage.Chinese ? RosterFormat.ReadMeSheetChinese : RosterFormat.ReadMeSheet;
        await writer.StartTableAsync(name, columns, writeHeader: false, ct);
        var lines = RosterFileText.ReadMe(language);
        for (var i = 0; i < lines.Count; i++)
            await writer.WriteRowAsync([lines[i]], i == 0 ? RowStyle.Heading : RowStyle.Normal, ct);
        await writer.WriteRowAsync([], ct: ct);
        await writer.WriteRowAsync(headings, RowStyle.Heading, ct);
        var yes = RosterFileText.Get("Yes", language);
        foreach (var sheet in RosterFormat.XlsxSheets)
        {
            foreach (var column in sheet.Columns)
                await writer.WriteRowAsync([sheet.Header(language), column.Header(language), column.Required ? yes : "", column.Explanation(language)], ct: ct);
        }
    }

    private static TableColumn[] Columns(IReadOnlyList<RosterColumn> columns, RosterLanguage language) =>
        [.. columns.Select(c => c.ToTableColumn(language))];
}
