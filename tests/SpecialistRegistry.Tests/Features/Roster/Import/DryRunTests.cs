using System.IO.Compression;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using SpecialistRegistry.Domain;
using SpecialistRegistry.Features.Roster.Import;
using SpecialistRegistry.Tests.Infrastructure;
using SpecialistRegistry.Domain.Records;
using SpecialistRegistry.Files;
using SpecialistRegistry.Files.Roster;
using SpecialistRegistry.Files.Reading;

namespace SpecialistRegistry.Tests.Features.Roster.Import;

/// <summary>
/// The dry run on a real database: every kind of problem an HR clerk can make, reported with its sheet, row
/// and column, and a file that cannot be used refused as a whole. A dry run never writes.
/// </summary>
public sealed class DryRunTests(RosterFixture fixture) : IClassFixture<RosterFixture>
{
    [Fact]
    public async Task A_valid_file_counts_new_changed_unchanged_and_rejected_and_writes_nothing()
    {
        var firm = await fixture.NewFirmAsync();
        await fixture.ImportAsync(firm, RosterSamples.People(3));
        var people = RosterSamples.People(5);
        people[1].Position = "Chief engineer";
        var rows = RosterFiles.CsvRows(people);
        rows[4]["DateOfBirth"] = "not a date";
        var before = await fixture.CountAsync();

        var preview = await fixture.DryRunAsync(firm, "roster.csv", RosterFiles.Utf8(RosterFiles.CsvText(rows)));

        Assert.Equal(new ImportCounts(New: 1, Changed: 1, Unchanged: 2, Rejected: 1), preview.Counts);
        Assert.False(preview.CanCommit);
        Assert.Equal(before, await fixture.CountAsync());
    }

    public static TheoryData<string, string, string> CellProblems => new()
    {
        { "FullName", "", "FullName is missing; it is required." },
        { "DateOfBirth", "1985-13-45", "\"1985-13-45\" is not a date. Write dates as yyyy-MM-dd" },
        { "HireDate", "", "HireDate is missing; it is required." },
        { "Gender", "Unknown", "\"Unknown\" is not a known gender. Use one of: Female, Male, Other." },
        { "Status", "Retired", "\"Retired\" is not a known employment status. Use one of: Current, Left." },
        { "LatinName", new string('x', 101), "LatinName is 101 characters long; at most 100 are allowed." },
        { "Email", "not-an-address", "\"not-an-address\" is not an e-mail address." },
        { "NationalIdNumber", "1101*05", "may contain only Latin letters and digits" },
        { "PassportIssuingCountry", "", "PassportIssuingCountry is missing; a passport needs its number, issuing country, issue date and expiry date." },
        { "PassportExpiresOn", "2019-01-01", "The passport's expiry date is not after its issue date." },
        { "DateOfBirth", "2031-01-01", "The date of birth is in the future." },
        { "LeftOn", "2020-01-01", "LeftOn must be empty while Status is Current." },
    };

    [Theory]
    [MemberData(nameof(CellProblems))]
    public async Task A_bad_cell_is_reported_with_its_row_column_and_a_plain_message(string column, string value, string message)
    {
        var firm = await fixture.NewFirmAsync();
        var rows = RosterFiles.CsvRows(RosterSamples.People(3));
        rows[1][column] = value;

        var preview = await fixture.DryRunAsync(firm, "roster.csv", RosterFiles.Utf8(RosterFiles.CsvText(rows)));

        var problem = Assert.Single(preview.Problems);
        Assert.Equal((null, 3, column), (problem.Sheet, problem.Row, problem.Column));
        Assert.Contains(message, problem.Message);
        Assert.Equal(1, preview.Counts.Rejected);
    }

    public static TheoryData<string, string, string> ListProblems => new()
    {
        { "Expertise", "Alchemy|Expert|3", "Item 1, Area: \"Alchemy\" is not a known expertise area. Use one of: SolventExtraction, IonExchange, RareEarthMetallurgy" },
        { "Expertise", "IonExchange|Guru|3", "Item 1, Level: \"Guru\" is not a known expertise level. Use one of: Basic, Intermediate, Advanced, Expert." },
        { "Expertise", "IonExchange|Expert|99", "Item 1, Years: Years must be from 0 to 70; 99 is outside that range." },
        { "Expertise", "IonExchange|Expert", "Item 1 has 2 fields; write each expertise item as Area|Level|Years" },
        { "Expertise", "IonExchange|Expert|3; ion exchange|Basic|1", "Item 2, Area: Expertise area IonExchange is listed more than once" },
        { "Education", "PhD|Chemistry|Tsinghua University|China|2009", "Item 1, Degree: \"PhD\" is not a known degree. Use one of: Associate, Bachelor, Master, Doctorate, Postdoctoral." },
        { "Education", "Master||Tsinghua University|China|2009", "Item 1, Field: Field is missing; it is required." },
        { "Education", "Master|Chemistry|Tsinghua University|China|two thousand", "Item 1, GraduationYear: \"two thousand\" is not a whole number" },
        { "Research", "Poem|Ode to ore|2020", "Item 1, Kind: \"Poem\" is not a known research kind. Use one of: Project, Publication, Patent, Standard." },
    };

