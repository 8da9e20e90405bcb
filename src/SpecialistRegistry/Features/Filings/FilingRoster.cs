using Microsoft.EntityFrameworkCore;
using SpecialistRegistry.Data;
using SpecialistRegistry.Domain;
using SpecialistRegistry.Domain.Filings;
using SpecialistRegistry.Domain.Records;

namespace SpecialistRegistry.Features.Filings;

/// <summary>
/// Reads what a comparison needs: the firm's current records (Data/SpecialistRecords, five queries), the last
/// accepted filing's frozen records and, for a resubmission, the returned one's. Used by preparing, refreshing
/// and submitting alike, so that all three decide on the same terms.
/// </summary>
public static class FilingRoster
{
    /// <summary>The firm's most recently accepted filing: what a new filing is compared with.</summary>
    public static Task<Guid?> LastAcceptedAsync(RegistryDb db, Guid firmId, CancellationToken ct) =>
        db.Filings.AsNoTracking().Where(f => f.FirmId == firmId && f.Status == FilingStatus.Accepted)
            .OrderByDescending(f => f.ReviewedAt).ThenByDescending(f => f.SubmittedAt)
            .Select(f => (Guid?)f.Id).FirstOrDefaultAsync(ct);

    public static async Task<FrozenRoster> LoadFrozenAsync(RegistryDb db, Guid filingId, CancellationToken ct)
    {
        var roster = new FrozenRoster(filingId);
        var entries = db.FilingEntries.AsNoTracking().Where(e => e.FilingId == filingId)
            .Select(e => new { e.SpecialistId, e.Change, e.Snapshot, e.SnapshotDigest });
        await foreach (var e in entries.AsAsyncEnumerable().WithCancellation(ct))
            roster.People[e.SpecialistId] = new FrozenPerson(FilingSnapshot.Deserialize(e.Snapshot), e.Change, e.SnapshotDigest);
        return roster;
    }

    public static async Task<FilingComparison> CompareAsync(RegistryDb db, Guid firmId, string periodCode, Guid? baselineId, Guid? returnedId,
        DateOnly today, CancellationToken ct)
    {
        var current = await SpecialistRecords.LoadAsync(db,
            db.Specialists.Where(s => s.FirmId == firmId && s.Status == EmploymentStatus.Current), ct);
        var baseline = baselineId is { } b ? await LoadFrozenAsync(db, b, ct) : null;
        var returned = returnedId is { } r ? await LoadFrozenAsync(db, r, ct) : null;

        IReadOnlyDictionary<Guid, SpecialistRecord> stillOnFile = new Dictionary<Guid, SpecialistRecord>();
        if (baseline is not null)
        {
            var currentIds = current.Select(c => c.Id).ToHashSet();
            var gone = baseline.People.Where(p => p.Value.Change != FilingChange.Removed && !currentIds.Contains(p.Key)).Select(p => p.Key).ToList();
            if (gone.Count > 0)
                stillOnFile = (await SpecialistRecords.LoadAsync(db, db.Specialists.Where(s => s.FirmId == firmId && gone.Contains(s.Id)), ct))
                    .ToDictionary(p => p.Id, p => p.Record);
        }
        return FilingComparison.Build(firmId, periodCode, current.Select(c => (c.Id, c.Record)), stillOnFile, baseline, returned, today);
    }
}
