using SpecialistRegistry.Domain;
using SpecialistRegistry.Domain.Filings;
using SpecialistRegistry.Domain.Records;

namespace SpecialistRegistry.Tests.Infrastructure;

/// <summary>
/// Filings in any status, built through the domain's own steps (draft → prepared → submitted → decided), for
/// tests that need a filing to exist but are not about filing. Save the returned filings in one save: a
/// submitted filing's entries can only be added by the save that submits it.
/// </summary>
public static class TestFilings
{
    public static readonly UserRef Hr = new("test-firmhr", "Test FirmHR");
    public static readonly UserRef Regulator = new("test-regulator", "Test Regulator");

    public static FilingPeriod Quarter(DateTimeOffset now, int year = 2026, int quarter = 4) =>
        FilingPeriod.Quarter(year, quarter, 30, new UserRef("system:test", "Test"), now);

    /// <summary>
    /// The filings to save for one firm and period ending in <paramref name="status"/>: one filing, or for
    /// <see cref="FilingStatus.Resubmitted"/> the returned filing and its resubmission. Everyone is "added".
    /// </summary>
    public static List<Filing> Make(Guid firmId, FilingPeriod period, FilingStatus status, DateTimeOffset now, params Specialist[] people)
    {
        if (status == FilingStatus.Resubmitted)
        {
            var returned = Make(firmId, period, FilingStatus.Returned, now, people).Single();
            var again = returned.StartResubmission(null, Hr, now);
            Freeze(again, people, now, firmId, period);
            return [returned, again];
        }
        var filing = Filing.StartDraft(firmId, period, null, Hr, now);
        if (status == FilingStatus.Draft)
        {
            filing.Prepare(null, new FilingCounts(people.Length, 0, 0, 0), "draft", Hr, now);
            return [filing];
        }
        Freeze(filing, people, now, firmId, period);
        if (status == FilingStatus.Accepted)
            filing.Accept(Regulator, now);
        else if (status == FilingStatus.Returned)
            filing.Return("Please correct the passports.", Regulator, now);
        return [filing];
    }

    private static void Freeze(Filing filing, Specialist[] people, DateTimeOffset now, Guid firmId, FilingPeriod period)
    {
        var entries = people.Select(p =>
        {
            var snapshot = FilingSnapshot.Serialize(new SpecialistRecord { EmployeeNumber = p.EmployeeNumber, FullName = p.FullName, LatinName = p.LatinName });
            return new FilingEntry
            {
                FilingId = filing.Id, SpecialistId = p.Id, EmployeeNumber = p.EmployeeNumber, FullName = p.FullName, LatinName = p.LatinName,
                Change = FilingChange.Added, ChangeSinceReturned = filing.IsResubmission ? FilingChange.Unchanged : null,
                Snapshot = snapshot, SnapshotDigest = FilingSnapshot.DigestOf(snapshot),
            };
        }).ToList();
        var digest = FilingDigest.Compute(firmId, period.Code, null, filing.ResubmissionOfId,
            entries.Select(e => (e.SpecialistId, e.Change, e.ChangeSinceReturned, e.SnapshotDigest)));
        filing.Prepare(null, new FilingCounts(people.Length, 0, 0, 0), digest, Hr, now);
        filing.Submit(digest, $"FL-TEST-{Guid.NewGuid().ToString("N")[..8].ToUpperInvariant()}", "TEST-CODE-0000", "I confirm that this roster is complete and accurate.", Hr, now);
        filing.Entries.AddRange(entries);
    }
}
