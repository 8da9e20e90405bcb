using System.Globalization;

namespace SpecialistRegistry.Features.Audit;

/// <summary>
/// The audit trail view as URL query parameters and back. Reading is lenient: a link that was edited by hand
/// or has outlived a filter value shows the trail without that part rather than failing.
/// </summary>
public static class AuditTrailUrl
{
    public const string TextKey = "q";
    public const string EntityTypeKey = "type";
    public const string ActionKey = "action";
    public const string ActorKey = "actor";
    public const string FromKey = "from";
    public const string ToKey = "to";
    public const string PageKey = "page";
    public const string SizeKey = "size";
    public const string SortKey = "sort";
    public const string DirectionKey = "dir";

    private const string DateFormat = "yyyy-MM-dd";

    /// <summary>Page numbers in the URL count from 1, as people do.</summary>
    public static AuditQuery Read(string? text, string? entityType, string? action, string? actor, string? from, string? to,
        string? page, string? size, string? sort, string? direction)
    {
        var pageSize = int.TryParse(size, NumberStyles.None, CultureInfo.InvariantCulture, out var s) && AuditQuery.PageSizes.Contains(s)
            ? s : AuditQuery.DefaultPageSize;
        var pageIndex = int.TryParse(page, NumberStyles.None, CultureInfo.InvariantCulture, out var p) && p >= 1 ? p - 1 : 0;
        var sortColumn = Enum.TryParse<AuditSort>(sort, ignoreCase: true, out var c) && Enum.IsDefined(c) ? c : AuditSort.Sequence;
        var descending = direction is null ? sortColumn == AuditSort.Sequence : !string.Equals(direction, "asc", StringComparison.OrdinalIgnoreCase);
        return new AuditQuery
        {
            Text = Blank(text),
            EntityType = Blank(entityType),
            Action = Blank(action),
            ActorId = Blank(actor),
            From = Date(from),
            To = Date(to),
            Page = pageIndex,
            PageSize = pageSize,
            Sort = sortColumn,
            Descending = descending,
        };
    }

    /// <summary>Parameters for <c>NavigationManager.GetUriWithQueryParameters</c>; defaults are left out (null removes a parameter).</summary>
    public static IReadOnlyDictionary<string, object?> Write(AuditQuery query)
    {
        var defaultOrder = query.Sort == AuditSort.Sequence && query.Descending;
        return new Dictionary<string, object?>
        {
            [TextKey] = Blank(query.Text),
            [EntityTypeKey] = Blank(query.EntityType),
            [ActionKey] = Blank(query.Action),
            [ActorKey] = Blank(query.ActorId),
            [FromKey] = query.From?.ToString(DateFormat, CultureInfo.InvariantCulture),
            [ToKey] = query.To?.ToString(DateFormat, CultureInfo.InvariantCulture),
            [PageKey] = query.Page > 0 ? (query.Page + 1).ToString(CultureInfo.InvariantCulture) : null,
            [SizeKey] = query.PageSize != AuditQuery.DefaultPageSize ? query.PageSize.ToString(CultureInfo.InvariantCulture) : null,
            [SortKey] = defaultOrder ? null : query.Sort.ToString().ToLowerInvariant(),
            [DirectionKey] = defaultOrder ? null : query.Descending ? "desc" : "asc",
        };
    }

    // Not trimmed: the search box writes the URL as the user types, and a trimmed value read back would eat their space.
    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

    private static DateOnly? Date(string? value) =>
        DateOnly.TryParseExact(value, DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
}
