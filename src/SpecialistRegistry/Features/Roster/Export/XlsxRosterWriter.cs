using System.IO.Compression;
using System.Xml;
using SpecialistRegistry.Features.Roster.Import;

namespace SpecialistRegistry.Features.Roster.Export;

/// <summary>
/// Writes the roster as an .xlsx: a "Read me" sheet, then Specialists, Expertise, Education and Research.
/// Written straight into a zip with an XmlWriter (the minimal SpreadsheetML package, inline strings), which
/// streams row by row; the tests check the result with the Open XML SDK's validator.
/// Text columns carry the text number format, so Excel keeps employee numbers such as 00123 as typed.
/// </summary>
public static class XlsxRosterWriter
{
    private const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private const string Relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private const string PackageRelationships = "http://schemas.openxmlformats.org/package/2006/relationships";

    private const int StyleHeader = 1;
    private const int StyleText = 2;
    private const int StyleWrapped = 3;

    private static readonly HashSet<string> NumberColumns = ["Years", "GraduationYear", "Year"];

    private sealed record SheetRow(IReadOnlyList<string> Cells);

    public static void Write(Stream output, IReadOnlyList<RosterPerson> people, CancellationToken ct)
    {
        using var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true);
        var sheets = new List<string> { RosterFormat.ReadMeSheet };
        sheets.AddRange(RosterFormat.XlsxSheets.Select(s => s.Sheet));
        WritePackageParts(zip, sheets);

