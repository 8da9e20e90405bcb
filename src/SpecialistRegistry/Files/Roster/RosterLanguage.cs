using System.Globalization;

namespace SpecialistRegistry.Files.Roster;

/// <summary>
/// The language a roster file is written in: its headers, sheet names, explanations and the labels of fixed
/// values. The import reads either; the export writes the user's.
/// </summary>
public enum RosterLanguage
{
    English,
    Chinese,
}

public static class RosterLanguages
{
    public static readonly CultureInfo ChineseCulture = CultureInfo.GetCultureInfo("zh-CN");
    public static readonly CultureInfo EnglishCulture = CultureInfo.GetCultureInfo("en");

    /// <summary>Chinese for any Chinese culture, English otherwise.</summary>
    public static RosterLanguage Of(CultureInfo culture) =>
        culture.TwoLetterISOLanguageName == "zh" ? RosterLanguage.Chinese : RosterLanguage.English;

    public static CultureInfo Culture(this RosterLanguage language) => language == RosterLanguage.Chinese ? ChineseCulture : EnglishCulture;

    /// <summary>The value a download link carries (?lang=zh-CN or ?lang=en).</summary>
    public static string Code(this RosterLanguage language) => language == RosterLanguage.Chinese ? "zh-CN" : "en";

    /// <summary>The language a ?lang= value names; anything else (or nothing) is the user's own.</summary>
    public static RosterLanguage Parse(string? code, CultureInfo fallback) => code?.Trim().ToLowerInvariant() switch
    {
        "zh" or "zh-cn" or "zh-hans" => RosterLanguage.Chinese,
        "en" or "en-us" or "en-gb" => RosterLanguage.English,
        _ => Of(fallback),
    };
}
