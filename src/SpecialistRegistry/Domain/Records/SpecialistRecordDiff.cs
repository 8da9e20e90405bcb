using System.Globalization;

namespace SpecialistRegistry.Domain.Records;

/// <summary>The names of a record's fields, as the roster file's columns are named.</summary>
public static class RecordFields
{
    public const string EmployeeNumber = nameof(EmployeeNumber);
    public const string FullName = nameof(FullName);
    public const string LatinName = nameof(LatinName);
    public const string Gender = nameof(Gender);
    public const string DateOfBirth = nameof(DateOfBirth);
    public const string Nationality = nameof(Nationality);
    public const string NationalIdNumber = nameof(NationalIdNumber);
    public const string Phone = nameof(Phone);
    public const string Email = nameof(Email);
    public const string Position = nameof(Position);
    public const string Department = nameof(Department);
    public const string HireDate = nameof(HireDate);
    public const string Status = nameof(Status);
    public const string LeftOn = nameof(LeftOn);
    public const string LeftReason = nameof(LeftReason);
    public const string PassportNumber = nameof(PassportNumber);
    public const string PassportIssuingCountry = nameof(PassportIssuingCountry);
    public const string PassportIssuedOn = nameof(PassportIssuedOn);
    public const string PassportExpiresOn = nameof(PassportExpiresOn);
    public const string Expertise = nameof(Expertise);
    public const string Education = nameof(Education);
    public const string Research = nameof(Research);
}

/// <summary>
/// What changed between two versions of a specialist's record, field by field and list item by list item, in
/// the order a person reads a record. Numbers are compared by their keyed hash and shown masked. Lists compare
/// as multisets (order does not matter): an expertise area present in both with another level or years is one
/// change; other items are removed or added whole.
/// </summary>
public static class SpecialistRecordDiff
{
    public static bool AreSame(SpecialistRecord before, SpecialistRecord after) => Changes(before, after, stopAtFirst: true).Count == 0;

    public static List<FieldChange> Changes(SpecialistRecord before, SpecialistRecord after) => Changes(before, after, stopAtFirst: false);

    private static List<FieldChange> Changes(SpecialistRecord before, SpecialistRecord after, bool stopAtFirst)
    {
        var changes = new List<FieldChange>();
        bool Done() => stopAtFirst && changes.Count > 0;

        Text(changes, RecordFields.EmployeeNumber, before.EmployeeNumber, after.EmployeeNumber);
        Text(changes, RecordFields.FullName, before.FullName, after.FullName);
        Text(changes, RecordFields.LatinName, before.LatinName, after.LatinName);
        Value(changes, RecordFields.Gender, before.Gender, after.Gender);
        Value(changes, RecordFields.DateOfBirth, before.DateOfBirth, after.DateOfBirth);
        Text(changes, RecordFields.Nationality, before.Nationality, after.Nationality);
        Number(changes, RecordFields.NationalIdNumber, before.NationalId, after.NationalId);
        Text(changes, RecordFields.Phone, before.Phone, after.Phone);
        Text(changes, RecordFields.Email, before.Email, after.Email);
        Text(changes, RecordFields.Position, before.Position, after.Position);
        Text(changes, RecordFields.Department, before.Department, after.Department);
        Value(changes, RecordFields.HireDate, before.HireDate, after.HireDate);
        Value(changes, RecordFields.Status, before.Status, after.Status);
        Value(changes, RecordFields.LeftOn, before.LeftOn, after.LeftOn);
        Text(changes, RecordFields.LeftReason, before.LeftReason, after.LeftReason);
        if (Done())
            return changes;
        Passport(changes, before.Passport, after.Passport);
        if (Done())
            return changes;
        Items(changes, RecordFields.Expertise, before.Expertise, after.Expertise, e => e.Area, Describe);
        Items(changes, RecordFields.Education, before.Education, after.Education, null, Describe);
        Items(changes, RecordFields.Research, before.Research, after.Research, null, Describe);
        return changes;
    }

    public static string Describe(ExpertiseItem e) => $"{e.Area}, {e.Level}, {Whole(e.Years)} years";

    public static string Describe(EducationItem e) => $"{e.Degree}, {e.Field}, {e.Institution}, {e.Country}, {Whole(e.GraduationYear)}";

    public static string Describe(ResearchItem r) =>
        string.Join(", ", new[] { r.Kind.ToString(), r.Title, Whole(r.Year), r.Role, r.Reference }.Where(s => s.Length > 0));

    public static string Show(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static void Text(List<FieldChange> changes, string field, string before, string after)
    {
        if (!string.Equals(before.Trim(), after.Trim(), StringComparison.Ordinal))
            changes.Add(new FieldChange(field, Shown(before.Trim()), Shown(after.Trim())));
    }

    private static void Value<T>(List<FieldChange> changes, string field, T before, T after)
    {
        if (!EqualityComparer<T>.Default.Equals(before, after))
            changes.Add(new FieldChange(field, Shown(before), Shown(after)));
    }

    private static void Number(List<FieldChange> changes, string field, MaskedNumber before, MaskedNumber after)
    {
        if (before.Hash == after.Hash)
            return;
        // Two numbers can share their last four characters: say that the number is another one.
        var shown = !before.IsEmpty && !after.IsEmpty && before.Last4 == after.Last4 ? $"{after} (a different number)" : Shown(after.ToString());
        changes.Add(new FieldChange(field, Shown(before.ToString()), shown));
    }

    private static void Passport(List<FieldChange> changes, PassportRecord? before, PassportRecord? after)
    {
        Number(changes, RecordFields.PassportNumber, before?.Number ?? MaskedNumber.None, after?.Number ?? MaskedNumber.None);
        Text(changes, RecordFields.PassportIssuingCountry, before?.IssuingCountry ?? "", after?.IssuingCountry ?? "");
        Value(changes, RecordFields.PassportIssuedOn, before?.IssuedOn, after?.IssuedOn);
        Value(changes, RecordFields.PassportExpiresOn, before?.ExpiresOn, after?.ExpiresOn);
    }

    /// <summary>Multiset difference; with <paramref name="keyOf"/>, a removed and an added item of the same key are shown as one change.</summary>
    private static void Items<T>(List<FieldChange> changes, string field, List<T> before, List<T> after, Func<T, object>? keyOf, Func<T, string> describe)
        where T : notnull
    {
        if (before.Count == 0 && after.Count == 0)
            return;
        var removed = new List<T>(before);
        var added = new List<T>();
        foreach (var item in after)
        {
            if (!removed.Remove(item))
                added.Add(item);
        }
        foreach (var old in removed)
        {
            var replacement = keyOf is null ? -1 : added.FindIndex(a => Equals(keyOf(a), keyOf(old)));
            if (replacement >= 0)
            {
                changes.Add(new FieldChange(field, describe(old), describe(added[replacement])));
                added.RemoveAt(replacement);
            }
            else
            {
                changes.Add(new FieldChange(field, describe(old), null));
            }
        }
        foreach (var item in added)
            changes.Add(new FieldChange(field, null, describe(item)));
    }

    private static string? Shown<T>(T value) => value switch
    {
        null => null,
        string s => s.Length == 0 ? null : s,
        DateOnly d => Show(d),
        _ => value.ToString(),
    };

    private static string Whole(int value) => value.ToString(CultureInfo.InvariantCulture);
}
