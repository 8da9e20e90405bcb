namespace SpecialistRegistry.Files.Reading;

/// <summary>
/// Decides what an upload really is before any parser sees it: the extension says what the user means, the
/// first bytes say what the file is. A mismatch is refused with a message that names what was found.
/// </summary>
public static class FileInspector
{
    // The kinds are FilesText keys: the message says what the file is in the reader's language.
    private static readonly (byte[] Magic, string KindKey)[] KnownBinaries =
    [
        ("MZ"u8.ToArray(), "Kind_WindowsProgram"),
        ([0x7F, (byte)'E', (byte)'L', (byte)'F'], "Kind_Program"),
        ("%PDF"u8.ToArray(), "Kind_Pdf"),
        ([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1], "Kind_OldOffice"),
        ([0x89, (byte)'P', (byte)'N', (byte)'G'], "Kind_Png"),
        ([0xFF, 0xD8, 0xFF], "Kind_Jpeg"),
        ("GIF8"u8.ToArray(), "Kind_Gif"),
        ([0x1F, 0x8B], "Kind_Gzip"),
        ("Rar!"u8.ToArray(), "Kind_Rar"),
        ([(byte)'7', (byte)'z', 0xBC, 0xAF], "Kind_SevenZip"),
    ];

    private static readonly byte[] ZipMagic = [(byte)'P', (byte)'K', 3, 4];

    /// <summary>Null when the content fits the format and the size limit; otherwise a message for the person who uploaded it.</summary>
    public static string? Check(TableFormat format, ReadOnlySpan<byte> content, long maxBytes)
    {
        if (content.IsEmpty)
            return FilesText.Get("FileEmpty");
        if (content.Length > maxBytes)
            return TooLarge(content.Length, maxBytes);
        string? binary = null;
        foreach (var (magic, kind) in KnownBinaries)
        {
            if (content.StartsWith(magic))
            {
                binary = FilesText.Get(kind);
                break;
            }
        }
        if (format == TableFormat.Xlsx)
        {
            if (content.StartsWith(ZipMagic))
                return null;
            return binary is not null
                ? FilesText.Get("BinaryNotWorkbook", binary)
                : FilesText.Get("NotAWorkbookByName");
        }

        if (content.StartsWith(ZipMagic))
            return FilesText.Get("ZipNotCsv");
        if (binary is not null)
            return FilesText.Get("BinaryNotCsv", binary);
        if (content.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || content.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
            return FilesText.Get("Utf16Csv");
        if (content.IndexOf((byte)0) >= 0)
            return FilesText.Get("BinaryData");
        return null;
    }

    /// <summary>Says how large the file is against the limit.</summary>
    public static string TooLarge(long bytes, long maxBytes) => FilesText.Get("FileTooLarge", Describe(bytes), Describe(maxBytes));

    public static string Describe(long bytes) => bytes >= 1024 * 1024
        ? $"{bytes / (1024.0 * 1024):0.#} MB"
        : $"{Math.Max(1, bytes / 1024)} KB";
}
