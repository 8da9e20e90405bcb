using System.Text;

namespace SpecialistRegistry.Features.Roster.Import;

internal enum RosterFileFormat
{
    Csv,
    Xlsx,
}

/// <summary>
/// Decides what an upload really is before any parser sees it: the extension says what the user means, the
/// first bytes say what the file is. A mismatch is refused with a message that names what was found.
/// </summary>
internal static class FileInspector
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

    public static RosterFileFormat? FormatOf(string fileName) => Path.GetExtension(fileName).ToLowerInvariant() switch
    {
        ".csv" => RosterFileFormat.Csv,
        ".xlsx" => RosterFileFormat.Xlsx,
        _ => null,
    };

    /// <summary>Null when the content fits the format; otherwise a message for the person who uploaded it.</summary>
    public static string? Check(RosterFileFormat format, ReadOnlySpan<byte> content)
    {
        if (content.IsEmpty)
            return "The file is empty.";
        if (content.Length > RosterLimits.MaxFileBytes)
            return TooLarge(content.Length);
        string? binary = null;
        foreach (var (magic, what) in KnownBinaries)
        {
            if (content.StartsWith(magic))
            {
                binary = what;
                break;
            }
        }
        if (format == RosterFileFormat.Xlsx)
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

    public static string TooLarge(long bytes) =>
        $"The file is {RosterLimits.Describe(bytes)}; the limit is {RosterLimits.Describe(RosterLimits.MaxFileBytes)}. Split the roster into several files.";
}

/// <summary>
/// Turns CSV bytes into text without asking the user which encoding they used: a UTF-8 BOM means UTF-8, bytes
/// that are valid UTF-8 are UTF-8, and anything else is read as GB18030 (what Excel writes on a Chinese-locale
/// Windows). Text that is neither is refused rather than imported as mojibake.
/// </summary>
internal static class CsvTextDecoder
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
    private static readonly Encoding StrictGb18030;

    static CsvTextDecoder()
    {
        // GB18030 lives in the code-pages provider, which .NET does not register by default.
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        StrictGb18030 = Encoding.GetEncoding("GB18030", EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
    }

    public static bool TryDecode(byte[] content, out string text, out string encodingName)
    {
        ReadOnlySpan<byte> bytes = content;
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            encodingName = "UTF-8";
            return TryGetString(StrictUtf8, bytes[3..], out text);
        }
        if (TryGetString(StrictUtf8, bytes, out text))
        {
            encodingName = "UTF-8";
            return true;
        }
        encodingName = "GB18030";
        return TryGetString(StrictGb18030, bytes, out text);
    }

    private static bool TryGetString(Encoding encoding, ReadOnlySpan<byte> bytes, out string text)
    {
        try
        {
            text = encoding.GetString(bytes);
            return true;
        }
        catch (DecoderFallbackException)
        {
            text = "";
            return false;
        }
    }
}
