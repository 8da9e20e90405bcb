using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;
using SpecialistRegistry.Features.Roster.Import;
using SpecialistRegistry.Files;
using SpecialistRegistry.Files.Roster;

namespace SpecialistRegistry.Tests.Features.Roster.Import;

/// <summary>
/// Any valid workbook is read, whoever wrote it: other programs' packages (Workbooks/README.md), OOXML strict
/// as well as transitional, with or without the optional parts (theme, styles, shared strings, properties).
/// </summary>
public sealed partial class WorkbookCompatibilityTests(RosterFixture fixture) : IClassFixture<RosterFixture>
{
    private static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "Features", "Roster", "Import", "Workbooks");

    [Theory]
    [InlineData("libreoffice.xlsx")]
    [InlineData("exceljs.xlsx")]
    [InlineData("sheetjs.xlsx")]
    [InlineData("xlsx-populate.xlsx")]
    public async Task A_template_saved_by_another_program_imports_as_its_example_person(string file)
    {
        await AssertImportsAsTheExampleAsync(file, await File.ReadAllBytesAsync(Path.Combine(Folder, file)));
    }

    [Fact]
    public async Task A_strict_open_xml_workbook_is_read()
    {
        var strict = await RewriteAsync(await TemplateAsync(), (name, text) => text
            .Replace("http://schemas.openxmlformats.org/spreadsheetml/2006/main", "http://purl.oclc.org/ooxml/spreadsheetml/main", StringComparison.Ordinal)
            .Replace("http://schemas.openxmlformats.org/officeDocument/2006/relationships", "http://purl.oclc.org/ooxml/officeDocument/relationships",
                StringComparison.Ordinal));

        Assert.Contains("purl.oclc.org", Part(strict, "xl/workbook.xml"));
        await AssertImportsAsTheExampleAsync("strict.xlsx", strict);
    }

    [Fact]
    public async Task A_workbook_with_no_optional_parts_absolute_targets_and_other_letter_case_is_read()
    {
        var bare = await RewriteAsync(await TemplateAsync(), (name, text) =>
        {
            if (name.StartsWith("docProps/", StringComparison.Ordinal) || name == "xl/styles.xml")
                return null;
            if (name == "[Content_Types].xml")
                return OverrideElement().Replace(text, "");
            return text.Replace("Target=\"worksheets/", "Target=\"/XL/Worksheets/", StringComparison.Ordinal)
                .Replace("Target=\"xl/workbook.xml\"", "Target=\"/xl/WORKBOOK.xml\"", StringComparison.Ordinal)
                .Replace("Target=\"styles.xml\"", "Target=\"styles-missing.xml\"", StringComparison.Ordinal);
        });

        Assert.DoesNotContain("Override", Part(bare, "[Content_Types].xml"));
        await AssertImportsAsTheExampleAsync("bare.xlsx", bare);
    }

    [Fact]
    public async Task A_workbook_with_shared_strings_and_no_theme_or_styles_is_read()
    {
        var example = RosterTemplates.Example();
        var workbook = RosterFiles.Workbook(RosterFiles.SheetRows([example]), "Years", "GraduationYear", "Year");

        await AssertImportsAsTheExampleAsync("shared.xlsx", workbook);
    }

    [Fact]
    public async Task A_macro_enabled_workbook_is_still_refused_with_its_reason()
    {
        var macro = await RewriteAsync(await TemplateAsync(), (name, text) => name == "[Content_Types].xml"
            ? text.Replace("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml", "application/vnd.ms-excel.sheet.macroEnabled.main+xml",
                StringComparison.Ordinal)
            : text);
        var firm = await fixture.NewFirmAsync();

        var preview = await fixture.DryRunAsync(firm, "macro.xlsx", macro);

        Assert.Contains("macro-enabled workbook or a template", Assert.Single(preview.Problems).Message);
    }

    private async Task AssertImportsAsTheExampleAsync(string name, byte[] workbook)
    {
        var firm = await fixture.NewFirmAsync();
        var preview = await fixture.DryRunAsync(firm, name, workbook);

        Assert.True(preview.Problems.Count == 0, string.Join(Environment.NewLine, preview.Problems.Select(p => $"{p.Sheet} {p.Row} {p.Column}: {p.Message}")));
        Assert.Equal(new ImportCounts(1, 0, 0, 0), preview.Counts);
        await fixture.CommitAsync(firm, preview);
        var again = await fixture.DryRunAsync(firm, "template.xlsx", await TemplateAsync());
        Assert.Equal(new ImportCounts(0, 0, 1, 0), again.Counts);
    }

    private static Task<byte[]> TemplateAsync() => RosterTemplates.WriteAsync(TableFormat.Xlsx);

    /// <summary>A copy of the package with each text part passed through <paramref name="change"/> (null leaves the part out).</summary>
    private static async Task<byte[]> RewriteAsync(byte[] package, Func<string, string, string?> change)
    {
        using var output = new MemoryStream();
        using (var source = new ZipArchive(new MemoryStream(package), ZipArchiveMode.Read))
        using (var target = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var entry in source.Entries)
            {
                using var reader = new StreamReader(entry.Open(), Encoding.UTF8);
                var text = change(entry.FullName, await reader.ReadToEndAsync());
                if (text is null)
                    continue;
                await using var writer = new StreamWriter(target.CreateEntry(entry.FullName).Open(), new UTF8Encoding(false));
                await writer.WriteAsync(text);
            }
        }
        return output.ToArray();
    }

    private static string Part(byte[] package, string name)
    {
        using var zip = new ZipArchive(new MemoryStream(package), ZipArchiveMode.Read);
        using var reader = new StreamReader(zip.GetEntry(name)!.Open());
        return reader.ReadToEnd();
    }

    [GeneratedRegex("<Override [^>]*/>")]
    private static partial Regex OverrideElement();
}
