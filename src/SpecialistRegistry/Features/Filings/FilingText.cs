using MudBlazor;
using SpecialistRegistry.Domain;

namespace SpecialistRegistry.Features.Filings;

/// <summary>How filing states and kinds of change read and look on screen.</summary>
public static class FilingText
{
    public static string Of(FilingState state) => state switch
    {
        FilingState.NotStarted => "Not started",
        FilingState.Draft => "Draft",
        FilingState.Submitted => "Submitted",
        FilingState.Returned => "Returned",
        FilingState.Resubmitted => "Resubmitted",
        FilingState.Accepted => "Accepted",
        _ => state.ToString(),
    };

    public static string Of(FilingStatus status) => Of(Data.FilingObligations.StateOf(status));

    public static string Of(FilingChange change) => change switch
    {
        FilingChange.Added => "Added",
        FilingChange.Changed => "Changed",
        FilingChange.Unchanged => "Unchanged",
        FilingChange.Removed => "Removed",
        _ => change.ToString(),
    };

    public static string Of(FilingPeriodKind kind) => kind == FilingPeriodKind.Quarterly ? "Quarter" : "Demand";

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

    public static string Scope(DemandScope scope, IndustrySegment? segment, string? firmName) => scope switch
    {
        DemandScope.AllFirms => "All firms",
        DemandScope.Segment => segment is { } s ? $"Segment: {DisplayText.Of(s)}" : "One segment",
        _ => firmName is null ? "One firm" : $"Firm: {firmName}",
    };

    public static string Days(int days) => $"{days} day{(days == 1 ? "" : "s")}";
}
