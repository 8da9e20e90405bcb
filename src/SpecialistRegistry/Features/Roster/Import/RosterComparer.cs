using SpecialistRegistry.Domain;

namespace SpecialistRegistry.Features.Roster.Import;

/// <summary>
/// Matches the file's rows to the firm's roster by employee number and decides for each: new, changed,
/// unchanged, or rejected. Also makes the checks only the database can answer: a national ID or passport
/// number that belongs to another person of the firm, and a current passport the file would drop.
/// </summary>
internal static class RosterComparer
{
    public static ImportCounts Compare(IReadOnlyList<ImportedRow> rows, RosterSnapshot snapshot, string? sheet, ProblemList problems,
        IProgress<ImportProgress>? progress, CancellationToken ct, out Dictionary<string, Guid?> versions)
    {
        versions = new Dictionary<string, Guid?>(StringComparer.Ordinal);
        int added = 0, changed = 0, unchanged = 0, rejected = 0;
        for (var i = 0; i < rows.Count; i++)
        {
            if (i % 1000 == 0)
            {
                ct.ThrowIfCancellationRequested();
                progress?.Report(new ImportProgress(ImportPhase.Comparing, i, rows.Count));
            }
            var row = rows[i];
            var person = row.Person;
            var existing = row.Rejected ? null : snapshot.ByEmployee.GetValueOrDefault(person.EmployeeNumber);
            if (!row.Rejected)
                row.Rejected = !CheckAgainstRoster(row, existing, snapshot, sheet, problems);
            row.ExistingId = existing?.Id;
            row.Outcome = row.Rejected ? RowOutcome.Rejected
                : existing is null ? RowOutcome.New
                : IsSame(row, existing) ? RowOutcome.Unchanged
                : RowOutcome.Changed;
            switch (row.Outcome)
            {
                case RowOutcome.Rejected: rejected++; continue;
                case RowOutcome.New: added++; break;
                case RowOutcome.Changed: changed++; break;
                default: unchanged++; break;
            }
            versions[person.EmployeeNumber] = existing?.Version;
        }
        progress?.Report(new ImportProgress(ImportPhase.Comparing, rows.Count, rows.Count));
        return new ImportCounts(added, changed, unchanged, rejected);
    }

    private static bool CheckAgainstRoster(ImportedRow row, ExistingPerson? existing, RosterSnapshot snapshot, string? sheet, ProblemList problems)
    {
        var ok = true;
        var person = row.Person;
        if (row.NationalIdHash.Length > 0 && Other(snapshot.ByNationalIdHash, row.NationalIdHash, person.EmployeeNumber) is { } idOwner)
        {
            problems.Add(new ImportProblem(sheet, row.Row, "NationalIdNumber",
                $"National ID number {RosterRowParser.Masked(person.NationalIdNumber)} already belongs to {Describe(idOwner)} on your roster."));
            ok = false;
        }
        if (row.PassportHash.Length > 0 && Other(snapshot.ByPassportHash, row.PassportHash, person.EmployeeNumber) is { } passportOwner)
        {
            problems.Add(new ImportProblem(sheet, row.Row, "PassportNumber",
                $"Passport number {RosterRowParser.Masked(person.Passport!.Number)} already belongs to {Describe(passportOwner)} on your roster."));
            ok = false;
        }
        if (person.Passport is null && existing?.CurrentPassport is { } current)
        {
            problems.Add(new ImportProblem(sheet, row.Row, "PassportNumber",
                $"The registry holds a current passport for {person.EmployeeNumber} (••••{current.Last4}), and an import cannot remove a passport. " +
                "Fill in its details, or ask the custody office to retire it."));
            ok = false;
        }
        return ok;
    }

    private static ExistingPerson? Other(Dictionary<string, List<ExistingPerson>> index, string hash, string employeeNumber) =>
        index.TryGetValue(hash, out var owners) ? owners.FirstOrDefault(o => o.EmployeeNumber != employeeNumber) : null;

    private static string Describe(ExistingPerson other) => $"{other.EmployeeNumber} ({other.FullName})";

    /// <summary>Every field and every list the same; numbers compared by keyed hash, lists in any order.</summary>
    internal static bool IsSame(ImportedRow row, ExistingPerson existing)
    {
        var p = row.Person;
        return Same(p.FullName, existing.FullName)
            && Same(p.LatinName, existing.LatinName)
            && p.Gender == existing.Gender
            && p.DateOfBirth == existing.DateOfBirth
            && Same(p.Nationality, existing.Nationality)
            && row.NationalIdHash == existing.NationalIdHash
            && Same(p.Phone, existing.Phone)
            && Same(p.Email, existing.Email)
            && Same(p.Position, existing.Position)
            && Same(p.Department, existing.Department)
            && p.HireDate == existing.HireDate
            && p.Status == existing.Status
            && p.LeftOn == existing.LeftOn
            && Same(p.LeftReason, existing.LeftReason)
            && SamePassport(row, existing.CurrentPassport)
            && SameItems(p.Expertise, existing.Expertise)
            && SameItems(p.Education, existing.Education)
            && SameItems(p.Research, existing.Research);
    }

    private static bool Same(string? file, string? stored) => (file ?? "") == (stored ?? "").Trim();

    private static bool SamePassport(ImportedRow row, ExistingPassport? current) => row.Person.Passport is not { } passport
        ? current is null
        : current is not null && current.Hash == row.PassportHash && Same(passport.IssuingCountry, current.IssuingCountry)
          && passport.IssuedOn == current.IssuedOn && passport.ExpiresOn == current.ExpiresOn;

    /// <summary>Equal as multisets: the same items the same number of times, in any order.</summary>
    internal static bool SameItems<T>(IReadOnlyList<T> file, IReadOnlyList<T> stored) where T : notnull
    {
        if (file.Count != stored.Count)
            return false;
        if (file.Count == 0)
            return true;
        var counts = new Dictionary<T, int>();
        foreach (var item in stored)
            counts[item] = counts.GetValueOrDefault(item) + 1;
        foreach (var item in file)
        {
            if (!counts.TryGetValue(item, out var n) || n == 0)
                return false;
            counts[item] = n - 1;
        }
        return true;
    }
}
