using System.Net;
using System.Text.RegularExpressions;

namespace SpecialistRegistry.Tests.Localization;

/// <summary>
/// What a person reads or hears on a server-rendered page, and the runs of Latin letters in it: on a Chinese page
/// every such run must be data (an e-mail address), a code, a name kept in Latin script (brands), or inside an element marked lang="en".
/// </summary>
internal static partial class HtmlText
{
    /// <summary>Names shown in Latin script in either language: the product, brands, and words Chinese writes in Latin letters.</summary>
    public static readonly IReadOnlyList<string> LatinNames =
        ["SpecialistRegistry", "Microsoft Authenticator", "Google Authenticator", "Android", "iOS", "Cookie", "ID"];

    /// <summary>The text between tags and the attributes that label or describe things, without scripts, styles and codes.</summary>
    public static string Readable(string html)
    {
        var s = Comment().Replace(html, " ");
        s = ScriptOrStyle().Replace(s, " ");
        s = CodeOrKey().Replace(s, " ");   // <code>/<kbd>: recovery codes, keys, request references — data, not text
        s = MarkedEnglish().Replace(s, " ");   // an element that says it is English (the language switch's offer)
        var labels = LabelAttribute().Matches(s).Select(m => m.Groups["value"].Value);
        var text = Tag().Replace(s, " ");
        return WebUtility.HtmlDecode(string.Join(" ", labels.Append(text)));
    }

    /// <summary>The runs of Latin letters left once <paramref name="allowed"/> (and <see cref="LatinNames"/>) are taken out.</summary>
    public static List<string> LatinRuns(string readable, params string[] allowed)
    {
        var s = readable;
        foreach (var name in allowed.Concat(LatinNames).Where(a => a.Length > 0).OrderByDescending(a => a.Length))
            s = s.Replace(name, " ", StringComparison.Ordinal);
        return [.. Latin().Matches(s).Select(m => m.Value).Distinct()];
    }

    [GeneratedRegex("<!--.*?-->", RegexOptions.Singleline)]
    private static partial Regex Comment();

    [GeneratedRegex(@"<(script|style)\b.*?</\1\s*>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex ScriptOrStyle();

    [GeneratedRegex(@"<(code|kbd)\b[^>]*>.*?</\1\s*>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex CodeOrKey();

    [GeneratedRegex(@"<(\w+)\b[^>]*\blang=""en""[^>]*>.*?</\1\s*>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex MarkedEnglish();

    [GeneratedRegex(@"\b(?:placeholder|aria-label|title|alt)\s*=\s*""(?<value>[^""]*)""", RegexOptions.IgnoreCase)]
    private static partial Regex LabelAttribute();

    [GeneratedRegex("<[^>]*>", RegexOptions.Singleline)]
    private static partial Regex Tag();

    [GeneratedRegex("[A-Za-z]+")]
    private static partial Regex Latin();
}
