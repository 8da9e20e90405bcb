using SpecialistRegistry.Domain;

namespace SpecialistRegistry.Features.Travel;

/// <summary>
/// How a list's status filter reads in the address: one word per choice ("pending", "approved", …,
/// "open", "all"). A hand-edited value that does not parse falls back to the page's default, never an error.
/// </summary>
public static class TravelUrl
{
    /// <summary>The choices in the order a list offers them; each one's label is TravelRequestText "Filter_{Key}".</summary>
    public static readonly IReadOnlyList<(string Key, TravelStatus[]? Statuses)> StatusChoices =
    [
        ("pending", [TravelStatus.Pending]),
        ("asked", [TravelStatus.InformationRequested]),
        ("open", [TravelStatus.Pending, TravelStatus.InformationRequested]),
        ("approved", [TravelStatus.Approved]),
        ("released", [TravelStatus.Released]),
        ("returned", [TravelStatus.Returned]),
        ("denied", [TravelStatus.Denied]),
        ("withdrawn", [TravelStatus.Withdrawn]),
        ("expired", [TravelStatus.Expired]),
        ("notreturned", [TravelStatus.NotReturned]),
        ("all", null),
    ];

    public static string StatusKey(string? value, string fallback) =>
        StatusChoices.Any(c => c.Key == value) ? value! : fallback;

    public static TravelStatus[]? Statuses(string key) => StatusChoices.First(c => c.Key == key).Statuses;
}
