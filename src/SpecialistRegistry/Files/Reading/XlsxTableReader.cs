using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Xml;

namespace SpecialistRegistry.Files.Reading;

/// <summary>
/// Reads the cells of named sheets from an .xlsx, streaming each part with an XmlReader so that only one row's
/// cells are in hand at a time and every part stops at a size limit (a 20 MB upload can unzip to gigabytes).
/// Kept in-house rather than taken from a library because none of the served readers (Open XML SDK,
/// ExcelDataReader, MiniExcel) caps what a part may unzip to or how many shared strings it may hold, and the
/// Open XML SDK also refuses valid workbooks over optional details (see docs/roster-import.md).
/// The package is found the way the Open Packaging Conventions define it — package relationships, then the
/// workbook's — by relationship type, in the transitional or the strict namespaces, with relative or absolute
/// targets and part names in any case. Nothing optional is required: no theme, styles, shared strings,
/// properties or content-type entries.
/// </summary>
public static class XlsxTableReader
{
    private static string NotAWorkbook => FilesText.Get("NotAWorkbookDamaged");

    private static string MacroOrTemplate => FilesText.Get("MacroOrTemplate");

    // Far above a real roster (20,000 people × 20 cells × 60 characters is 24 million), far below what hurts a server.
    private const long MaxCharactersPerPart = 100_000_000;
    private const int MaxSharedStrings = 2_000_000;

    /// <summary>Rows of each requested sheet that exists, keyed by the requested name (any letter case), stopping after <paramref name="maxRows"/> + 2 rows a sheet.</summary>
    public static ReadTables Read(byte[] content, IReadOnlyList<string> sheetNames, int maxRows, CancellationToken ct) =>
        Read(content, name => sheetNames.FirstOrDefault(n => string.Equals(n, name.Trim(), StringComparison.OrdinalIgnoreCase)), maxRows, ct);