    [Theory]
    [MemberData(nameof(ListProblems))]
    public async Task A_bad_item_in_a_csv_list_column_is_reported_with_its_item_and_field(string column, string value, string message)
    {
        var firm = await fixture.NewFirmAsync();
        var rows = RosterFiles.CsvRows(RosterSamples.People(2));
        rows[0][column] = value;

        var preview = await fixture.DryRunAsync(firm, "roster.csv", RosterFiles.Utf8(RosterFiles.CsvText(rows)));

        var problem = Assert.Single(preview.Problems);
        Assert.Equal((null, 2, column), (problem.Sheet, problem.Row, problem.Column));
        Assert.StartsWith(message, problem.Message);
    }

    [Fact]
    public async Task Leaving_needs_a_date_and_a_reason_and_cannot_precede_hiring()
    {
        var firm = await fixture.NewFirmAsync();
        var rows = RosterFiles.CsvRows(RosterSamples.People(2));
        rows[0]["Status"] = "Left";
        rows[1]["Status"] = "left";
        rows[1]["LeftOn"] = "2001-01-01";
        rows[1]["LeftReason"] = "Resigned";

        var preview = await fixture.DryRunAsync(firm, "roster.csv", RosterFiles.Utf8(RosterFiles.CsvText(rows)));

        Assert.Equal(
            [(2, "LeftOn", "LeftOn is missing; it is required when Status is Left."),
             (2, "LeftReason", "LeftReason is missing; it is required when Status is Left."),
             (3, "LeftOn", "The leaving date is before the hire date.")],
            preview.Problems.Select(p => (p.Row!.Value, p.Column!, p.Message)));
    }

    [Fact]
    public async Task Duplicate_employee_passport_and_national_id_numbers_within_the_file_are_reported()
    {
        var firm = await fixture.NewFirmAsync();
        var people = RosterSamples.People(4);
        people[1].EmployeeNumber = people[0].EmployeeNumber;
        people[2].Passport = people[0].Passport;
        var rows = RosterFiles.CsvRows(people);
        rows[3]["NationalIdNumber"] = "11 0105-19800101 0001";

        var preview = await fixture.DryRunAsync(firm, "roster.csv", RosterFiles.Utf8(RosterFiles.CsvText(rows)));

        Assert.Collection(preview.Problems,
            p => Assert.Equal((3, "EmployeeNumber", "Employee number T00001 appears more than once in the file (first on row 2)."), (p.Row!.Value, p.Column!, p.Message)),
            p => Assert.Equal((4, "PassportNumber", "Passport number ••••0001 is also given for T00001 on row 2. A passport belongs to one person."), (p.Row!.Value, p.Column!, p.Message)),
            p => Assert.Equal((5, "NationalIdNumber", "National ID number ••••0001 is also given for T00001 on row 2. A national ID number belongs to one person."), (p.Row!.Value, p.Column!, p.Message)));
        Assert.Equal(3, preview.Counts.Rejected);
    }

    [Fact]
    public async Task A_passport_or_national_id_of_another_person_of_the_firm_is_refused_but_one_in_another_firm_is_not()
    {
        var firm = await fixture.NewFirmAsync();
        var otherFirm = await fixture.NewFirmAsync();
        await fixture.ImportAsync(firm, RosterSamples.People(2));
        await fixture.ImportAsync(otherFirm, RosterSamples.People(1, first: 7));
        var newcomer = RosterSamples.Person(3);
        newcomer.Passport = RosterSamples.Person(1).Passport! with { IssuingCountry = "China" };
        newcomer.NationalIdNumber = RosterSamples.Person(2).NationalIdNumber;
        var fromOtherFirm = RosterSamples.Person(4);
        fromOtherFirm.Passport = RosterSamples.Person(7).Passport;

        var preview = await fixture.DryRunAsync(firm, "roster.csv", await RosterFiles.CsvAsync([newcomer, fromOtherFirm]));

        Assert.Collection(preview.Problems,
            p => Assert.Equal((2, "NationalIdNumber", "National ID number ••••0002 already belongs to T00002 (张敏) on your roster."), (p.Row!.Value, p.Column!, p.Message)),
            p => Assert.Equal((2, "PassportNumber", "Passport number ••••0001 already belongs to T00001 (李娜) on your roster."), (p.Row!.Value, p.Column!, p.Message)));
        Assert.Equal(new ImportCounts(1, 0, 0, 1), preview.Counts);
    }

