using SpecialistRegistry.Domain.Records;

namespace SpecialistRegistry.Domain.Filings;

/// <summary>One rule a current specialist's record must meet before the firm can file it.</summary>
/// <param name="Code">Stable name, for tests and links.</param>
/// <param name="Rule">The rule as the prepare page lists it.</param>
/// <param name="Problem">What is wrong with a record (a whole sentence), or null when it meets the rule.</param>
public sealed record CompletenessCheck(string Code, string Rule, Func<SpecialistRecord, DateOnly, string?> Problem);

/// <summary>
/// The completeness checks a filing must pass, in one place: the prepare page shows this list, and the
/// service refuses a submission while any current specialist fails one of them. People who have left are
/// reported as removed and are not checked.
/// </summary>
public static class CompletenessChecks
{
    public static readonly IReadOnlyList<CompletenessCheck> All =
    [
        new("CurrentPassport", "A current passport is on file.",
            (r, _) => r.Passport is null ? "No current passport is on file." : null),
        new("PassportValid", "The current passport has not expired.",
            (r, today) => r.Passport is { } p && p.ExpiresOn < today ? $"The current passport expired on {p.ExpiresOn:yyyy-MM-dd}." : null),
        new("Expertise", "At least one area of expertise is recorded.",
            (r, _) => r.Expertise.Count == 0 ? "No expertise is recorded." : null),
        new("Education", "At least one education entry is recorded.",
            (r, _) => r.Education.Count == 0 ? "No education is recorded." : null),
        new("PersonalFields", "The personal fields are filled in: full name, Latin name, nationality, national ID number, position, department, and a phone number or an e-mail address.",
            (r, _) => MissingPersonalFields(r) is { Count: > 0 } missing ? $"Missing: {string.Join(", ", missing)}." : null),
    ];

    /// <summary>Every problem of one record, in the order of <see cref="All"/>.</summary>
    public static List<string> ProblemsOf(SpecialistRecord record, DateOnly today)
    {
        var problems = new List<string>();
        foreach (var check in All)
        {
            if (check.Problem(record, today) is { } problem)
                problems.Add(problem);
        }
        return problems;
    }

    private static List<string> MissingPersonalFields(SpecialistRecord r)
    {
        var missing = new List<string>();
        if (string.IsNullOrWhiteSpace(r.FullName))
            missing.Add("full name");
        if (string.IsNullOrWhiteSpace(r.LatinName))
            missing.Add("Latin name");
        if (string.IsNullOrWhiteSpace(r.Nationality))
            missing.Add("nationality");
        if (r.NationalId.IsEmpty)
            missing.Add("national ID number");
        if (string.IsNullOrWhiteSpace(r.Position))
            missing.Add("position");
        if (string.IsNullOrWhiteSpace(r.Department))
            missing.Add("department");
        if (string.IsNullOrWhiteSpace(r.Phone) && string.IsNullOrWhiteSpace(r.Email))
            missing.Add("a phone number or an e-mail address");
        return missing;
    }
}
