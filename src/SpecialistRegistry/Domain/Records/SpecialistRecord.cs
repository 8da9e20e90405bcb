namespace SpecialistRegistry.Domain.Records;

/// <summary>
/// A number as a record keeps it: the last four characters to show and the keyed look-up hash to compare
/// (see Data/FieldProtector), never the number itself.
/// </summary>
public sealed record MaskedNumber(string Last4, string Hash)
{
    public static readonly MaskedNumber None = new("", "");

    public bool IsEmpty => Hash.Length == 0;

    public override string ToString() => IsEmpty ? "" : Mask + Last4;

    /// <summary>What a masked number starts with on screens and in masked exports.</summary>
    public const string Mask = "••••";

    // The dots and stars people type for a hidden digit; kept once, as TrimStart would build the array per call.
    private static readonly char[] MaskCharacters = ['•', '*', '●', '·'];

    /// <summary>
    /// Whether <paramref name="value"/> is a number in its masked form (<c>••••1234</c>, or with asterisks as
    /// people retype it), as a masked export writes it; <paramref name="last4"/> is what it shows, upper case.
    /// </summary>
    public static bool TryReadMasked(string value, out string last4)
    {
        last4 = "";
        var shown = value.TrimStart(MaskCharacters);
        if (value.Length - shown.Length < 3 || shown.Length is 0 or > 4 || !shown.All(char.IsAsciiLetterOrDigit))
            return false;
        last4 = shown.ToUpperInvariant();
        return true;
    }
}

public sealed record PassportRecord(MaskedNumber Number, string IssuingCountry, DateOnly IssuedOn, DateOnly ExpiresOn);

/// <summary>
/// A specialist's record as a value: every field, the current passport and the three lists, with the identity
/// numbers masked. It is what an import compares a file's row with, what a filing freezes for each person, and
/// what <see cref="SpecialistRecordDiff"/> compares; text is trimmed so that records compare by content.
/// </summary>
public sealed class SpecialistRecord
{
    public string EmployeeNumber { get; init; } = "";
    public string FullName { get; init; } = "";
    public string LatinName { get; init; } = "";
    public Gender Gender { get; init; }
    public DateOnly DateOfBirth { get; init; }
    public string Nationality { get; init; } = "";
    public MaskedNumber NationalId { get; init; } = MaskedNumber.None;
    public string Phone { get; init; } = "";
    public string Email { get; init; } = "";
    public string Position { get; init; } = "";
    public string Department { get; init; } = "";
    public DateOnly HireDate { get; init; }
    public EmploymentStatus Status { get; init; }
    public DateOnly? LeftOn { get; init; }
    public string LeftReason { get; init; } = "";
    public PassportRecord? Passport { get; set; }
    public List<ExpertiseItem> Expertise { get; init; } = [];
    public List<EducationItem> Education { get; init; } = [];
    public List<ResearchItem> Research { get; init; } = [];
}
