using SpecialistRegistry.Domain.Records;

namespace SpecialistRegistry.Domain.Filings;

/// <summary>One rule a current specialist's record must meet before the firm can file it.</summary>
/// <param name="Code">Stable name, for tests and links.</param>
/// <param name="Problem">What is wrong with a record (a whole sentence), or null when it meets the rule.</param>
public sealed record CompletenessCheck(string Code, Func<SpecialistRecord, DateOnly, string?> Problem)
{
    /// <summary>The rule as the prepare page lists it, in the reader's language.</summary>
    public string Rule => DomainText.Get("Check_" + Code);
}

/// <summary>
/// The completeness checks a filing must pass, in one place: the prepare page shows this list, and the
/// service refuses a submission while any current specialist fails one of them. People who have left are
/// reported as removed and are not checked.
/// </summary>
public static class CompletenessChecks
{
    public static readonly IReadOnlyList<CompletenessCheck> All =
    [
        new("CurrentPassport", (r, _) => r.Passport is null ? DomainText.Get("CheckProblem_NoPassport") : null),
        new("PassportValid", (r, today) => r.Passport is { } p && p.ExpiresOn < today ? DomainText.Get("CheckProblem_PassportExpired", p.ExpiresOn) : null),
        new("Expertise", (r, _) => r.Expertise.Count == 0 ? DomainText.Get("CheckProblem_NoExpertise") : null),
        new("Education", (r, _) => r.Education.Count == 0 ? DomainText.Get("CheckProblem_NoEducation") : null),
        new("PersonalFields", (r, _) => MissingPersonalFields(r) is { Count: > 0 } missing
            ? DomainText.Get("CheckProblem_Missing", string.Join(DomainText.Get("CheckListSeparator"), missing)) : null),
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
            missing.Add(DomainText.Get("CheckField_FullName"));
        if (string.IsNullOrWhiteSpace(r.LatinName))
            missing.Add(DomainText.Get("CheckField_LatinName"));
        if (string.IsNullOrWhiteSpace(r.Nationality))
            missing.Add(DomainText.Get("CheckField_Nationality"));
        if (r.NationalId.IsEmpty)
            missing.Add(DomainText.Get("CheckField_NationalId"));
        if (string.IsNullOrWhiteSpace(r.Position))
            missing.Add(DomainText.Get("CheckField_Position"));
        if (string.IsNullOrWhiteSpace(r.Department))
            missing.Add(DomainText.Get("CheckField_Department"));
        if (string.IsNullOrWhiteSpace(r.Phone) && string.IsNullOrWhiteSpace(r.Email))
            missing.Add(DomainText.Get("CheckField_Contact"));
        return missing;
    }
}
