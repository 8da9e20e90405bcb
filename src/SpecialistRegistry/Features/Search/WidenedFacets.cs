namespace SpecialistRegistry.Features.Search;

/// <summary>
/// Multi-select faceting: a facet's own counts are taken over the result without that facet's filter, so a
/// regulator who ticked "Held" still sees how many are released or overdue and can add them (values within a
/// facet are any-of, facets all-of). The other facets' counts stay those of the full result. One rule for the
/// in-memory index and SQL: each engine only counts the queries this hands it.
/// </summary>
internal static class WidenedFacets
{
    public static async Task<FacetCounts> CountAsync(SearchQuery q, Func<SearchQuery, Task<FacetCounts>> count)
    {
        var counts = await count(q);
        if (q.Firms.Count > 0)
            counts = counts with { Firms = (await count(q with { Firms = [] })).Firms };
        if (q.Segments.Count > 0)
            counts = counts with { Segments = (await count(q with { Segments = [] })).Segments };
        if (q.Areas.Count > 0)
            counts = counts with { Areas = (await count(q with { Areas = [] })).Areas };
        if (q.MinLevel is not null)
            counts = counts with { Levels = (await count(q with { MinLevel = null })).Levels };
        if (q.Degrees.Count > 0)
            counts = counts with { Degrees = (await count(q with { Degrees = [] })).Degrees };
        if (q.Custody.Count > 0)
            counts = counts with { Custody = (await count(q with { Custody = [] })).Custody };
        if (q.Flags.Count > 0)
            counts = counts with { Flags = (await count(q with { Flags = [] })).Flags };
        if (q.Nationalities.Count > 0)
            counts = counts with { Nationalities = (await count(q with { Nationalities = [] })).Nationalities };
        if (q.ExpiringWithinDays is not null)
            counts = counts with { Expiring = (await count(q with { ExpiringWithinDays = null })).Expiring };
        return counts;
    }

    /// <summary>The same for the in-memory index, which counts synchronously.</summary>
    public static FacetCounts Count(SearchQuery q, Func<SearchQuery, FacetCounts> count) =>
        CountAsync(q, query => Task.FromResult(count(query))).GetAwaiter().GetResult();
}
