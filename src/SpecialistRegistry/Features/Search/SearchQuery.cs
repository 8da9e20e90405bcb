using SpecialistRegistry.Domain;

namespace SpecialistRegistry.Features.Search;

/// <summary>Custody as a regulator filters it: a release past its due-back date is "overdue", not "released".</summary>
public enum CustodyFacet
{
    NoPassport,
    NotDeposited,
    Held,
    Released,
    Overdue,
    Lost,
    Retired,
}

/// <summary>Between a search document's stored custody and the facet a regulator filters by; one place for both engines.</summary>
public static class CustodyFacets
{
    /// <summary>The stored value a facet asks for; Released and Overdue both ask for Released (the due-back date tells them apart).</summary>
    public static SearchCustody Stored(CustodyFacet c) => c switch
    {
        CustodyFacet.NoPassport => SearchCustody.NoPassport,
        CustodyFacet.NotDeposited => SearchCustody.NotHeld,
        CustodyFacet.Held => SearchCustody.Held,
        CustodyFacet.Lost => SearchCustody.Lost,
        CustodyFacet.Retired => SearchCustody.Retired,
        _ => SearchCustody.Released,
    };

    /// <summary>The facet of a stored value; <paramref name="pastDue"/> says whether a released passport is overdue.</summary>
    public static CustodyFacet Of(SearchCustody stored, bool pastDue) => stored switch
    {
        SearchCustody.NoPassport => CustodyFacet.NoPassport,
        SearchCustody.NotHeld => CustodyFacet.NotDeposited,
        SearchCustody.Held => CustodyFacet.Held,
        SearchCustody.Lost => CustodyFacet.Lost,
        SearchCustody.Retired => CustodyFacet.Retired,
        _ => pastDue ? CustodyFacet.Overdue : CustodyFacet.Released,
    };
}

public enum SearchSort
{
    Name,
    ChineseName,
    Firm,
    EmployeeNumber,
    HireDate,
    PassportExpiry,
}

/// <summary>
/// One regulator question. Values within a facet widen it (any of), facets narrow each other (all of).
/// Everything here round-trips through the URL (<see cref="SearchUrl"/>).
/// </summary>
public sealed record SearchQuery
{
    public const int MaxTextLength = 200;
    public static readonly int[] PageSizes = [25, 50, 100];

    public string? Text { get; init; }
    public IReadOnlyList<Guid> Firms { get; init; } = [];
    public IReadOnlyList<IndustrySegment> Segments { get; init; } = [];
    public IReadOnlyList<ExpertiseArea> Areas { get; init; } = [];
    /// <summary>With areas: at least this level in one of them; alone: at least this level in any area.</summary>
    public ExpertiseLevel? MinLevel { get; init; }
    public IReadOnlyList<Degree> Degrees { get; init; } = [];
    public IReadOnlyList<CustodyFacet> Custody { get; init; } = [];
    public IReadOnlyList<SearchFlagState> Flags { get; init; } = [];
    public IReadOnlyList<string> Nationalities { get; init; } = [];
    /// <summary>Current passport expires between today and today + N days.</summary>
    public int? ExpiringWithinDays { get; init; }
    public DateOnly? HiredAfter { get; init; }
    public SearchSort Sort { get; init; } = SearchSort.Name;
    public bool Descending { get; init; }
    public int Page { get; init; } = 1;
    public int PageSize { get; init; } = 50;
}

public sealed record SearchRow(
    Guid SpecialistId, string FullName, string LatinName, string EmployeeNumber, string FirmName,
    IndustrySegment Segment, string Nationality, EmploymentStatus Status, DateOnly HireDate,
    CustodyFacet Custody, DateOnly? PassportExpiresOn, SearchFlagState FlagState);

public sealed record FacetValue(string Key, string Label, int Count);

public sealed record SearchFacets(
    IReadOnlyList<FacetValue> Firms, IReadOnlyList<FacetValue> Segments, IReadOnlyList<FacetValue> Areas,
    IReadOnlyList<FacetValue> Levels, IReadOnlyList<FacetValue> Degrees, IReadOnlyList<FacetValue> Custody,
    IReadOnlyList<FacetValue> Flags, IReadOnlyList<FacetValue> Nationalities, IReadOnlyList<FacetValue> Expiring);

/// <param name="Message">Said to the user when part of the question could not be used as typed.</param>
/// <param name="ExactMatch">The text was a passport or national ID number held by the people shown.</param>
public sealed record SearchResult(IReadOnlyList<SearchRow> Rows, int Total, SearchFacets? Facets, string? Message, bool ExactMatch);
