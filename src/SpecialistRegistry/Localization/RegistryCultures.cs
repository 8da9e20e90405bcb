using System.Globalization;

namespace SpecialistRegistry.Localization;

/// <summary>The portal's two languages and which one a person gets.</summary>
public static class RegistryCultures
{
    public const string Chinese = "zh-CN";
    public const string English = "en";

    public static readonly IReadOnlyList<string> Supported = [Chinese, English];

    /// <summary>A supported culture name for <paramref name="name"/> (zh, zh-Hans, zh-CN → zh-CN; en-*, en → en), or null.</summary>
    public static string? Normalize(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
            return null;
        var lower = name.Trim().ToLowerInvariant();
        return lower.StartsWith("zh", StringComparison.Ordinal) ? Chinese
            : lower.StartsWith("en", StringComparison.Ordinal) ? English
            : null;
    }

    public static bool IsChinese(CultureInfo culture) => culture.TwoLetterISOLanguageName == "zh";

    /// <summary>The name of a language in that language, as a language switch shows it.</summary>
    public static string NativeName(string culture) => culture == Chinese ? "中文" : "English";
}
