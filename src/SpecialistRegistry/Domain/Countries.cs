using System.Globalization;

namespace SpecialistRegistry.Domain;

/// <summary>
/// Country names in English and Simplified Chinese, from the ICU data the runtime carries, so that "中国",
/// "China" and "china" are one country. Stored values are the English name (what the registry has always
/// held); a name that is no known country is kept as it was typed. Files and screens in Chinese show the
/// Chinese name.
/// </summary>
public static class Countries
{
    private static readonly Lazy<(Dictionary<string, string> Canonical, Dictionary<string, string> Chinese)> Table = new(Build);

    // Names people write that ICU does not list under the English or Chinese name.
    private static readonly (string Alias, string English)[] Aliases =
    [
        ("中华人民共和国", "China"), ("PRC", "China"), ("P.R. China", "China"), ("People's Republic of China", "China"),
        ("USA", "United States"), ("U.S.A.", "United States"), ("US", "United States"), ("United States of America", "United States"), ("美利坚合众国", "United States"),
        ("UK", "United Kingdom"), ("Great Britain", "United Kingdom"), ("Britain", "United Kingdom"),
        ("Korea", "South Korea"), ("Republic of Korea", "South Korea"), ("韩国", "South Korea"),
        ("Hong Kong", "Hong Kong SAR China"), ("中国香港", "Hong Kong SAR China"), ("香港", "Hong Kong SAR China"),
        ("Macau", "Macao SAR China"), ("Macao", "Macao SAR China"), ("中国澳门", "Macao SAR China"), ("澳门", "Macao SAR China"),
        ("中国台湾", "Taiwan"), ("台湾", "Taiwan"), ("Russian Federation", "Russia"),
    ];

    /// <summary>The stored form of a country name: the English name of a known country, else the text as typed (trimmed).</summary>
    public static string Canonical(string? name)
    {
        var trimmed = (name ?? "").Trim();
        return Table.Value.Canonical.TryGetValue(Key(trimmed), out var english) ? english : trimmed;
    }

    /// <summary>How a stored country name reads in <paramref name="culture"/>: Chinese for a known country in a Chinese culture.</summary>
    public static string Display(string? stored, CultureInfo culture)
    {
        var name = stored ?? "";
        return culture.TwoLetterISOLanguageName == "zh" && Table.Value.Chinese.TryGetValue(name, out var chinese) ? chinese : name;
    }

    public static string Display(string? stored) => Display(stored, CultureInfo.CurrentUICulture);

    private static string Key(string name) =>
        new([.. name.Where(ch => char.IsLetterOrDigit(ch)).Select(char.ToLowerInvariant)]);

    private static (Dictionary<string, string>, Dictionary<string, string>) Build()
    {
        var canonical = new Dictionary<string, string>(StringComparer.Ordinal);
        var chinese = new Dictionary<string, string>(StringComparer.Ordinal);
        var ui = CultureInfo.CurrentUICulture;
        try
        {
            // A culture's display name is given in the current UI culture: 英语（美国） names the region in Chinese.
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("zh-CN");
            foreach (var culture in CultureInfo.GetCultures(CultureTypes.SpecificCultures).OrderBy(c => c.Name, StringComparer.Ordinal))
            {
                RegionInfo region;
                try
                {
                    region = new RegionInfo(culture.Name);
                }
                catch (ArgumentException)
                {
                    continue;
                }
                var english = region.EnglishName;
                if (english.Length == 0 || chinese.ContainsKey(english))
                    continue;
                var display = culture.DisplayName;
                var open = display.IndexOf('（');
                var close = display.LastIndexOf('）');
                if (open < 0 || close <= open)
                    continue;
                var name = display[(open + 1)..close].Split('，')[^1].Trim();
                if (name.Length == 0)
                    continue;
                chinese[english] = name;
                canonical.TryAdd(Key(english), english);
                canonical.TryAdd(Key(name), english);
            }
        }
        finally
        {
            CultureInfo.CurrentUICulture = ui;
        }
        foreach (var (alias, english) in Aliases)
            canonical[Key(alias)] = english;
        return (canonical, chinese);
    }
}
