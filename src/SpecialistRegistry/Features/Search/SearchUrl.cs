using System.Globalization;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Primitives;
using SpecialistRegistry.Domain;

namespace SpecialistRegistry.Features.Search;

/// <summary>
/// The whole query in the URL, so a link reproduces the search. Reading is forgiving: a value that does not
/// parse (a hand-edited or truncated link) is dropped rather than turned into an error.
/// </summary>
public static class SearchUrl
{
    public const string Path = "/search";

    public static string For(SearchQuery q) => QueryHelpers.AddQueryString(Path, Pairs(q));

    public static string QueryString(SearchQuery q) => QueryHelpers.AddQueryString("", Pairs(q));

    public static IEnumerable<KeyValuePair<string, string?>> Pairs(SearchQuery q)
    {
        if (!string.IsNullOrWhiteSpace(q.Text)) yield return new("q", q.Text);
        foreach (var v in q.Firms) yield return new("firm", v.ToString());
        foreach (var v in q.Segments) yield return new("segment", v.ToString());
        foreach (var v in q.Areas) yield return new("area", v.ToString());
        if (q.MinLevel is { } level) yield return new("level", level.ToString());
        foreach (var v in q.Degrees) yield return new("degree", v.ToString());
        foreach (var v in q.Custody) yield return new("custody", v.ToString());
        foreach (var v in q.Flags) yield return new("flags", v.ToString());
        foreach (var v in q.Nationalities) yield return new("nationality", v);
        if (q.ExpiringWithinDays is { } days) yield return new("expiring", days.ToString(CultureInfo.InvariantCulture));
        if (q.HiredAfter is { } hired) yield return new("hiredAfter", hired.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        if (q.Sort != SearchSort.Name) yield return new("sort", q.Sort.ToString());
        if (q.Descending) yield return new("desc", "true");
        if (q.Page > 1) yield return new("page", q.Page.ToString(CultureInfo.InvariantCulture));
        if (q.PageSize != 50) yield return new("size", q.PageSize.ToString(CultureInfo.InvariantCulture));
    }

    public static SearchQuery Parse(string uriOrQuery)
    {
        var at = uriOrQuery.IndexOf('?');
        return Parse(QueryHelpers.ParseQuery(at < 0 ? "" : uriOrQuery[at..]));
    }

    public static SearchQuery Parse(IDictionary<string, StringValues> values)
    {
        StringValues Get(string key) => values.TryGetValue(key, out var v) ? v : StringValues.Empty;
        List<T> Enums<T>(string key) where T : struct, Enum =>
            Get(key).Select(s => Enum.TryParse<T>(s, ignoreCase: true, out var e) && Enum.IsDefined(e) ? (T?)e : null)
                .OfType<T>().Distinct().ToList();
        int? Int(string key) => int.TryParse(Get(key).FirstOrDefault(), NumberStyles.None, CultureInfo.InvariantCulture, out var i) ? i : null;

        var level = Enums<ExpertiseLevel>("level");
        var sort = Enums<SearchSort>("sort");
        return new SearchQuery
        {
            Text = Get("q").FirstOrDefault(),
            Firms = Get("firm").Select(s => Guid.TryParse(s, out var g) ? (Guid?)g : null).OfType<Guid>().Distinct().ToList(),
            Segments = Enums<IndustrySegment>("segment"),
            Areas = Enums<ExpertiseArea>("area"),
            MinLevel = level.Count > 0 ? level[0] : null,
            Degrees = Enums<Degree>("degree"),
            Custody = Enums<CustodyFacet>("custody"),
            Flags = Enums<SearchFlagState>("flags"),
            Nationalities = Get("nationality").OfType<string>().Where(s => s.Length is > 0 and <= 60).Distinct().ToList(),
            ExpiringWithinDays = Int("expiring") is { } d && d <= 3650 ? d : null,
            HiredAfter = DateOnly.TryParseExact(Get("hiredAfter").FirstOrDefault(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var h) ? h : null,
            Sort = sort.Count > 0 ? sort[0] : SearchSort.Name,
            Descending = Get("desc").FirstOrDefault() == "true",
            Page = Int("page") is { } p && p >= 1 ? Math.Min(p, 100_000) : 1,
            PageSize = Int("size") is { } s && SearchQuery.PageSizes.Contains(s) ? s : 50,
        };
    }
}