        WriteReadMe(zip, 1);
        var index = 2;
        foreach (var (sheet, columns) in RosterFormat.XlsxSheets)
        {
            ct.ThrowIfCancellationRequested();
            WriteSheet(zip, index++, columns, RowsOf(sheet, people));
        }
    }

    private static IEnumerable<IReadOnlyList<string>> RowsOf(string sheet, IReadOnlyList<RosterPerson> people) => sheet switch
    {
        RosterFormat.SpecialistsSheet => people.Select(RosterCells.Specialist),
        RosterFormat.ExpertiseSheet => people.SelectMany(p => p.Expertise.Select(e => Keyed(p, RosterCells.Fields(e)))),
        RosterFormat.EducationSheet => people.SelectMany(p => p.Education.Select(e => Keyed(p, RosterCells.Fields(e)))),
        _ => people.SelectMany(p => p.Research.Select(r => Keyed(p, RosterCells.Fields(r)))),
    };

    private static string[] Keyed(RosterPerson p, string[] fields) =>
        [RosterCells.Text(p.EmployeeNumber), .. fields.Select(RosterCells.Text)];

    private static void WriteSheet(ZipArchive zip, int index, IReadOnlyList<RosterColumn> columns, IEnumerable<IReadOnlyList<string>> rows)
    {
        using var xml = Part(zip, $"xl/worksheets/sheet{index}.xml");
        xml.WriteStartElement("worksheet", Main);
        FrozenHeader(xml);
        xml.WriteStartElement("cols", Main);
        for (var c = 0; c < columns.Count; c++)
        {
            var numeric = NumberColumns.Contains(columns[c].Name);
            Column(xml, c, Math.Clamp(columns[c].Name.Length + 4, 12, 40), numeric ? null : StyleText);
        }
        xml.WriteEndElement();
        xml.WriteStartElement("sheetData", Main);
        var rowNumber = 1;
        Row(xml, rowNumber++, columns.Select(c => c.Name).ToList(), _ => StyleHeader, _ => false);
        foreach (var cells in rows)
            Row(xml, rowNumber++, cells, c => StyleText, c => NumberColumns.Contains(columns[c].Name));
        xml.WriteEndElement();
        xml.WriteEndElement();
    }

    private static void WriteReadMe(ZipArchive zip, int index)
    {
        using var xml = Part(zip, $"xl/worksheets/sheet{index}.xml");
        xml.WriteStartElement("worksheet", Main);
        xml.WriteStartElement("cols", Main);
        Column(xml, 0, 14, null);
        Column(xml, 1, 24, null);
        Column(xml, 2, 10, null);
        Column(xml, 3, 110, StyleWrapped);
        xml.WriteEndElement();
        xml.WriteStartElement("sheetData", Main);
        var r = 1;
        foreach (var line in RosterReadMe.Lines)
        {
            var style = r == 1 ? StyleHeader : 0;
            Row(xml, r++, [line], _ => style, _ => false);
        }
        r++;
        Row(xml, r++, ["Sheet", "Column", "Required", "Explanation"], _ => StyleHeader, _ => false);
        foreach (var (sheet, columns) in RosterFormat.XlsxSheets)
        {
            foreach (var column in columns)
                Row(xml, r++, [sheet, column.Name, column.Required ? "yes" : "", column.Explanation], c => c == 3 ? StyleWrapped : 0, _ => false);
        }
        xml.WriteEndElement();
        xml.WriteEndElement();
    }

    private static void FrozenHeader(XmlWriter xml)
    {
        xml.WriteStartElement("sheetViews", Main);
        xml.WriteStartElement("sheetView", Main);
        xml.WriteAttributeString("workbookViewId", "0");
        xml.WriteStartElement("pane", Main);
        xml.WriteAttributeString("ySplit", "1");
        xml.WriteAttributeString("topLeftCell", "A2");
        xml.WriteAttributeString("activePane", "bottomLeft");
        xml.WriteAttributeString("state", "frozen");
        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.WriteEndElement();
    }

    private static void Column(XmlWriter xml, int index, int width, int? style)
    {
        xml.WriteStartElement("col", Main);
        xml.WriteAttributeString("min", (index + 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
        xml.WriteAttributeString("max", (index + 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
        xml.WriteAttributeString("width", width.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (style is { } s)
            xml.WriteAttributeString("style", s.ToString(System.Globalization.CultureInfo.InvariantCulture));
        xml.WriteAttributeString("customWidth", "1");
        xml.WriteEndElement();
    }

    private static void Row(XmlWriter xml, int number, IReadOnlyList<string> cells, Func<int, int> style, Func<int, bool> numeric)
    {
        var rowText = number.ToString(System.Globalization.CultureInfo.InvariantCulture);
        xml.WriteStartElement("row", Main);
        xml.WriteAttributeString("r", rowText);
        for (var c = 0; c < cells.Count; c++)
        {
            var value = cells[c];
            if (value.Length == 0)
                continue;
            xml.WriteStartElement("c", Main);
            xml.WriteAttributeString("r", ColumnName(c) + rowText);
            var s = style(c);
            if (numeric(c))
            {
                xml.WriteElementString("v", Main, value);
            }
            else
            {
                if (s != 0)
                    xml.WriteAttributeString("s", s.ToString(System.Globalization.CultureInfo.InvariantCulture));
                xml.WriteAttributeString("t", "inlineStr");
                xml.WriteStartElement("is", Main);
                xml.WriteStartElement("t", Main);
                if (char.IsWhiteSpace(value[0]) || char.IsWhiteSpace(value[^1]))
                    xml.WriteAttributeString("xml", "space", null, "preserve");
                xml.WriteString(XmlSafe(value));
                xml.WriteEndElement();
                xml.WriteEndElement();
            }
            xml.WriteEndElement();
        }
        xml.WriteEndElement();
    }

    /// <summary>XML 1.0 cannot carry most control characters; a stray one in a stored value must not break the export.</summary>
    private static string XmlSafe(string value) =>
        value.All(XmlConvert.IsXmlChar) ? value : new string([.. value.Where(XmlConvert.IsXmlChar)]);

    public static string ColumnName(int index)
    {
        var name = "";
        for (var n = index + 1; n > 0; n = (n - 1) / 26)
            name = (char)('A' + ((n - 1) % 26)) + name;
        return name;
    }

    private static XmlWriter Part(ZipArchive zip, string path)
    {
        var entry = zip.CreateEntry(path, CompressionLevel.Fastest);
        return XmlWriter.Create(entry.Open(), new XmlWriterSettings { Encoding = new System.Text.UTF8Encoding(false), CloseOutput = true });
    }

    private static void WritePackageParts(ZipArchive zip, IReadOnlyList<string> sheets)
    {
        using (var xml = Part(zip, "[Content_Types].xml"))
        {
            const string ns = "http://schemas.openxmlformats.org/package/2006/content-types";
            xml.WriteStartElement("Types", ns);
            Default(xml, ns, "rels", "application/vnd.openxmlformats-package.relationships+xml");
            Default(xml, ns, "xml", "application/xml");
            Override(xml, ns, "/xl/workbook.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml");
            Override(xml, ns, "/xl/styles.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml");
            for (var i = 1; i <= sheets.Count; i++)
                Override(xml, ns, $"/xl/worksheets/sheet{i}.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml");
            xml.WriteEndElement();
        }
        using (var xml = Part(zip, "_rels/.rels"))
        {
            xml.WriteStartElement("Relationships", PackageRelationships);
            Relationship(xml, "rId1", "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument", "xl/workbook.xml");
            xml.WriteEndElement();
        }
        using (var xml = Part(zip, "xl/workbook.xml"))
        {
            xml.WriteStartElement("workbook", Main);
            xml.WriteAttributeString("xmlns", "r", null, Relationships);
            xml.WriteStartElement("sheets", Main);
            for (var i = 1; i <= sheets.Count; i++)
            {
                xml.WriteStartElement("sheet", Main);
                xml.WriteAttributeString("name", sheets[i - 1]);
                xml.WriteAttributeString("sheetId", i.ToString(System.Globalization.CultureInfo.InvariantCulture));
                xml.WriteAttributeString("id", Relationships, $"rId{i}");
                xml.WriteEndElement();
            }
            xml.WriteEndElement();
            xml.WriteEndElement();
        }
        using (var xml = Part(zip, "xl/_rels/workbook.xml.rels"))
        {
            xml.WriteStartElement("Relationships", PackageRelationships);
            for (var i = 1; i <= sheets.Count; i++)
                Relationship(xml, $"rId{i}", "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet", $"worksheets/sheet{i}.xml");
            Relationship(xml, $"rId{sheets.Count + 1}", "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles", "styles.xml");
            xml.WriteEndElement();
        }
        using (var xml = Part(zip, "xl/styles.xml"))
            WriteStyles(xml);
    }

    // Cell formats: 0 general, 1 bold text (header), 2 text ("@", so Excel keeps 00123 and +86 as typed), 3 wrapped.
    private static void WriteStyles(XmlWriter xml)
    {
        xml.WriteStartElement("styleSheet", Main);
        xml.WriteStartElement("fonts", Main);
        xml.WriteAttributeString("count", "2");
        Font(xml, bold: false);
        Font(xml, bold: true);
        xml.WriteEndElement();
        xml.WriteStartElement("fills", Main);
        xml.WriteAttributeString("count", "2");
        foreach (var pattern in new[] { "none", "gray125" })
        {
            xml.WriteStartElement("fill", Main);
            xml.WriteStartElement("patternFill", Main);
            xml.WriteAttributeString("patternType", pattern);
            xml.WriteEndElement();
            xml.WriteEndElement();
        }
        xml.WriteEndElement();
        xml.WriteStartElement("borders", Main);
        xml.WriteAttributeString("count", "1");
        xml.WriteStartElement("border", Main);
        foreach (var side in new[] { "left", "right", "top", "bottom", "diagonal" })
            xml.WriteElementString(side, Main, null);
        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.WriteStartElement("cellStyleXfs", Main);
        xml.WriteAttributeString("count", "1");
        Xf(xml, numberFormat: 0, font: 0, inCellXfs: false, wrap: false);
        xml.WriteEndElement();
        xml.WriteStartElement("cellXfs", Main);
        xml.WriteAttributeString("count", "4");
        Xf(xml, numberFormat: 0, font: 0, inCellXfs: true, wrap: false);
        Xf(xml, numberFormat: 49, font: 1, inCellXfs: true, wrap: false);
        Xf(xml, numberFormat: 49, font: 0, inCellXfs: true, wrap: false);
        Xf(xml, numberFormat: 0, font: 0, inCellXfs: true, wrap: true);
        xml.WriteEndElement();
        xml.WriteStartElement("cellStyles", Main);
        xml.WriteAttributeString("count", "1");
        xml.WriteStartElement("cellStyle", Main);
        xml.WriteAttributeString("name", "Normal");
        xml.WriteAttributeString("xfId", "0");
        xml.WriteAttributeString("builtinId", "0");
        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.WriteEndElement();
    }

    private static void Font(XmlWriter xml, bool bold)
    {
        xml.WriteStartElement("font", Main);
        if (bold)
            xml.WriteElementString("b", Main, null);
        xml.WriteStartElement("sz", Main);
        xml.WriteAttributeString("val", "11");
        xml.WriteEndElement();
        xml.WriteStartElement("name", Main);
        xml.WriteAttributeString("val", "Calibri");
        xml.WriteEndElement();
        xml.WriteEndElement();
    }

    private static void Xf(XmlWriter xml, int numberFormat, int font, bool inCellXfs, bool wrap)
    {
        xml.WriteStartElement("xf", Main);
        xml.WriteAttributeString("numFmtId", numberFormat.ToString(System.Globalization.CultureInfo.InvariantCulture));
        xml.WriteAttributeString("fontId", font.ToString(System.Globalization.CultureInfo.InvariantCulture));
        xml.WriteAttributeString("fillId", "0");
        xml.WriteAttributeString("borderId", "0");
        if (inCellXfs)
        {
            xml.WriteAttributeString("xfId", "0");
            if (numberFormat != 0)
                xml.WriteAttributeString("applyNumberFormat", "1");
            if (font != 0)
                xml.WriteAttributeString("applyFont", "1");
            if (wrap)
                xml.WriteAttributeString("applyAlignment", "1");
        }
        if (wrap)
        {
            xml.WriteStartElement("alignment", Main);
            xml.WriteAttributeString("vertical", "top");
            xml.WriteAttributeString("wrapText", "1");
            xml.WriteEndElement();
        }
        xml.WriteEndElement();
    }

    private static void Default(XmlWriter xml, string ns, string extension, string contentType)
    {
        xml.WriteStartElement("Default", ns);
        xml.WriteAttributeString("Extension", extension);
        xml.WriteAttributeString("ContentType", contentType);
        xml.WriteEndElement();
    }

    private static void Override(XmlWriter xml, string ns, string part, string contentType)
    {
        xml.WriteStartElement("Override", ns);
        xml.WriteAttributeString("PartName", part);
        xml.WriteAttributeString("ContentType", contentType);
        xml.WriteEndElement();
    }

    private static void Relationship(XmlWriter xml, string id, string type, string target)
    {
        xml.WriteStartElement("Relationship", PackageRelationships);
        xml.WriteAttributeString("Id", id);
        xml.WriteAttributeString("Type", type);
        xml.WriteAttributeString("Target", target);
        xml.WriteEndElement();
    }
}
