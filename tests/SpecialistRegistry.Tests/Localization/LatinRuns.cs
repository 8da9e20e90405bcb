using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;

namespace SpecialistRegistry.Tests.Localization;

/// <summary>
/// Finds English left on a page rendered in Chinese: the runs of Latin letters in its visible text and accessible
/// names (aria-label, title, placeholder, alt) once the page's own data (names, firms, codes) and the few words
/// that are the same in both languages (the brand, UTC, CSV…) are taken out.
/// </summary>
public static partial class LatinRuns
{
    private static readonly HashSet<string> SameInBothLanguages = ["SpecialistRegistry", "UTC", "CSV", "Excel", "ID"];
    private static readonly string[] NamingAttributes = ["aria-label", "title", "placeholder", "alt"];

    /// <param name="skip">CSS selectors of parts another area owns (left out of the scan).</param>
    public static IReadOnlyList<string> In(string markup, IEnumerable<string> data, params string[] skip)
    {
        var document = new HtmlParser().ParseDocument(markup);
        foreach (var element in document.QuerySelectorAll(string.Join(", ", skip.Append("script").Append("style"))).ToList())
            element.Remove();
        var texts = new List<string> { document.Body?.TextContent ?? "" };
        texts.AddRange(document.All.SelectMany(e => NamingAttributes.Select(e.GetAttribute)).OfType<string>());
        var text = string.Join("\n", texts);
        foreach (var value in data.Where(d => d.Length > 0).OrderByDescending(d => d.Length))
            text = text.Replace(value, " ", StringComparison.Ordinal);
        // Each run with a little of what surrounds it, so a failure says where the English is.
        return Word().Matches(text).Where(m => !SameInBothLanguages.Contains(m.Value))
            .Select(m => $"{m.Value} in “{Around(text, m.Index, m.Length)}”").Distinct().ToList();
    }

    private static string Around(string text, int at, int length)
    {
        var start = Math.Max(0, at - 20);
        return text[start..Math.Min(text.Length, at + length + 20)].ReplaceLineEndings(" ");
    }

    [GeneratedRegex("[A-Za-z]{2,}")]
    private static partial Regex Word();
}
