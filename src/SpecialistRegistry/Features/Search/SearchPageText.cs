namespace SpecialistRegistry.Features.Search;

/// <summary>
/// Marker for SearchPageText.resx / SearchPageText.zh-CN.resx: the search page, its facet and sort labels, the
/// search service's messages and the export's headers. (Not "SearchText": that is the index's entity.)
/// </summary>
public sealed class SearchPageText;
