using System.Text;

namespace SpecialistRegistry.Files.Reading;

/// <summary>
/// Tells how CSV bytes are encoded without asking the user: a UTF-8 BOM means UTF-8, bytes that are valid UTF-8
/// are UTF-8, and anything else is read as GB18030 (what Excel writes on a Chinese-locale Windows). Text that is
/// neither is refused rather than imported as mojibake.
/// </summary>
public static class CsvTextDecoder
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
    private static readonly Encoding StrictGb18030;

    static CsvTextDecoder()
    {
        // GB18030 lives in the code-pages provider, which .NET does not register by default.
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        StrictGb18030 = Encoding.GetEncoding("GB18030", EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
    }

    /// <summary>True for UTF-8 (with or without BOM): the bytes can be read as they are.</summary>
    public static bool IsUtf8(ReadOnlySpan<byte> content) => System.Text.Unicode.Utf8.IsValid(content);

    /// <summary>The text of GB18030 bytes, or false when they are not valid GB18030 either.</summary>
    public static bool TryDecodeGb18030(ReadOnlySpan<byte> content, out string text)
    {
        try
        {
            text = StrictGb18030.GetString(content);
            return true;
        }
        catch (DecoderFallbackException)
        {
            text = "";
            return false;
        }
    }
}
