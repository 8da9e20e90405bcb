using System.Text;
using SpecialistRegistry.Features.Roster.Import;
using SpecialistRegistry.Domain.Records;
using SpecialistRegistry.Files;
using SpecialistRegistry.Files.Roster;
using SpecialistRegistry.Files.Reading;

namespace SpecialistRegistry.Tests.Features.Roster.Import;

/// <summary>The pieces under the importer that need no database: CSV records, list syntax, encodings, the formula guard.</summary>
public sealed class CsvParsingTests
{
    private static List<string[]> Records(string text, out string? error)
    {
        var read = CsvTableReader.Read(Encoding.UTF8.GetBytes(text), _ => false, 1000, CancellationToken.None);
        error = read.Error;
        return read.Sheets is { } sheets ? [.. sheets[""].Select(r => Texts(r.Cells))] : [];
    }

    private static string[] Texts(string[] cells) => cells;

    [Fact]
    public void Csv_records_keep_quoted_commas_doubled_quotes_and_line_breaks()
    {
        var records = Records("a,\"b, c\",\"say \"\"hi\"\"\"\r\n\"two\nlines\",x,\r\nlast", out var error);

        Assert.Null(error);
        Assert.Equal(3, records.Count);
        Assert.Equal(["a", "b, c", "say \"hi\""], records[0]);
        Assert.Equal(["two\nlines", "x", ""], records[1]);
        Assert.Equal(["last"], records[2]);
    }

    [Fact]
    public void An_unclosed_quote_is_reported_with_the_row_and_line_where_it_starts()
    {
        Records("h1,h2\r\nok,fine\r\nbad,\"never closed\r\nmore", out var error);

        Assert.NotNull(error);
        Assert.StartsWith("Row 3 (line 3): a quoted value is never closed", error);
    }

    [Fact]
    public void Text_after_a_closing_quote_is_reported()
    {
        Records("h1,h2\n\"quoted\"tail,x", out var error);

        Assert.NotNull(error);
        Assert.Contains("Row 2", error);
        Assert.Contains("followed by more text", error);
    }

    [Fact]
    public void A_stray_quote_inside_an_unquoted_value_is_text()
    {
        var records = Records("h1,h2\n5\" drive,x", out var error);

        Assert.Null(error);
        Assert.Equal(["5\" drive", "x"], records[1]);
    }

    [Theory]
    [InlineData(',')]
    [InlineData(';')]
    [InlineData('\t')]
    public void The_separator_is_the_one_that_splits_the_header_into_known_column_names(char separator)
    {
        var header = string.Join(separator, "EmployeeNumber", "FullName", "Expertise");
        var text = $"{header}\r\nE1{separator}王伟{separator}\"SolventExtraction|Expert|12; IonExchange|Advanced|5\"\r\n";

        var read = CsvTableReader.Read(Encoding.UTF8.GetBytes(text), name => name is "EmployeeNumber" or "FullName" or "Expertise", 10,
            CancellationToken.None);

        Assert.Null(read.Error);
        Assert.Equal(["E1", "王伟", "SolventExtraction|Expert|12; IonExchange|Advanced|5"], Texts(read.Sheets![""][1].Cells));
    }

    [Fact]
    public void List_syntax_round_trips_separators_and_backslashes_inside_values()
    {
        string[][] items = [["Patent", "A; B | C \\ D", "2019", "Lead", "x"], ["Project", "plain", "2020", "", ""]];

        var text = ListSyntax.Format(items);
        var parsed = ListSyntax.Parse(text);

        Assert.Equal(@"Patent|A\; B \| C \\ D|2019|Lead|x; Project|plain|2020||", text);
        Assert.Equal(items, parsed);
    }

    [Fact]
    public void List_syntax_skips_empty_items_and_keeps_an_unknown_escape_as_written()
    {
        var parsed = ListSyntax.Parse(@" SolventExtraction|Expert|12 ; ; IonExchange|Advanced|5;  C:\data|x ;");

        Assert.Equal(3, parsed.Count);
        Assert.Equal(["SolventExtraction", "Expert", "12"], parsed[0]);
        Assert.Equal(["IonExchange", "Advanced", "5"], parsed[1]);
        Assert.Equal([@"C:\data", "x"], parsed[2]);
    }

    [Theory]
    [InlineData("=HYPERLINK(\"http://evil\")", "'=HYPERLINK(\"http://evil\")")]
    [InlineData("+86 138 0000 0000", "'+86 138 0000 0000")]
    [InlineData("-1", "'-1")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\t=1", "'\t=1")]
    [InlineData("\rx", "'\rx")]
    [InlineData("'=already guarded", "''=already guarded")]
    [InlineData("''x", "'''x")]
    [InlineData("'quoted'", "'quoted'")]
    [InlineData("'", "'")]
    [InlineData("plain", "plain")]
    [InlineData("", "")]
    public void Formula_guard_neutralises_formula_starts_and_restores_every_value(string value, string written)
    {
        Assert.Equal(written, FormulaGuard.Neutralise(value));
        Assert.Equal(value, FormulaGuard.Restore(written));
    }

    [Fact]
    public void Csv_text_is_read_as_utf8_with_or_without_bom_and_as_gb18030_otherwise()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        const string text = "FullName\r\n王伟,李娜,稀土,𠮷田";
        var bom = (byte[])[0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(text)];

        foreach (var bytes in new[] { bom, Encoding.UTF8.GetBytes(text), Encoding.GetEncoding("GB18030").GetBytes(text) })
        {
            var read = CsvTableReader.Read(bytes, name => name == "FullName", 10, CancellationToken.None);
            Assert.Null(read.Error);
            Assert.Equal(["FullName"], Texts(read.Sheets![""][0].Cells));
            Assert.Equal(["王伟", "李娜", "稀土", "𠮷田"], Texts(read.Sheets[""][1].Cells));
        }
    }

    [Fact]
    public void Bytes_that_are_neither_utf8_nor_gb18030_are_not_read()
    {
        var read = CsvTableReader.Read([(byte)'a', (byte)',', 0xFF, 0x80, (byte)'b'], _ => false, 10, CancellationToken.None);

        Assert.Null(read.Sheets);
        Assert.Contains("neither UTF-8 nor GB18030", read.Error);
    }

    [Theory]
    [InlineData("roster.csv", new byte[] { (byte)'M', (byte)'Z', 0x90, 0 }, "Windows program")]
    [InlineData("roster.csv", new byte[] { (byte)'P', (byte)'K', 3, 4, 1 }, "zip archive or an Excel workbook")]
    [InlineData("roster.csv", new byte[] { 0xFF, 0xFE, (byte)'a', 0 }, "UTF-16")]
    [InlineData("roster.csv", new byte[] { (byte)'a', 0, (byte)'b' }, "binary data")]
    [InlineData("roster.xlsx", new byte[] { (byte)'M', (byte)'Z', 0x90, 0 }, "Windows program")]
    [InlineData("roster.xlsx", new byte[] { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1 }, ".xls")]
    [InlineData("roster.xlsx", new byte[] { (byte)'a', (byte)',', (byte)'b' }, "not an Excel workbook")]
    public void Content_that_is_not_what_the_extension_says_is_refused(string fileName, byte[] content, string expected)
    {
        var error = FileInspector.Check(TableFormats.FromFileName(fileName)!.Value, content, RosterLimits.MaxFileBytes);

        Assert.NotNull(error);
        Assert.Contains(expected, error);
    }
}
