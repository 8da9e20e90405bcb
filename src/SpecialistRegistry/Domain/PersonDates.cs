namespace SpecialistRegistry.Domain;

/// <summary>
/// The range a date about a person may take, shared by the editor and the roster import. Checked before any
/// date arithmetic: 9999-12-31 plus sixteen years does not exist, and 0001-01-01 is a mistyped birthday.
/// </summary>
public static class PersonDates
{
    public static readonly DateOnly Earliest = new(1900, 1, 1);

    /// <summary>The youngest age at which someone can be on a roster (and so be hired).</summary>
    public const int MinimumAge = 16;

    /// <summary>No passport is issued for longer than this; a later expiry is a typing error.</summary>
    public const int MaxPassportValidityYears = 20;

    public static bool IsBeforeEarliest(DateOnly date) => date < Earliest;

    /// <summary>A hire date is at most a year ahead (a signed contract starting later).</summary>
    public static bool IsTooFarAhead(DateOnly hired, DateOnly today) => hired > today.AddYears(1);

    /// <summary>Whether the person was <see cref="MinimumAge"/> by <paramref name="on"/>; both dates already in range.</summary>
    public static bool WasOfAge(DateOnly born, DateOnly on) => on.AddYears(-MinimumAge) >= born;

    /// <summary>Whether an expiry lies beyond the longest validity; <paramref name="issued"/> is in range, so AddYears cannot overflow.</summary>
    public static bool ExpiresTooLate(DateOnly issued, DateOnly expires) => expires > issued.AddYears(MaxPassportValidityYears);
}