    [Fact]
    public async Task An_import_cannot_drop_a_current_passport()
    {
        var firm = await fixture.NewFirmAsync();
        await fixture.ImportAsync(firm, RosterSamples.People(1));
        var person = RosterSamples.Person(1);
        person.Passport = null;

        var preview = await fixture.DryRunAsync(firm, "roster.csv", await RosterFiles.CsvAsync([person]));

        var problem = Assert.Single(preview.Problems);
        Assert.Equal("PassportNumber", problem.Column);
        Assert.StartsWith("The registry holds a current passport for T00001 (••••0001), and an import cannot remove a passport.", problem.Message);
    }

    [Fact]
    public async Task Workbook_problems_name_the_sheet_row_and_column_and_list_rows_must_belong_to_a_specialist()
    {
        var firm = await fixture.NewFirmAsync();
        var sheets = RosterFiles.SheetRows(RosterSamples.People(2));
        sheets["Specialists"][1]["Gender"] = "X";
        sheets["Expertise"][4]["EmployeeNumber"] = "T09999";
        sheets["Education"][0]["Degree"] = "Diploma";
        sheets["Research"].Add(new() { ["EmployeeNumber"] = "", ["Kind"] = "Patent", ["Title"] = "t", ["Year"] = "2020" });

        var preview = await fixture.DryRunAsync(firm, "roster.xlsx", RosterFiles.Workbook(sheets));

        Assert.Equal(
            [("Specialists", 3, "Gender", "\"X\" is not a known gender. Use one of: Female, Male, Other."),
             ("Expertise", 6, "EmployeeNumber", "Employee number T09999 is not on the Specialists sheet."),
             ("Education", 2, "Degree", "\"Diploma\" is not a known degree. Use one of: Associate, Bachelor, Master, Doctorate, Postdoctoral."),
             ("Research", 6, "EmployeeNumber", "EmployeeNumber is missing. Each row must name a person on the Specialists sheet.")],
            preview.Problems.Select(p => (p.Sheet!, p.Row!.Value, p.Column!, p.Message)));
        Assert.Equal(new ImportCounts(0, 0, 0, 2), preview.Counts);
    }

    [Fact]
    public async Task A_workbook_from_another_program_with_shared_strings_and_date_cells_reads_like_ours()
    {
        var firm = await fixture.NewFirmAsync();
        var people = RosterSamples.People(2);
        var sheets = RosterFiles.SheetRows(people);
        // Excel stores a typed date as its serial number: 1980-01-02 is 29222.
        sheets["Specialists"][0]["DateOfBirth"] = "29222";

        var preview = await fixture.DryRunAsync(firm, "roster.xlsx", RosterFiles.Workbook(sheets, "DateOfBirth", "Years", "GraduationYear", "Year"));

        Assert.Empty(preview.Problems);
        Assert.Equal(new ImportCounts(2, 0, 0, 0), preview.Counts);
        await fixture.CommitAsync(firm, preview);
        var again = await fixture.DryRunAsync(firm, "roster.csv", await RosterFiles.CsvAsync(people));
        Assert.Equal(new ImportCounts(0, 0, 2, 0), again.Counts);
    }

    [Fact]
    public async Task A_workbook_without_one_of_the_list_sheets_is_refused()
    {
        var firm = await fixture.NewFirmAsync();
        var sheets = RosterFiles.SheetRows(RosterSamples.People(1));
        sheets.Remove("Research");

        var preview = await fixture.DryRunAsync(firm, "roster.xlsx", RosterFiles.Workbook(sheets));

        Assert.Equal("The workbook has no sheet named \"Research\" (\"科研成果\"). It needs the sheets Specialists, Expertise, Education, Research (人员、专业领域、教育经历、科研成果), as in the template; a list sheet may have just its header row.",
            WholeFileProblem(preview));
    }

