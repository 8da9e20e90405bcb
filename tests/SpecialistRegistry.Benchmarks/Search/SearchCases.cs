using System.Globalization;
using SpecialistRegistry.Domain;
using SpecialistRegistry.Features.Search;

namespace SpecialistRegistry.Benchmarks.Search;

/// <summary>A regulator's question, as the page asks it and as hand-written SQL over the same tables.</summary>
/// <param name="Where">The condition on SearchDocuments d; $match, $firm, $today, $until and $hired are bound by <see cref="HandSql"/>.</param>
public sealed record SearchCase(string Name, SearchQuery Query, string Where, string? Match = null);

public static class SearchCases
{
    private const string TextHits = "d.DocId IN (SELECT rowid FROM SearchTextIndex WHERE SearchTextIndex MATCH $match)";

    public static IReadOnlyList<SearchCase> All(Guid firm, DateOnly today)
    {
        var sintering = SearchService.ExpertiseMaskFor([ExpertiseArea.NdFeBSintering], ExpertiseLevel.Advanced);
        var doctorate = SearchDocument.DegreeBit(Degree.Doctorate);
        return
        [
            new("no filter (the page as it opens)", new SearchQuery(), "1=1"),
            new("text: surname \"wang\"", new SearchQuery { Text = "wang" }, TextHits, "\"wang\"*"),
            new("text: \"ion exchange\"", new SearchQuery { Text = "ion exchange" }, TextHits, "\"ion\"* \"exchange\"*"),
            new("text: \"central south university\"", new SearchQuery { Text = "central south university" }, TextHits, "\"central\"* \"south\"* \"university\"*"),
            new("text: part of a Chinese name \"伟明\"", new SearchQuery { Text = "伟明" }, TextHits, "\"伟 明\""),
            new("facets: magnets segment, NdFeB sintering ≥ advanced",
                new SearchQuery { Segments = [IndustrySegment.PermanentMagnets], Areas = [ExpertiseArea.NdFeBSintering], MinLevel = ExpertiseLevel.Advanced },
                $"d.Segment = 3 AND (d.ExpertiseMask & {sintering}) <> 0"),
            new("facets: overdue passports", new SearchQuery { Custody = [CustodyFacet.Overdue] }, "d.Custody = 3 AND d.DueBackOn < $today"),
            new("facets: one firm, doctorates", new SearchQuery { Firms = [firm], Degrees = [Degree.Doctorate] }, $"d.FirmId = $firm AND (d.DegreeMask & {doctorate}) <> 0"),
            new("facets: expiring ≤ 90 days, not deposited or lost",
                new SearchQuery { ExpiringWithinDays = 90, Custody = [CustodyFacet.NotDeposited, CustodyFacet.Lost] },
                "d.Custody IN (1, 4) AND d.PassportExpiresOn >= $today AND d.PassportExpiresOn <= $until"),
            new("both: \"tsinghua\", doctorate, hired after 2015",
                new SearchQuery { Text = "tsinghua", Degrees = [Degree.Doctorate], HiredAfter = new DateOnly(2015, 1, 1) },
                $"{TextHits} AND (d.DegreeMask & {doctorate}) <> 0 AND d.HireDate > $hired", "\"tsinghua\"*"),
            new("both: \"neodymium\", China, separation, passport held",
                new SearchQuery { Text = "neodymium", Nationalities = ["China"], Segments = [IndustrySegment.RareEarthSeparation], Custody = [CustodyFacet.Held] },
                $"{TextHits} AND d.Nationality = 'China' AND d.Segment = 1 AND d.Custody = 2", "\"neodymium\"*"),
        ];
    }

    public static string Date(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
