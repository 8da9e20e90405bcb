using Microsoft.Extensions.DependencyInjection;
using SpecialistRegistry.Tests.Infrastructure;
using System.IO.Compression;
using System.Text;
using SpecialistRegistry.Domain;
using SpecialistRegistry.Domain.Records;
using SpecialistRegistry.Features.Roster.Import;
using SpecialistRegistry.Files;
using SpecialistRegistry.Files.Reading;
using SpecialistRegistry.Files.Roster;

namespace SpecialistRegistry.Tests.Features.Roster.Import;

/// <summary>What the check tells the clerk: every change a commit would make, and each problem once, where it is.</summary>
public sealed class CheckReportTests(RosterFixture fixture) : IClassFixture<RosterFixture>
{
    [Fact]
    public async Task A_name_outside_the_basic_plane_survives_the_workbook_export_and_reimports_unchanged()
    {
        var firm = await fixture.NewFirmAsync();
        var person = RosterSamples.Person(1);
        person.FullName = "𠮷田";
        await fixture.ImportAsync(firm, [person]);

        var workbook = await fixture.ExportAsync(firm, TableFormat.Xlsx);
        var preview = await fixture.DryRunAsync(firm, "roster.xlsx", workbook);

        Assert.Contains(">𠮷田<", SheetXml(workbook, "xl/worksheets/sheet2.xml"));
        Assert.Equal(new ImportCounts(0, 0, 1, 0), preview.Counts);
        Assert.Empty(preview.Changes);
    }

    [Theory]
    [InlineData(TableFormat.Csv)]
    [InlineData(TableFormat.Xlsx)]
    public async Task A_repeated_row_is_one_problem_on_the_repeating_row_and_the_first_row_stays_valid(TableFormat format)
    {
        var firm = await fixture.NewFirmAsync();
        var people = RosterSamples.People(2);
        // The second person is the first one again, as when a clerk copies a row (and, in a workbook, its list rows).
        var copy = RosterSamples.Person(1);
        byte[] file = format == TableFormat.Csv
            ? await RosterFiles.CsvAsync([people[0], copy, people[1]])
            : await RosterFiles.XlsxAsync([people[0], copy, people[1]]);

        var preview = await fixture.DryRunAsync(firm, $"roster.{format.Extension()}", file);

        var problem = Assert.Single(preview.Problems);
        Assert.Equal((3, "EmployeeNumber"), (problem.Row, problem.Column));
        Assert.StartsWith("Employee number T00001 appears more than once in the file (first on row 2).", problem.Message);
        Assert.Equal(new ImportCounts(New: 2, Changed: 0, Unchanged: 0, Rejected: 1), preview.Counts);
    }

    [Fact]
    public async Task The_check_lists_every_field_and_list_item_a_commit_would_change_with_numbers_masked()
    {
        var firm = await fixture.NewFirmAsync();
        var people = RosterSamples.People(3);
        await fixture.ImportAsync(firm, people);
        var changed = RosterSamples.People(3);
        var p = changed[1];
        p.FullName = "李娜娜";
        p.Passport = p.Passport! with { Number = "G99990002" };
        p.Expertise[0] = p.Expertise[0] with { Level = ExpertiseLevel.Expert };
        p.Education.RemoveAt(0);
        p.Research.Add(new ResearchItem(ResearchKind.Standard, "GB/T 1234-2026", 2026, "Drafter", "GB/T 1234"));

        var preview = await fixture.DryRunAsync(firm, "roster.csv", await RosterFiles.CsvAsync(changed));

        Assert.Equal(new ImportCounts(0, 1, 2, 0), preview.Counts);
        var change = Assert.Single(preview.Changes);
        Assert.Equal((3, "T00002"), (change.Row, change.EmployeeNumber));
        var old = people[1];
        Assert.Equal(
        [
            new FieldChange("FullName", old.FullName, "李娜娜"),
            new FieldChange("PassportNumber", "••••0002", "••••0002 (a different number)"),
            new FieldChange("Expertise", SpecialistRecordDiff.Describe(old.Expertise[0]), SpecialistRecordDiff.Describe(p.Expertise[0])),
            new FieldChange("Education", SpecialistRecordDiff.Describe(old.Education[0]), null),
            new FieldChange("Research", null, "Standard, GB/T 1234-2026, 2026, Drafter, GB/T 1234"),
        ], change.Fields);
        Assert.DoesNotContain(change.Fields, f => (f.Old + f.New).Contains("E00000002", StringComparison.Ordinal));

        using var csv = new MemoryStream();
        await using (var scope = fixture.App.Scope(TestUsers.FirmHr(firm)))
            await scope.ServiceProvider.GetRequiredService<RosterImportService>().WriteChangesAsync(preview, csv);
        var rows = CsvTableReader.Read(csv.ToArray(), _ => true, 100, CancellationToken.None).Sheets![""];
        Assert.Equal(["Row", "EmployeeNumber", "FullName", "Field", "Before", "After"], rows[0].Cells);
        Assert.Equal(["3", "T00002", "李娜娜", "FullName", old.FullName, "李娜娜"], rows[1].Cells);
        Assert.Equal(6, rows.Count);
    }

    [Fact]
    public async Task A_file_that_changes_nothing_lists_no_changes_and_cannot_be_committed()
    {
        var firm = await fixture.NewFirmAsync();
        var people = RosterSamples.People(2);
        await fixture.ImportAsync(firm, people);

        var preview = await fixture.DryRunAsync(firm, "roster.csv", await RosterFiles.CsvAsync(people));

        Assert.Empty(preview.Changes);
        Assert.False(preview.CanCommit);
        Assert.Equal(new ImportCounts(0, 0, 2, 0), preview.Counts);
    }

    [Fact]
    public async Task A_semicolon_separated_file_is_read_by_its_header()
    {
        var firm = await fixture.NewFirmAsync();
        var rows = RosterFiles.CsvRows(RosterSamples.People(2));
        var header = RosterFormat.CsvColumns.Select(c => c.Name).ToList();
        var text = new StringBuilder(string.Join(';', header)).Append("\r\n");
        foreach (var row in rows)
            text.Append(string.Join(';', header.Select(h => Quoted(row[h])))).Append("\r\n");

        var preview = await fixture.DryRunAsync(firm, "roster.csv", Encoding.UTF8.GetBytes(text.ToString()));

        Assert.Empty(preview.Problems);
        Assert.Equal(new ImportCounts(2, 0, 0, 0), preview.Counts);
    }

    [Fact]
    public async Task A_title_with_a_line_break_is_kept_through_both_formats()
    {
        var firm = await fixture.NewFirmAsync();
        var person = RosterSamples.Person(4);
        person.Research.Add(new ResearchItem(ResearchKind.Patent, "Heavy rare earth separation\nby countercurrent extraction", 2024, "Lead", "CN1"));
        await fixture.ImportAsync(firm, [person]);

        foreach (var format in Enum.GetValues<TableFormat>())
        {
            var preview = await fixture.DryRunAsync(firm, $"roster.{format.Extension()}", await fixture.ExportAsync(firm, format));
            Assert.Equal(new ImportCounts(0, 0, 1, 0), preview.Counts);
        }
    }

    private static string Quoted(string value) =>
        value.AsSpan().IndexOfAny(";\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;

    private static string SheetXml(byte[] workbook, string part)
    {
        using var zip = new ZipArchive(new MemoryStream(workbook), ZipArchiveMode.Read);
        using var reader = new StreamReader(zip.GetEntry(part)!.Open());
        return reader.ReadToEnd();
    }
}
