using System.Globalization;
using System.Resources;

namespace SpecialistRegistry.Files;

/// <summary>
/// The file readers' messages (a file that is not what its name says, broken quoting, a damaged workbook) in
/// the current UI culture, from FilesText.resx / FilesText.zh-CN.resx. The readers are static helpers, hence a
/// <see cref="ResourceManager"/> rather than an injected localizer.
/// </summary>
public static class FilesText
{
    private static readonly ResourceManager Texts = new("SpecialistRegistry.Files.FilesText", typeof(FilesText).Assembly);

    public static string Get(string key, params object?[] args)
    {
        var text = Texts.GetString(key, CultureInfo.CurrentUICulture) ?? throw new InvalidOperationException($"FilesText has no text {key}.");
        return args.Length == 0 ? text : string.Format(CultureInfo.CurrentCulture, text, args);
    }
}
