using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using SpecialistRegistry.Domain;
using SpecialistRegistry.Features.Search;
using SpecialistRegistry.Domain.Records;
using SpecialistRegistry.Files;
using SpecialistRegistry.Files.Roster;
using SpecialistRegistry.Files.Reading;

namespace SpecialistRegistry.Tests.Features.Search;

public sealed class SearchExportTests
{
    private static readonly SearchRow Risky = new(Guid.NewGuid(), "=cmd|' /C calc'!A0", "+Wang, \"Wei\"", "-E001", "@Firm",
        IndustrySegment.PermanentMagnets, "China", EmploymentStatus.Current, new DateOnly(2012, 7, 1), CustodyFacet.Overdue, new DateOnly(2027, 1, 1), SearchFlagState.Open);

    [Theory]
    [InlineData("=1+1", "'=1+1")]
    [InlineData("+86 10 1234", "'+86 10 1234")]
    [InlineData("-5", "'-5")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\t=1", "'\t=1")]
    [InlineData("Wang = Wei", "Wang = Wei")]
    [InlineData("", "")]
    public void Cells_that_a_spreadsheet_would_run_as_a_formula_are_prefixed(string value, string expected) =>
        Assert.Equal(expected, FormulaGuard.Neutralise(value));

    private static async Task<byte[]> ExportAsync(TableFormat format)
    {
        using var buffer = new MemoryStream();
        await SearchExport.WriteAsync(format, buffer, [Risky], CancellationToken.None);
        return buffer.ToArray();
    }

    [Fact]
    public async Task The_CSV_has_a_header_quotes_where_needed_and_no_live_formulas()
    {
        var text = Encoding.UTF8.GetString(await ExportAsync(TableFormat.Csv));
        var lines = text.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        Assert.StartsWith("Employee number,Name,Latin name,Firm", lines[0]);
        Assert.Equal("'-E001,'=cmd|' /C calc'!A0,\"'+Wang, \"\"Wei\"\"\",'@Firm,Permanent magnets,China,Current,2012-07-01,Overdue,2027-01-01,Open flag", lines[1]);
    }

    [Fact]
    public async Task The_workbook_holds_every_value_as_text_with_formulas_defused()
    {
        using var doc = SpreadsheetDocument.Open(new MemoryStream(await ExportAsync(TableFormat.Xlsx)), false);
        var rows = doc.WorkbookPart!.WorksheetParts.Single().Worksheet.Descendants<Row>().ToList();
        var cells = rows[1].Elements<Cell>().Select(c => c.InnerText).ToList();

        Assert.Equal(2, rows.Count);
        Assert.Equal("Employee number", rows[0].Elements<Cell>().First().InnerText);
        Assert.Equal(["'-E001", "'=cmd|' /C calc'!A0", "'+Wang, \"Wei\"", "'@Firm"], cells.Take(4));
        Assert.DoesNotContain(doc.WorkbookPart.WorksheetParts.Single().Worksheet.Descendants<CellFormula>(), _ => true);
    }
}
