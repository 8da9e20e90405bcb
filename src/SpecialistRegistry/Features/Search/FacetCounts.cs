using SpecialistRegistry.Domain;

namespace SpecialistRegistry.Features.Search;

/// <summary>
/// How many of the current result fall under each facet value, indexed by the enums' values; counted by the
/// in-memory index or by SQL, and turned into the page's labelled lists in one place so both read the same.
/// Labels are in the current UI culture; country names are stored in English and shown with <see cref="Countries.Display(string?)"/>.
/// </summary>
/// <param name="Expiring">Passports expiring within 30, 90, 180 and 365 days (cumulative).</param>
public sealed record FacetCounts(
    IReadOnlyList<(Guid Id, string Name, int Count)> Firms, int[] Segments, int[] Areas, int[] Levels, int[] Degrees,
    int[] Custody, int[] Flags, IReadOnlyList<(string Name, int Count)> Nationalities, int[] Expiring)
{
    public static readonly int[] ExpiringDays = [30, 90, 180, 365];

    public SearchFacets ToFacets()
    {
        static FacetValue V<T>(T key, string label, int count) where T : notnull => new(key.ToString()!, label, count);
        return new SearchFacets(
            Firms: Firms.Where(f => f.Count > 0).OrderByDescending(f => f.Count).ThenBy(f => f.Name, StringComparer.Ordinal)
                .Select(f => V(f.Id, f.Name, f.Count)).ToList(),
            Segments: Enum.GetValues<IndustrySegment>().Select(s => V(s, SearchLabels.Of(s), Segments[(int)s])).ToList(),
            Areas: Enum.GetValues<ExpertiseArea>().Select(a => V(a, DisplayText.Of(a), Areas[(int)a])).ToList(),
            Levels: Enum.GetValues<ExpertiseLevel>().Select(l => V(l, SearchLabels.Text("LevelOrAbove", DisplayText.Of(l)), Levels[(int)l])).ToList(),
            Degrees: Enum.GetValues<Degree>().Select(g => V(g, DisplayText.Of(g), Degrees[(int)g])).ToList(),
            Custody: Enum.GetValues<CustodyFacet>().Select(c => V(c, SearchLabels.Of(c), Custody[(int)c])).ToList(),
            Flags: Enum.GetValues<SearchFlagState>().Select(f => V(f, SearchLabels.Of(f), Flags[(int)f])).ToList(),
            Nationalities: Nationalities.Where(n => n.Count > 0).OrderByDescending(n => n.Count).ThenBy(n => n.Name, StringComparer.Ordinal)
                .Select(n => V(n.Name, Countries.Display(n.Name), n.Count)).ToList(),
            Expiring: ExpiringDays.Select((n, i) => new FacetValue(n.ToString(System.Globalization.CultureInfo.InvariantCulture), SearchLabels.Text("ExpiringWithin", n), Expiring[i])).ToList());
    }
}
