using SpecialistRegistry.Domain.Records;

namespace SpecialistRegistry.Domain.Filings;

/// <summary>The people of a submitted filing as frozen: specialist → record and how they were reported.</summary>
public sealed class FrozenRoster(Guid filingId)
{
    public Guid FilingId { get; } = filingId;
    public Dictionary<Guid, FrozenPerson> People { get; } = [];
}

public sealed record FrozenPerson(SpecialistRecord Record, FilingChange Change, string SnapshotDigest);

/// <summary>One person of a prepared filing: their record now, and how it compares.</summary>
public sealed class ComparedPerson
{
    public required Guid SpecialistId { get; init; }
    public required SpecialistRecord Record { get; init; }
    public required FilingChange Change { get; init; }
    /// <summary>On a resubmission: compared with the returned submission.</summary>
    public FilingChange? ChangeSinceReturned { get; init; }
    /// <summary>Every field and list item that differs from the last accepted filing (empty for added and unchanged people).</summary>
    public IReadOnlyList<FieldChange> Changes { get; init; } = [];
    public IReadOnlyList<FieldChange> ChangesSinceReturned { get; init; } = [];
    /// <summary>What the completeness checks found (current staff only).</summary>
    public IReadOnlyList<string> Problems { get; init; } = [];
    public required string Snapshot { get; init; }
    public required string SnapshotDigest { get; init; }

    public string EmployeeNumber => Record.EmployeeNumber;
    public string FullName => Record.FullName;
    public string LatinName => Record.LatinName;

    /// <summary>The changed fields' names for the list (each once, in the record's order), cut to fit the column.</summary>
    public string ChangedFields
    {
        get
        {
            var names = string.Join(", ", Changes.Select(c => c.Field).Distinct());
            return names.Length <= FilingEntry.MaxChangedFieldsLength ? names : names[..(FilingEntry.MaxChangedFieldsLength - 1)] + "…";
        }
    }

    public FilingEntry ToEntry(Guid filingId) => new()
    {
        FilingId = filingId,
        SpecialistId = SpecialistId,
        EmployeeNumber = EmployeeNumber,
        FullName = FullName,
        LatinName = LatinName,
        Change = Change,
        ChangeSinceReturned = ChangeSinceReturned,
        ChangedFields = ChangedFields,
        Snapshot = Snapshot,
        SnapshotDigest = SnapshotDigest,
    };
}

/// <summary>
/// A firm's roster as it would be filed now: the current staff compared with the firm's last accepted filing
/// (added, changed, unchanged), the people of that filing who are no longer current staff (removed), each
/// current person's completeness problems, and the digest the submission would carry. Pure: the service
/// reads the records, this decides.
/// </summary>
public sealed class FilingComparison
{
    private FilingComparison(List<ComparedPerson> people, FilingCounts counts, string digest, Guid? baseline, Guid? returned)
    {
        People = people;
        Counts = counts;
        Digest = digest;
        BaselineFilingId = baseline;
        ReturnedFilingId = returned;
        PeopleWithProblems = people.Count(p => p.Problems.Count > 0);
    }

    /// <summary>In the filing's order: employee number, then specialist id.</summary>
    public IReadOnlyList<ComparedPerson> People { get; }
    public FilingCounts Counts { get; }
    public string Digest { get; }
    public Guid? BaselineFilingId { get; }
    public Guid? ReturnedFilingId { get; }
    public int PeopleWithProblems { get; }
    public bool CanSubmit => PeopleWithProblems == 0 && People.Count > 0;

    /// <param name="current">The firm's current staff.</param>
    /// <param name="stillOnFile">Records of people of the baseline who are no longer current staff but still on the firm's roster (they left).</param>
    /// <param name="baseline">The firm's last accepted filing, if any.</param>
    /// <param name="returned">On a resubmission, the returned filing.</param>
    public static FilingComparison Build(Guid firmId, string periodCode, IEnumerable<(Guid Id, SpecialistRecord Record)> current,
        IReadOnlyDictionary<Guid, SpecialistRecord> stillOnFile, FrozenRoster? baseline, FrozenRoster? returned, DateOnly today)
    {
        var people = new List<ComparedPerson>();
        var seen = new HashSet<Guid>();
        foreach (var (id, record) in current)
        {
            seen.Add(id);
            var before = baseline?.People.GetValueOrDefault(id) is { Change: not FilingChange.Removed } b ? b.Record : null;
            var changes = before is null ? [] : SpecialistRecordDiff.Changes(before, record);
            var change = before is null ? FilingChange.Added : changes.Count == 0 ? FilingChange.Unchanged : FilingChange.Changed;
            people.Add(Person(id, record, change, changes, returned, CompletenessChecks.ProblemsOf(record, today)));
        }
        if (baseline is not null)
        {
            foreach (var (id, before) in baseline.People)
            {
                if (before.Change == FilingChange.Removed || seen.Contains(id))
                    continue;
                // Someone who left is reported with their record as it is now; someone no longer on the firm's roster at all, as last filed.
                var record = stillOnFile.GetValueOrDefault(id) ?? before.Record;
                people.Add(Person(id, record, FilingChange.Removed, SpecialistRecordDiff.Changes(before.Record, record), returned, []));
            }
        }
        people.Sort(static (a, b) => CompareOrder(a.EmployeeNumber, a.SpecialistId, b.EmployeeNumber, b.SpecialistId));

        var counts = new FilingCounts(
            people.Count(p => p.Change == FilingChange.Added), people.Count(p => p.Change == FilingChange.Changed),
            people.Count(p => p.Change == FilingChange.Unchanged), people.Count(p => p.Change == FilingChange.Removed));
        var digest = FilingDigest.Compute(firmId, periodCode, baseline?.FilingId, returned?.FilingId,
            people.Select(p => (p.SpecialistId, p.Change, p.ChangeSinceReturned, p.SnapshotDigest)));
        return new FilingComparison(people, counts, digest, baseline?.FilingId, returned?.FilingId);
    }

    /// <summary>The filing's order (the digest depends on it): employee number by code point, then specialist id.</summary>
    public static int CompareOrder(string aNumber, Guid aId, string bNumber, Guid bId)
    {
        var byNumber = string.CompareOrdinal(aNumber, bNumber);
        return byNumber != 0 ? byNumber : aId.CompareTo(bId);
    }

    private static ComparedPerson Person(Guid id, SpecialistRecord record, FilingChange change, List<FieldChange> changes,
        FrozenRoster? returned, List<string> problems)
    {
        var snapshot = FilingSnapshot.Serialize(record);
        var digest = FilingSnapshot.DigestOf(snapshot);
        FilingChange? sinceReturned = null;
        IReadOnlyList<FieldChange> changesSinceReturned = [];
        if (returned is not null)
        {
            if (returned.People.GetValueOrDefault(id) is not { } then)
                sinceReturned = FilingChange.Added;
            else if (then.SnapshotDigest == digest && then.Change == change)
                sinceReturned = FilingChange.Unchanged;
            else
            {
                changesSinceReturned = SpecialistRecordDiff.Changes(then.Record, record);
                // The same record reported as another kind of change (say, removed before and now current again) still differs.
                sinceReturned = changesSinceReturned.Count == 0 && then.Change == change ? FilingChange.Unchanged : FilingChange.Changed;
            }
        }
        return new ComparedPerson
        {
            SpecialistId = id,
            Record = record,
            Change = change,
            ChangeSinceReturned = sinceReturned,
            Changes = changes,
            ChangesSinceReturned = changesSinceReturned,
            Problems = problems,
            Snapshot = snapshot,
            SnapshotDigest = digest,
        };
    }
}
