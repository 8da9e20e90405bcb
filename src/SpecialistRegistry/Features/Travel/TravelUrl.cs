using SpecialistRegistry.Domain;

namespace SpecialistRegistry.Features.Travel;

/// <summary>
/// How a list's status filter reads in the address: one word per choice ("pending", "asked", "approved", …,
/// "open", "all"). A hand-edited value that does not parse falls back to the page's default, never an error.
/// </summary>
public static class TravelUrl
{
    public static readonly IReadOnlyList<(string Key, string Label, TravelStatus[]? Statuses)> StatusChoices =
    [
        ("pending", "Waiting for a decision", [TravelStatus.Pending]),
        ("asked", "Waiting for the firm's answer", [TravelStatus.InformationRequested]),
        ("open", "Not yet decided", [TravelStatus.Pending, TravelStatus.InformationRequested]),
        ("approved", "Approved, not yet collected", [TravelStatus.Approved]),
        ("released", "Under way", [TravelStatus.Released]),
        ("returned", "Returned", [TravelStatus.Returned]),
        ("denied", "Denied", [TravelStatus.Denied]),
        ("withdrawn", "Withdrawn", [TravelStatus.Withdrawn]),
        ("expired", "Expired (not collected)", [TravelStatus.Expired]),
        ("all", "All", null),
    ];

    public static string StatusKey(string? value, string fallback) =>
        StatusChoices.Any(c => c.Key == value) ? value! : fallback;

    public static TravelStatus[]? Statuses(string key) => StatusChoices.First(c => c.Key == key).Statuses;

    public static T? ParseEnum<T>(string? value) where T : struct, Enum =>
        Enum.TryParse<T>(value, true, out var parsed) && Enum.IsDefined(parsed) ? parsed : null;
}
