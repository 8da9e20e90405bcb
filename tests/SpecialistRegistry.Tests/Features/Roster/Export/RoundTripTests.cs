using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SpecialistRegistry.Data.Seed;
using SpecialistRegistry.Domain;
using SpecialistRegistry.Features.Roster.Export;
using SpecialistRegistry.Features.Roster.Import;
using SpecialistRegistry.Tests.Features.Roster.Import;
using SpecialistRegistry.Domain.Records;
using SpecialistRegistry.Files;
using SpecialistRegistry.Files.Roster;
using SpecialistRegistry.Files.Reading;

namespace SpecialistRegistry.Tests.Features.Roster.Export;

/// <summary>The demo data (passports with custody history, people who left, people without a passport) as a realistic roster.</summary>
public sealed class DemoRosterFixture : IAsyncLifetime
{
    public RosterFixture Roster { get; } = new();

    public async Task InitializeAsync()
    {
        await Roster.InitializeAsync();
        await using var scope = Roster.App.Scope();
        await scope.ServiceProvider.GetRequiredService<DemoData>().SeedIfEmptyAsync();
    }

    public Task DisposeAsync() => Roster.DisposeAsync();
}

/// <summary>Export, then import the export: nothing changes. Formula-like values are guarded on the way out and restored on the way in.</summary>
public sealed class RoundTripTests(DemoRosterFixture demo) : IClassFixture<DemoRosterFixture>
{
    private RosterFixture Fixture => demo.Roster;

    [Theory]
    [InlineData(TableFormat.Csv, "roster.csv")]
    [InlineData(TableFormat.Xlsx, "roster.xlsx")]
    public async Task Exporting_a_roster_and_importing_the_export_changes_nothing(TableFormat kind, string fileName)
    {
        var firm = await LargestFirmAsync();
        var (specialists, withoutPassport, left) = await ShapeAsync(firm);
        Assert.True(withoutPassport > 0 && left > 0, "the demo roster has people without a passport and people who left");

        var preview = await Fixture.DryRunAsync(firm, fileName, await Fixture.ExportAsync(firm, kind));

        Assert.Empty(preview.Problems);
        Assert.Equal(new ImportCounts(New: 0, Changed: 0, Unchanged: specialists, Rejected: 0), preview.Counts);
    }

    [Fact]
    public async Task Formula_like_values_are_neutralised_in_both_formats_and_restored_by_the_import()
    {
        var firm = await Fixture.NewFirmAsync();
        var person = RosterSamples.Person(1);
        person.FullName = "=HYPERLINK(\"http://example.invalid\",\"x\")";
        person.Position = "+SUM(A1:A9)";
        person.Department = "-2+3";
        person.Phone = "+86 138 0000 0001";
        person.Research.Add(new ResearchItem(ResearchKind.Project, "@cmd|' /C calc'!A0", 2020, "Lead", "=1"));
        await Fixture.ImportAsync(firm, [person]);

        var csv = await Fixture.ExportAsync(firm, TableFormat.Csv);
        var cells = CsvTableReader.Read(csv, _ => true, 100, CancellationToken.None).Sheets![""].SelectMany(r => r.Cells).ToList();
        Assert.Contains("'=HYPERLINK(\"http://example.invalid\",\"x\")", cells);
        Assert.Contains("'+SUM(A1:A9)", cells);
        Assert.Contains("'-2+3", cells);
        Assert.Contains("'+86 138 0000 0001", cells);
        Assert.DoesNotContain(cells, c => FormulaGuard.StartsLikeFormula(c));

        var xlsx = await Fixture.ExportAsync(firm, TableFormat.Xlsx);
        var sheetCells = SheetTexts(xlsx);
        Assert.Contains("'@cmd|' /C calc'!A0", sheetCells);
        Assert.Contains("'=1", sheetCells);
        Assert.DoesNotContain(sheetCells, c => FormulaGuard.StartsLikeFormula(c));

        foreach (var (name, file) in new[] { ("roster.csv", csv), ("roster.xlsx", xlsx) })
            Assert.Equal(new ImportCounts(0, 0, 1, 0), (await Fixture.DryRunAsync(firm, name, file)).Counts);
        await using var db = Fixture.App.OpenDb();
        var stored = await db.Specialists.Include(s => s.Research).SingleAsync(s => s.FirmId == firm);
        Assert.Equal(person.FullName, stored.FullName);
        Assert.Contains(stored.Research, r => r.Title == "@cmd|' /C calc'!A0" && r.Reference == "=1");
    }

    [Fact]
    public async Task The_exported_workbook_and_the_template_are_valid_open_xml()
    {
        var firm = await LargestFirmAsync();
        foreach (var workbook in new[] { await Fixture.ExportAsync(firm, TableFormat.Xlsx), await RosterTemplates.WriteAsync(TableFormat.Xlsx) })
        {
            using var document = SpreadsheetDocument.Open(new MemoryStream(workbook), false);
            var errors = new OpenXmlValidator().Validate(document).Select(e => $"{e.Part?.Uri}: {e.Description}").ToList();
            Assert.True(errors.Count == 0, string.Join(Environment.NewLine, errors));
            Assert.Equal(["Read me", "Specialists", "Expertise", "Education", "Research"],
                document.WorkbookPart!.Workbook.Sheets!.Elements<DocumentFormat.OpenXml.Spreadsheet.Sheet>().Select(s => s.Name!.Value!));
        }
    }

    [Fact]
    public async Task Each_template_imports_as_its_one_example_person()
    {
        var csvTemplate = await RosterTemplates.WriteAsync(TableFormat.Csv);
        var text = Encoding.UTF8.GetString(csvTemplate);
        Assert.StartsWith("\uFEFFEmployeeNumber,FullName,LatinName,", text);
        Assert.Contains("# Required. Your firm's staff number", text);

        foreach (var (name, file) in new[] { ("roster-template.csv", csvTemplate), ("roster-template.xlsx", await RosterTemplates.WriteAsync(TableFormat.Xlsx)) })
        {
            var firm = await Fixture.NewFirmAsync();
            var preview = await Fixture.DryRunAsync(firm, name, file);
            Assert.Empty(preview.Problems);
            Assert.Equal(new ImportCounts(1, 0, 0, 0), preview.Counts);
        }
    }

    private async Task<Guid> LargestFirmAsync()
    {
        await using var db = Fixture.App.OpenDb();
        return await db.Firms.OrderByDescending(f => f.Specialists.Count).Select(f => f.Id).FirstAsync();
    }

    private async Task<(int Specialists, int WithoutPassport, int Left)> ShapeAsync(Guid firm)
    {
        await using var db = Fixture.App.OpenDb();
        var people = db.Specialists.Where(s => s.FirmId == firm);
        return (await people.CountAsync(),
            await people.CountAsync(s => !s.Passports.Any()),
            await people.CountAsync(s => s.Status == EmploymentStatus.Left));
    }

    private static List<string> SheetTexts(byte[] workbook)
    {
        using var document = SpreadsheetDocument.Open(new MemoryStream(workbook), false);
        return [.. document.WorkbookPart!.WorksheetParts.SelectMany(p => p.Worksheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.Cell>())
            .Select(c => c.InnerText)];
    }
}
