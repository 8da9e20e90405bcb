using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SpecialistRegistry.Domain;
using SpecialistRegistry.Features.Roster.Export;
using SpecialistRegistry.Features.Roster.Import;
using SpecialistRegistry.Tests.Infrastructure;
using SpecialistRegistry.Domain.Records;
using SpecialistRegistry.Files;
using SpecialistRegistry.Files.Roster;
using SpecialistRegistry.Files.Reading;

namespace SpecialistRegistry.Tests.Features.Roster.Import;

/// <summary>
/// One real app over one SQLite database for a test class. Each test makes a firm of its own, and the firm
/// scope keeps the tests' rosters apart.
/// </summary>
public sealed class RosterFixture : IAsyncLifetime
{
    public TestApp App { get; private set; } = default!;

    public async Task InitializeAsync() => App = await TestApp.StartAsync();

    public async Task DisposeAsync() => await App.DisposeAsync();

    public async Task<Guid> NewFirmAsync()
    {
        await using var db = App.OpenDb();
        var firm = new Firm
        {
            Name = $"Test firm {Guid.NewGuid():N}"[..30],
            CreditCode = Guid.NewGuid().ToString("N")[..18].ToUpperInvariant(),
            Segment = IndustrySegment.PermanentMagnets,
            Region = "Zhejiang",
        };
        db.Firms.Add(firm);
        await db.SaveChangesAsync();
        return firm.Id;
    }

    public async Task<ImportPreview> DryRunAsync(Guid firmId, string fileName, byte[] content)
    {
        await using var scope = App.Scope(TestUsers.FirmHr(firmId));
        return await scope.ServiceProvider.GetRequiredService<RosterImportService>().DryRunAsync(new ImportFile(fileName, content));
    }

    public async Task<ImportResult> CommitAsync(Guid firmId, ImportPreview preview, IProgress<ImportProgress>? progress = null, CancellationToken ct = default)
    {
        await using var scope = App.Scope(TestUsers.FirmHr(firmId));
        return await scope.ServiceProvider.GetRequiredService<RosterImportService>().CommitAsync(preview, progress, ct);
    }

    /// <summary>Dry run then commit, for arranging a roster through the real import.</summary>
    public async Task<ImportResult> ImportAsync(Guid firmId, IReadOnlyList<RosterPerson> people)
    {
        var preview = await DryRunAsync(firmId, "roster.csv", await RosterFiles.CsvAsync(people));
        Assert.Empty(preview.Problems);
        return await CommitAsync(firmId, preview);
    }

    /// <summary>The firm's export: numbers masked, or in full (recorded with <paramref name="fullNumbersReason"/>) when a reason is given.</summary>
    public async Task<byte[]> ExportAsync(Guid firmId, TableFormat format, RosterLanguage language = RosterLanguage.English, string? fullNumbersReason = null)
    {
        await using var scope = App.Scope(TestUsers.FirmHr(firmId));
        var export = scope.ServiceProvider.GetRequiredService<RosterExportService>();
        var full = fullNumbersReason is null ? null : await export.RecordFullExportAsync(format, language, fullNumbersReason);
        using var buffer = new MemoryStream();
        await export.WriteAsync(format, language, buffer, full);
        return buffer.ToArray();
    }

    /// <summary>How many specialists (all firms) and audit entries the database holds.</summary>
    public async Task<(int Specialists, int Lists, int Passports, long AuditEntries)> CountAsync()
    {
        await using var db = App.OpenDb();
        return (await db.Specialists.CountAsync(),
            await db.Expertise.CountAsync() + await db.Education.CountAsync() + await db.ResearchRecords.CountAsync(),
            await db.Passports.CountAsync(),
            await db.AuditEntries.LongCountAsync());
    }
}