    /// <summary>
    /// Rows of each sheet to which <paramref name="keyOf"/> gives a key (null skips the sheet), by that key, stopping
    /// after <paramref name="maxRows"/> + 2 rows a sheet; the first sheet with a key wins.
    /// </summary>
    public static ReadTables Read(byte[] content, Func<string, string?> keyOf, int maxRows, CancellationToken ct)
    {
        try
        {
            using var zip = new ZipArchive(new MemoryStream(content, writable: false), ZipArchiveMode.Read);
            var parts = zip.Entries.Where(e => e.Name.Length > 0)
                .GroupBy(e => e.FullName.TrimStart('/'), StringComparer.OrdinalIgnoreCase)
                .ToDictionary(g => g.Key, g => g.First(), StringComparer.OrdinalIgnoreCase);
            var package = new Package(parts);

            var workbookPath = package.Related("", "_rels/.rels", "officeDocument").FirstOrDefault().Target;
            if (workbookPath is null || !parts.ContainsKey(workbookPath))
                return ReadTables.Failed(NotAWorkbook);
            if (package.IsMacroEnabledOrTemplate(workbookPath))
                return ReadTables.Failed(MacroOrTemplate);

            var workbookRels = package.RelationshipsOf(workbookPath);
            var sheets = package.Sheets(workbookPath, workbookRels);
            var sharedPath = workbookRels.FirstOrDefault(r => r.Type == "sharedStrings").Target;
            var shared = sharedPath is not null && parts.ContainsKey(sharedPath) ? ReadSharedStrings(package.Open(sharedPath), ct) : [];

            var result = new Dictionary<string, List<SourceRow>>(StringComparer.Ordinal);
            var names = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var sheet in sheets)
            {
                if (keyOf(sheet.Name) is not { } key || result.ContainsKey(key) || sheet.Path is null || !parts.ContainsKey(sheet.Path))
                    continue;
                result[key] = ReadRows(package.Open(sheet.Path), shared, maxRows, ct);
                names[key] = sheet.Name.Trim();
            }
            return new ReadTables(result, null, names);
        }
        catch (Exception e) when (e is InvalidDataException or XmlException or IOException or FormatException
                                      or ArgumentException or InvalidOperationException or OverflowException or IndexOutOfRangeException)
        {
            return ReadTables.Failed(NotAWorkbook);
        }
    }

    private static XmlReader OpenXml(Stream stream) => XmlReader.Create(stream, new XmlReaderSettings
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        MaxCharactersInDocument = MaxCharactersPerPart,
        CloseInput = true,
    });

    private readonly record struct Relationship(string Id, string Type, string? Target);

    private readonly record struct SheetRef(string Name, string? Path);

    /// <summary>The zip's parts by name, and the relationship and content-type look-ups of the package.</summary>
    private sealed class Package(Dictionary<string, ZipArchiveEntry> parts)
    {
        public XmlReader Open(string path) => OpenXml(parts[path].Open());

        /// <summary>The relationships in <paramref name="relsPath"/>, targets resolved against <paramref name="sourcePath"/>'s folder.</summary>
        public List<Relationship> Related(string sourcePath, string relsPath, string? type = null)
        {
            var found = new List<Relationship>();
            if (!parts.ContainsKey(relsPath))
                return found;
            using var xml = Open(relsPath);
            while (xml.Read())
            {
                if (xml.NodeType != XmlNodeType.Element || xml.LocalName != "Relationship" || xml.GetAttribute("TargetMode") == "External")
                    continue;
                // Transitional and strict relationship types differ in their namespace part only; the last segment names the kind.
                var kind = (xml.GetAttribute("Type") ?? "").Split('/')[^1];
                if (type is null || kind == type)
                    found.Add(new Relationship(xml.GetAttribute("Id") ?? "", kind, Resolve(sourcePath, xml.GetAttribute("Target"))));
            }
            return found;
        }

        public List<Relationship> RelationshipsOf(string partPath)
        {
            var slash = partPath.LastIndexOf('/');
            var rels = slash < 0 ? $"_rels/{partPath}.rels" : $"{partPath[..slash]}/_rels/{partPath[(slash + 1)..]}.rels";
            return Related(partPath, rels);
        }

        public List<SheetRef> Sheets(string workbookPath, List<Relationship> workbookRels)
        {
            var sheets = new List<SheetRef>();
            using var xml = Open(workbookPath);
            while (xml.Read())
            {
                if (xml.NodeType != XmlNodeType.Element || xml.LocalName != "sheet")
                    continue;
                string? name = null, id = null;
                while (xml.MoveToNextAttribute())
                {
                    if (xml.LocalName == "name" && xml.NamespaceURI.Length == 0)
                        name = xml.Value;
                    else if (xml.LocalName == "id" && xml.NamespaceURI.Length > 0)
                        id = xml.Value;
                }
                xml.MoveToElement();
                var target = workbookRels.FirstOrDefault(r => r.Id == id).Target;
                if (name is not null)
                    sheets.Add(new SheetRef(name, target));
            }
            return sheets;
        }

        /// <summary>
        /// Macro-enabled workbooks and templates say so in the content type of their main part: its override, or
        /// the default for its extension.
        /// </summary>
        public bool IsMacroEnabledOrTemplate(string workbookPath)
        {
            if (!parts.ContainsKey("[Content_Types].xml"))
                return false;
            string? byOverride = null, byDefault = null;
            var extension = Path.GetExtension(workbookPath).TrimStart('.');
            using (var xml = Open("[Content_Types].xml"))
            {
                while (xml.Read())
                {
                    if (xml.NodeType != XmlNodeType.Element)
                        continue;
                    if (xml.LocalName == "Override"
                        && string.Equals((xml.GetAttribute("PartName") ?? "").TrimStart('/'), workbookPath, StringComparison.OrdinalIgnoreCase))
                        byOverride = xml.GetAttribute("ContentType");
                    else if (xml.LocalName == "Default" && string.Equals(xml.GetAttribute("Extension"), extension, StringComparison.OrdinalIgnoreCase))
                        byDefault = xml.GetAttribute("ContentType");
                }
            }
            var type = byOverride ?? byDefault ?? "";
            return type.Contains("macroEnabled", StringComparison.OrdinalIgnoreCase) || type.Contains("template", StringComparison.OrdinalIgnoreCase);
        }

        private static string? Resolve(string sourcePath, string? target)
        {
            if (string.IsNullOrEmpty(target))
                return null;
            target = Uri.UnescapeDataString(target).Replace('\\', '/');
            if (target.StartsWith('/'))
                return Normalize(target.TrimStart('/'));
            var slash = sourcePath.LastIndexOf('/');
            return Normalize(slash < 0 ? target : $"{sourcePath[..slash]}/{target}");
        }

        /// <summary>Removes "." and ".." segments, as a relative target such as ../xl/sheet1.xml needs.</summary>
        private static string Normalize(string path)
        {
            var segments = new List<string>();
            foreach (var segment in path.Split('/'))
            {
                if (segment is "" or ".")
                    continue;
                if (segment == "..")
                {
                    if (segments.Count > 0)
                        segments.RemoveAt(segments.Count - 1);
                    continue;
                }
                segments.Add(segment);
            }
            return string.Join('/', segments);
        }
    }

    private static string[] ReadSharedStrings(XmlReader reader, CancellationToken ct)
    {
        using var _ = reader;
        var strings = new List<string>();
        while (reader.Read())
        {
            if (reader.NodeType != XmlNodeType.Element || reader.LocalName != "si")
                continue;
            if (strings.Count == MaxSharedStrings)
                throw new InvalidDataException("Too many shared strings.");
            if ((strings.Count & 4095) == 0)
                ct.ThrowIfCancellationRequested();
            strings.Add(ReadText(reader));
        }
        return [.. strings];
    }

    /// <summary>
    /// The text of an &lt;si&gt; or &lt;is&gt; element: all its &lt;t&gt; runs, without phonetic guides
    /// (&lt;rPh&gt;), which Excel adds to East Asian text and which are not part of the value.
    /// </summary>
    private static string ReadText(XmlReader reader)
    {
        if (reader.IsEmptyElement)
            return "";
        var depth = reader.Depth;
        string? single = null;
        StringBuilder? many = null;
        reader.Read();
        // Ends on the element's end tag, where the caller's next Read() moves on.
        while (!reader.EOF && reader.Depth > depth)
        {
            if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "rPh")
            {
                reader.Skip();
                continue;
            }
            if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "t")
            {
                var text = reader.ReadElementContentAsString();
                if (single is null)
                {
                    single = text;
                }
                else
                {
                    many ??= new StringBuilder(single);
                    many.Append(text);
                }
                continue;
            }
            reader.Read();
        }
        return many?.ToString() ?? single ?? "";
    }

    private static List<SourceRow> ReadRows(XmlReader reader, string[] shared, int maxRows, CancellationToken ct)
    {
        using var _ = reader;
        var rows = new List<SourceRow>();
        var cells = new List<string>();
        var nextRow = 1;
        while (reader.Read())
        {
            if (reader.NodeType != XmlNodeType.Element || reader.LocalName != "row")
                continue;
            var rowNumber = int.TryParse(reader.GetAttribute("r"), NumberStyles.None, CultureInfo.InvariantCulture, out var r) ? r : nextRow;
            nextRow = rowNumber + 1;
            if (reader.IsEmptyElement)
                continue;
            if ((rows.Count & 1023) == 0)
                ct.ThrowIfCancellationRequested();
            // Stop early on an absurd sheet instead of reading millions of rows into memory; the caller reports the limit.
            if (rows.Count > maxRows + 1)
                break;

            cells.Clear();
            ulong numeric = 0;
            var rowDepth = reader.Depth;
            var nextColumn = 0;
            while (reader.Read() && reader.Depth > rowDepth)
            {
                if (reader.NodeType != XmlNodeType.Element || reader.LocalName != "c")
                    continue;
                var column = ColumnIndex(reader.GetAttribute("r")) ?? nextColumn;
                nextColumn = column + 1;
                var (value, isNumber) = ReadCell(reader, shared);
                if (column > 255)
                    continue;
                while (cells.Count <= column)
                    cells.Add("");
                cells[column] = value ?? "";
                if (isNumber && column < 64)
                    numeric |= 1UL << column;
            }
            rows.Add(new SourceRow(rowNumber, [.. cells], numeric));
        }
        return rows;
    }

    private static (string? Value, bool IsNumber) ReadCell(XmlReader reader, string[] shared)
    {
        var type = reader.GetAttribute("t");
        if (reader.IsEmptyElement)
            return (null, false);
        var depth = reader.Depth;
        string? raw = null;
        string? inline = null;
        reader.Read();
        // Ends on the cell's end tag, where the row loop's next Read() moves on.
        while (!reader.EOF && reader.Depth > depth)
        {
            if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "v")
            {
                raw = reader.ReadElementContentAsString();
                continue;
            }
            if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "is")
                inline = ReadText(reader);
            reader.Read();
        }
        return type switch
        {
            "s" => (shared[int.Parse(raw ?? "", NumberStyles.None, CultureInfo.InvariantCulture)], false),
            "inlineStr" => (inline ?? raw, false),
            "b" => (raw == "1" ? "TRUE" : "FALSE", false),
            "str" or "e" or "d" => (raw, false),
            _ => raw is null ? (null, false) : (NumberText(raw), true),
        };
    }

    /// <summary>A number as a person would type it: 12 rather than 12.0 or 1.2E1.</summary>
    private static string NumberText(string raw)
    {
        if (!double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var d))
            return raw;
        return Math.Abs(d) < 1e15 && d == Math.Floor(d)
            ? ((long)d).ToString(CultureInfo.InvariantCulture)
            : d.ToString("R", CultureInfo.InvariantCulture);
    }

    /// <summary>"AB12" → 27 (zero-based column of a cell reference).</summary>
    private static int? ColumnIndex(string? reference)
    {
        if (string.IsNullOrEmpty(reference))
            return null;
        var index = 0;
        var letters = 0;
        foreach (var ch in reference)
        {
            var upper = char.ToUpperInvariant(ch);
            if (upper is < 'A' or > 'Z')
                break;
            index = (index * 26) + (upper - 'A' + 1);
            if (++letters > 3)
                return null;
        }
        return letters == 0 ? null : index - 1;
    }
}
