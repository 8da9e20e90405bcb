using Microsoft.Extensions.Localization;
using MudBlazor;
using SpecialistRegistry.Domain;

namespace SpecialistRegistry.Features.Filings;

/// <summary>How filing states and kinds of change read and look on screen.</summary>
public static class FilingText
{
    public static string Of(FilingState state) => EnumText.Of(state);

    public static string Of(FilingStatus status) => Of(Data.FilingObligations.StateOf(status));

    public static string Of(FilingChange change) => EnumText.Of(change);

    public static string Of(FilingPeriodKind kind) => EnumText.Of(kind);

    /// <summary>A moment in a service's message, to the minute in UTC, written the same in every language.</summary>
    public static string Stamp(DateTimeOffset? at) =>
        at?.UtcDateTime.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture) ?? "";

    public static Color ColorOf(FilingState state) => state switch
    {
        FilingState.Accepted => Color.Success,
        FilingState.Returned => Color.Warning,
        FilingState.Submitted or FilingState.Resubmitted => Color.Info,
        FilingState.Draft => Color.Primary,
        _ => Color.Default,
    };

    public static Color ColorOf(FilingChange change) => change switch
    {
        FilingChange.Added => Color.Success,
        FilingChange.Changed => Color.Info,
        FilingChange.Removed => Color.Error,
        _ => Color.Default,
    };

    public static string Scope(IStringLocalizer<FilingsText> t, DemandScope scope, IndustrySegment? segment, string? firmName) => scope switch
    {
        DemandScope.Segment when segment is { } s => t["ScopeSegment", EnumText.Of(s)],
        DemandScope.Firm when firmName is not null => t["ScopeFirm", firmName],
        _ => EnumText.Of(scope),
    };

    /// <summary>
    /// A sentence about a number of days, from the pair <paramref name="key"/>_One / <paramref name="key"/>_Many
    /// ("1 day overdue" / "{0:N0} days overdue"), so that each language words both forms whole.
    /// </summary>
    public static string Days(IStringLocalizer<FilingsText> t, string key, int days) => days == 1 ? t[key + "_One"] : t[key + "_Many", days];
}