/// <summary>Valid people to start from; tests change what they test.</summary>
public static class RosterSamples
{
    private static readonly (string Han, string Latin)[] Names =
        [("王伟", "Wang Wei"), ("李娜", "Li Na"), ("张敏", "Zhang Min"), ("刘洋", "Liu Yang"), ("陈静", "Chen Jing"), ("杨磊", "Yang Lei")];

    public static RosterPerson Person(int n)
    {
        var (han, latin) = Names[n % Names.Length];
        var person = new RosterPerson
        {
            EmployeeNumber = $"T{n:D5}",
            FullName = han,
            LatinName = latin,
            Gender = n % 2 == 0 ? Gender.Female : Gender.Male,
            DateOfBirth = new DateOnly(1980, 1, 1).AddDays(n),
            Nationality = "China",
            NationalIdNumber = $"11010519800101{n:D4}",
            Phone = $"138 0000 {n:D4}",
            Email = $"person{n}@example.cn",
            Position = "Process engineer",
            Department = "Separation plant",
            HireDate = new DateOnly(2010, 3, 1),
            Status = EmploymentStatus.Current,
            Passport = new RosterPassport($"E{n:D8}", "China", new DateOnly(2020, 1, 1), new DateOnly(2030, 1, 1)),
        };
        for (var k = 0; k < 3; k++)
            person.Expertise.Add(new ExpertiseItem((ExpertiseArea)((n + k) % 12), (ExpertiseLevel)(k % 4), 2 + k));
        person.Education.Add(new EducationItem(Degree.Bachelor, "Chemistry", "Central South University", "China", 2002));
        person.Education.Add(new EducationItem(Degree.Master, "Metallurgy; extraction", "Northeastern University", "China", 2005));
        person.Research.Add(new ResearchItem(ResearchKind.Patent, "Heavy rare earth | separation", 2019, "Lead", $"CN{n:D9}B"));
        person.Research.Add(new ResearchItem(ResearchKind.Publication, "Grain boundary diffusion", 2021, "", ""));
        return person;
    }

    public static List<RosterPerson> People(int count, int first = 1) => [.. Enumerable.Range(first, count).Select(Person)];
}

/// <summary>Roster files built in the test: through the real writers, or cell by cell to break them on purpose.</summary>
public static class RosterFiles
{
    public static Task<byte[]> CsvAsync(IEnumerable<RosterPerson> people) => RosterFileWriter.ToBytesAsync(TableFormat.Csv, [.. people]);

    public static Task<byte[]> XlsxAsync(IReadOnlyList<RosterPerson> people) => RosterFileWriter.ToBytesAsync(TableFormat.Xlsx, people);

    /// <summary>CSV rows as cells by column name, so a test can set any cell to anything.</summary>
    public static List<Dictionary<string, string>> CsvRows(IEnumerable<RosterPerson> people) =>
    [
        .. people.Select(p => RosterFormat.CsvColumns.Select(c => c.Name).Zip(RosterCells.CsvRow(p).Select(FormulaGuard.Neutralise))
            .ToDictionary(x => x.First, x => x.Second)),
    ];

    public static string CsvText(IEnumerable<Dictionary<string, string>> rows, IReadOnlyList<string>? header = null)
    {
        header ??= [.. RosterFormat.CsvColumns.Select(c => c.Name)];
        var text = new StringBuilder();
        text.Append(string.Join(',', header)).Append("\r\n");
        foreach (var row in rows)
            text.Append(string.Join(',', header.Select(h => Quote(row.GetValueOrDefault(h, ""))))).Append("\r\n");
        return text.ToString();
    }

