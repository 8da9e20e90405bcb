namespace SpecialistRegistry.Files.Reading;

/// <summary>
/// Decides what an upload really is before any parser sees it: the extension says what the user means, the
/// first bytes say what the file is. A mismatch is refused with a message that names what was found.
/// </summary>
public static class FileInspector
{
    private static readonly (byte[] Magic, string What)[] KnownBinaries =
    [
        ("MZ"u8.ToArray(), "a Windows program"),
        ([0x7F, (byte)'E', (byte)'L', (byte)'F'], "a program"),
        ("%PDF"u8.ToArray(), "a PDF document"),
        ([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1], "an old-style Office file (.xls or .doc)"),
        ([0x89, (byte)'P', (byte)'N', (byte)'G'], "a PNG image"),
        ([0xFF, 0xD8, 0xFF], "a JPEG image"),
        ("GIF8"u8.ToArray(), "a GIF image"),
        ([0x1F, 0x8B], "a gzip archive"),
        ("Rar!"u8.ToArray(), "a RAR archive"),
        ([(byte)'7', (byte)'z', 0xBC, 0xAF], "a 7-Zip archive"),
    ];

    private static readonly byte[] ZipMagic = [(byte)'P', (byte)'K', 3, 4];

    /// <summary>Null when the content fits the format and the size limit; otherwise a message for the person who uploaded it.</summary>
    public static string? Check(TableFormat format, ReadOnlySpan<byte> content, long maxBytes, string what = "file")
    {
        if (content.IsEmpty)
            return "The file is empty.";
        if (content.Length > maxBytes)
            return TooLarge(content.Length, maxBytes, what);
        string? binary = null;
        foreach (var (magic, kind) in KnownBinaries)
        {
            if (content.StartsWith(magic))
            {
                binary = kind;
                break;
            }
        }
        if (format == TableFormat.Xlsx)
        {
            if (content.StartsWith(ZipMagic))
                return null;
            return binary is not null
                ? $"This file is {binary}, not an Excel workbook, although its name ends in .xlsx."
                : "This file is not an Excel workbook (.xlsx), although its name says so. In Excel, use File › Save As › Excel Workbook (.xlsx).";
        }

        if (content.StartsWith(ZipMagic))
            return "This file is a zip archive or an Excel workbook, not CSV text. If it is a workbook, name it .xlsx.";
        if (binary is not null)
            return $"This file is {binary}, not CSV text.";
        if (content.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || content.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
            return "This CSV is saved as Unicode (UTF-16) text. Save it as \"CSV UTF-8 (Comma delimited)\" and upload it again.";
        if (content.IndexOf((byte)0) >= 0)
            return "This file contains binary data, not CSV text.";
        return null;
    }

    /// <summary>Says how large the file is against the limit; <paramref name="what"/> names what it holds ("roster").</summary>
    public static string TooLarge(long bytes, long maxBytes, string what) =>
        $"The file is {Describe(bytes)}; the limit is {Describe(maxBytes)}. Split the {what} into several files.";

    public static string Describe(long bytes) => bytes >= 1024 * 1024
        ? $"{bytes / (1024.0 * 1024):0.#} MB"
        : $"{Math.Max(1, bytes / 1024)} KB";
}
