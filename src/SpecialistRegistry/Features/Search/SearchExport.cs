using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using SpecialistRegistry.Domain;

namespace SpecialistRegistry.Features.Search;

/// <summary>Search results as CSV or .xlsx. Every text cell is formula-safe: a spreadsheet never runs what a record holds.</summary>
public static class SearchExport
{
    public static readonly string[] Header =
        ["Employee number", "Name", "Latin name", "Firm", "Segment", "Nationality", "Employment", "Hire date", "Passport custody", "Passport expires", "Flags"];

    public static string[] Cells(SearchRow r) =>
    [
        r.EmployeeNumber, r.FullName, r.LatinName, r.FirmName, SearchLabels.Of(r.Segment), r.Nationality,
        DisplayText.Of(r.Status), r.HireDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        SearchLabels.Of(r.Custody), r.PassportExpiresOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "",
        SearchLabels.Of(r.FlagState),
    ];

    /// <summary>
    /// A cell that starts with = + - @ (or a tab or carriage return, which some programs skip before
    /// reading a formula) is prefixed with an apostrophe so it stays text.
    /// </summary>
    public static string FormulaSafe(string value) =>
        value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + value : value;

    public static byte[] Csv(IEnumerable<SearchRow> rows)
    {
        var sb = new StringBuilder();
        void Line(IEnumerable<string> cells) =>
            sb.Append(string.Join(',', cells.Select(c => Quote(FormulaSafe(c))))).Append("\r\n");
        Line(Header);
        foreach (var r in rows)
            Line(Cells(r));
        // A byte-order mark so Excel reads Chinese names as UTF-8.
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(sb.ToString())];
    }

    private static string Quote(string s) =>
        s.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + s.Replace("\"", "\"\"") + "\"" : s;

    public static byte[] Xlsx(IEnumerable<SearchRow> rows)
    {
        using var stream = new MemoryStream();
        using (var doc = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = doc.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var sheetPart = workbook.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            data.Append(Row(Header));
            foreach (var r in rows)
                data.Append(Row(Cells(r)));
            sheetPart.Worksheet = new Worksheet(data);
            workbook.Workbook.AppendChild(new Sheets(new Sheet { Id = workbook.GetIdOfPart(sheetPart), SheetId = 1, Name = "Specialists" }));
            workbook.Workbook.Save();
        }
        return stream.ToArray();
    }

    // Inline strings only: every value is text, so nothing is ever evaluated as a formula or reformatted as a number.
    private static Row Row(IEnumerable<string> cells) =>
        new(cells.Select(c => new Cell(new InlineString(new Text(FormulaSafe(c)) { Space = SpaceProcessingModeValues.Preserve }))
            { DataType = CellValues.InlineString }));
}