    public static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    private static string Quote(string value) =>
        value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"") + "\"" : value;

    /// <summary>Workbook sheets as rows of cells by column name, from the real writer's layout.</summary>
    public static Dictionary<string, List<Dictionary<string, string>>> SheetRows(IReadOnlyList<RosterPerson> people)
    {
        var sheets = new Dictionary<string, List<Dictionary<string, string>>>();
        foreach (var (sheet, columns) in RosterFormat.XlsxSheets)
        {
            IEnumerable<string[]> rows = sheet switch
            {
                RosterFormat.SpecialistsSheet => people.Select(p => RosterCells.Specialist(p)),
                RosterFormat.ExpertiseSheet => people.SelectMany(p => p.Expertise.Select(e => (string[])[p.EmployeeNumber, .. RosterCells.Fields(e)])),
                RosterFormat.EducationSheet => people.SelectMany(p => p.Education.Select(e => (string[])[p.EmployeeNumber, .. RosterCells.Fields(e)])),
                _ => people.SelectMany(p => p.Research.Select(r => (string[])[p.EmployeeNumber, .. RosterCells.Fields(r)])),
            };
            sheets[sheet] = [.. rows.Select(cells => columns.Select(c => c.Name).Zip(cells.Select(FormulaGuard.Neutralise)).ToDictionary(x => x.First, x => x.Second))];
        }
        return sheets;
    }

    /// <summary>
    /// An .xlsx made with the Open XML SDK rather than our writer, as another program would: shared strings,
    /// and the cells of <paramref name="numericColumns"/> stored as numbers.
    /// </summary>
    public static byte[] Workbook(Dictionary<string, List<Dictionary<string, string>>> sheets, params string[] numericColumns)
    {
        using var buffer = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(buffer, SpreadsheetDocumentType.Workbook))
        {
            var workbookPart = document.AddWorkbookPart();
            workbookPart.Workbook = new Workbook(new Sheets());
            var sharedPart = workbookPart.AddNewPart<SharedStringTablePart>();
            sharedPart.SharedStringTable = new SharedStringTable();
            var shared = new Dictionary<string, int>();
            uint sheetId = 1;
            foreach (var (name, rows) in sheets)
            {
                var columns = RosterFormat.XlsxSheets.FirstOrDefault(s => s.Name == name)?.Columns.Select(c => c.Name).ToList()
                              ?? [.. rows.SelectMany(r => r.Keys).Distinct()];
                var data = new SheetData();
                data.Append(Row(1, columns, columns, shared, sharedPart, []));
                var r = 2u;
                foreach (var row in rows)
                    data.Append(Row(r++, columns, [.. columns.Select(c => row.GetValueOrDefault(c, ""))], shared, sharedPart, numericColumns));
                var sheetPart = workbookPart.AddNewPart<WorksheetPart>();
                sheetPart.Worksheet = new Worksheet(data);
                workbookPart.Workbook.Sheets!.Append(new Sheet { Name = name, SheetId = sheetId++, Id = workbookPart.GetIdOfPart(sheetPart) });
            }
        }
        return buffer.ToArray();
    }

    /// <summary>0 → A, 26 → AA: a cell reference's column.</summary>
    public static string ColumnName(int index)
    {
        var name = "";
        for (var n = index + 1; n > 0; n = (n - 1) / 26)
            name = (char)('A' + ((n - 1) % 26)) + name;
        return name;
    }

    private static Row Row(uint number, List<string> columns, IReadOnlyList<string> values, Dictionary<string, int> shared, SharedStringTablePart sharedPart, string[] numeric)
    {
        var row = new Row { RowIndex = number };
        for (var c = 0; c < values.Count; c++)
        {
            if (values[c].Length == 0)
                continue;
            var reference = ColumnName(c) + number;
            if (numeric.Contains(columns[c]))
            {
                row.Append(new Cell { CellReference = reference, CellValue = new CellValue(values[c]) });
                continue;
            }
            if (!shared.TryGetValue(values[c], out var index))
            {
                index = shared.Count;
                shared[values[c]] = index;
                sharedPart.SharedStringTable!.Append(new SharedStringItem(new Text(values[c])));
            }
            row.Append(new Cell { CellReference = reference, DataType = CellValues.SharedString, CellValue = new CellValue(index) });
        }
        return row;
    }
}