    public static TheoryData<string, byte[], string> UnusableFiles()
    {
        var zipOfText = new MemoryStream();
        using (var zip = new ZipArchive(zipOfText, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var writer = new StreamWriter(zip.CreateEntry("notes.txt").Open());
            writer.Write("not a workbook");
        }
        var header = string.Join(',', RosterFormat.CsvColumns.Select(c => c.Name));
        return new TheoryData<string, byte[], string>
        {
            { "roster.csv", [], "The file is empty." },
            { "roster.csv", Encoding.UTF8.GetBytes("\r\n \r\n"), "The file is empty: it has no header row and no specialists." },
            { "roster.csv", Encoding.UTF8.GetBytes(header + "\r\n"), "The file has a header row but no specialists." },
            { "roster.csv", Encoding.UTF8.GetBytes("EmployeeNumber,FullName,Shoe size\r\nE1,A,42\r\n"), "The header row of the file does not match the roster format: missing columns LatinName, Gender" },
            { "roster.csv", Encoding.UTF8.GetBytes(header + "\r\nE1,\"broken\r\n"), "Row 2 (line 2): a quoted value is never closed" },
            { "roster.csv", [(byte)'M', (byte)'Z', 0x90, 0x00, 0x03, 0x00], "This file is a Windows program, not CSV text." },
            { "roster.csv", [.. Encoding.UTF8.GetBytes(header), 0xFF, 0x80], "neither UTF-8 nor GB18030" },
            { "roster.xlsx", zipOfText.ToArray(), "This file is not an Excel workbook (.xlsx), although its name says so: it is a zip archive of something else" },
            { "roster.xlsx", Encoding.UTF8.GetBytes(header), "This file is not an Excel workbook (.xlsx), although its name says so." },
            { "roster.exe", [(byte)'M', (byte)'Z'], "Only .csv and .xlsx files can be imported; \"roster.exe\" is neither." },
        };
    }

    [Theory]
    [MemberData(nameof(UnusableFiles))]
    public async Task A_file_that_cannot_be_used_is_refused_as_a_whole_with_a_clear_message(string fileName, byte[] content, string message)
    {
        var firm = await fixture.NewFirmAsync();

        var preview = await fixture.DryRunAsync(firm, fileName, content);

        Assert.Contains(message, WholeFileProblem(preview));
        Assert.Equal(ImportCounts.None, preview.Counts);
        Assert.False(preview.CanCommit);
    }

    [Fact]
    public async Task A_50_MB_file_is_refused_before_it_is_parsed()
    {
        var firm = await fixture.NewFirmAsync();
        var content = new byte[50 * 1024 * 1024];
        Array.Fill(content, (byte)'"');

        var preview = await fixture.DryRunAsync(firm, "roster.csv", content);

        Assert.Equal("The file is 50 MB; the limit is 20 MB. Split the roster into several files.", WholeFileProblem(preview));
    }

    [Fact]
    public async Task More_specialists_than_one_import_takes_are_refused()
    {
        var firm = await fixture.NewFirmAsync();
        var text = new StringBuilder(string.Join(',', RosterFormat.CsvColumns.Select(c => c.Name))).Append("\r\n");
        for (var i = 0; i <= RosterLimits.MaxSpecialists; i++)
            text.Append("E").Append(i).Append("\r\n");

        var preview = await fixture.DryRunAsync(firm, "roster.csv", RosterFiles.Utf8(text.ToString()));

        Assert.Equal("The file has more than 20,000 specialists, the most one import takes. Split the roster into several files.", WholeFileProblem(preview));
    }

    [Fact]
    public async Task Values_beyond_the_last_header_column_are_reported()
    {
        var firm = await fixture.NewFirmAsync();
        var text = RosterFiles.CsvText(RosterFiles.CsvRows(RosterSamples.People(1))).TrimEnd() + ",stray, value\r\n";

        var preview = await fixture.DryRunAsync(firm, "roster.csv", RosterFiles.Utf8(text));

        var problem = Assert.Single(preview.Problems);
        Assert.Equal(2, problem.Row);
        Assert.Contains("values in columns that have no header", problem.Message);
        Assert.Contains("must be in double quotes", problem.Message);
    }

    [Fact]
    public async Task Columns_may_come_in_any_order_with_notes_and_blank_rows_skipped()
    {
        var firm = await fixture.NewFirmAsync();
        var header = RosterFormat.CsvColumns.Select(c => c.Name).Reverse().ToList();
        var rows = RosterFiles.CsvRows(RosterSamples.People(2));
        var lines = RosterFiles.CsvText(rows, header).Split("\r\n").ToList();
        lines[0] = lines[0].ToLowerInvariant().Replace("employeenumber", "Employee number", StringComparison.Ordinal);
        lines.Insert(1, "# a note for the clerk,,,");
        lines.Insert(3, ",,,,");

        var preview = await fixture.DryRunAsync(firm, "roster.csv", RosterFiles.Utf8(string.Join("\r\n", lines)));

        Assert.Empty(preview.Problems);
        Assert.Equal(2, preview.Counts.New);
    }

    [Fact]
    public async Task Only_a_firm_hr_user_with_a_firm_may_import()
    {
        await using var scope = fixture.App.Scope(TestUsers.Regulator);
        var service = scope.ServiceProvider.GetRequiredService<RosterImportService>();

        var refused = await Assert.ThrowsAsync<DomainException>(() =>
            service.DryRunAsync(new ImportFile("roster.csv", RosterFiles.Utf8("x"))));

        Assert.Contains("Only a Firm HR user", refused.Message);
    }

    private static string WholeFileProblem(ImportPreview preview)
    {
        var problem = Assert.Single(preview.Problems);
        Assert.True(problem.IsAboutWholeFile);
        return problem.Message;
    }
}
