using Microsoft.Extensions.Localization;

namespace SpecialistRegistry.Features.Custody;

/// <summary>
/// Where a passport is kept. The chain stores it as "Safe A, slot 12" (CustodyService writes it so, and the return
/// dialog reads it back); a page shows it in the reader's language. A place in another shape is shown as stored.
/// </summary>
public static class KeptAt
{
    private const string SafePrefix = "Safe ";
    private const string SlotSeparator = ", slot ";

    public static string Stored(string safe, string slot) => $"{SafePrefix}{safe.Trim()}{SlotSeparator}{slot.Trim()}";

    public static (string Safe, string Slot)? Parse(string? stored) =>
        stored is { } l && l.StartsWith(SafePrefix, StringComparison.Ordinal) && l.Split(SlotSeparator) is [var safe, var slot]
            ? (safe[SafePrefix.Length..], slot)
            : null;

    public static string Show(IStringLocalizer T, string? stored) =>
        Parse(stored) is { } place ? T["KeptAt", place.Safe, place.Slot] : stored ?? "—";
}
