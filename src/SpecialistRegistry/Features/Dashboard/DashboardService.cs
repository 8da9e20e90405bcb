using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using SpecialistRegistry.Data;
using SpecialistRegistry.Domain;
using SpecialistRegistry.Features.Custody;
using SpecialistRegistry.Features.Search.Memory;

namespace SpecialistRegistry.Features.Dashboard;

public sealed record FirmCount(Guid FirmId, string FirmName, int Count);

public sealed record FirmCompliance(Guid FirmId, string FirmName, int Current, int Held)
{
    public double Share => Current == 0 ? 0 : (double)Held / Current;
}

public sealed record SegmentCount(IndustrySegment Segment, int Count);

public sealed record ReasonCount(FlagReason Reason, int Count);

/// <summary>Passports overdue by FromDays to ToDays days (no upper end for the last bucket); the page words the range.</summary>
public sealed record OverdueBucket(int FromDays, int? ToDays, int Count);

public sealed record DashboardFigures(
    int CurrentSpecialists,
    IReadOnlyList<FirmCount> SpecialistsByFirm,
    IReadOnlyList<SegmentCount> SpecialistsBySegment,
    IReadOnlyList<FirmCompliance> Compliance,
    int Overdue,
    IReadOnlyList<OverdueBucket> OverdueByAge,
    IReadOnlyList<FirmCount> OverdueByFirm,
    IReadOnlyList<ReasonCount> OpenFlagsByReason,
    int FilingsAwaitingReview,
    IReadOnlyList<PeriodCompliance> FilingCompliance);

public sealed record LabelCount(string Label, int Count);

public sealed record PurposeCount(TravelPurpose Purpose, int Count);

/// <summary>Travel since approvals began: requests by destination country and purpose, the approval rate, late returns by firm.</summary>
public sealed record TravelFigures(
    int Requests, int Waiting, int Approved, int Denied, int Returned, int ReturnedLate,
    IReadOnlyList<LabelCount> ByDestination, IReadOnlyList<PurposeCount> ByPurpose, IReadOnlyList<FirmCount> LateReturnsByFirm)
{
    /// <summary>Approved (whatever became of the trip afterwards) out of all decided; withdrawn requests were never decided.</summary>
    public double ApprovalRate => Approved + Denied == 0 ? 0 : (double)Approved / (Approved + Denied);
}

/// <summary>
/// The regulator's dashboard. Every figure is a GROUP BY in the database returning one row per firm, segment,
/// date or reason (staff per firm from the in-memory search index on SQLite); no table is loaded. Figures count
/// current staff only: people who left are history.
/// </summary>
public sealed class DashboardService(IDbContextFactory<RegistryDb> dbFactory, TimeProvider clock, MemorySearchIndex memory,
    IOptions<RegistryOptions> options, IStringLocalizer<DashboardText> T)
{
    public async Task<DashboardFigures> LoadAsync(CancellationToken ct = default)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        // Firms are few (hundreds); people are many. Segments are summed from the per-firm counts rather than
        // by a second pass over the people.
        var firms = await db.Firms.AsNoTracking().Select(f => new { f.Id, f.Name, f.Segment }).ToDictionaryAsync(f => f.Id, ct);
        string Name(Guid id) => firms.GetValueOrDefault(id)?.Name ?? T["UnknownFirm"].Value;

        var (byFirm, heldByFirm) = await StaffByFirmAsync(db, ct);

        var overdue = OverduePassports.Among(db.Passports.AsNoTracking(), today);
        var overdueByDate = await overdue.GroupBy(p => p.DueBackOn).Select(g => new { DueBackOn = g.Key, Count = g.Count() }).ToListAsync(ct);
        var overdueByFirm = await overdue.GroupBy(p => p.Specialist!.FirmId).Select(g => new { FirmId = g.Key, Count = g.Count() }).ToListAsync(ct);

        var flags = await db.Flags.AsNoTracking().Where(f => f.Status == FlagStatus.Open)
            .GroupBy(f => f.Reason).Select(g => new ReasonCount(g.Key, g.Count())).ToListAsync(ct);

        // Filing compliance of the latest periods: one row per firm and period, so a few thousand rows at most.
        var backlog = await db.Filings.CountAsync(f => f.Status == FilingStatus.Submitted || f.Status == FilingStatus.Resubmitted, ct);
        var compliance = FilingObligations.Summarize(await FilingObligations.LoadAsync(db, FilingObligations.Recent(db, CompliancePeriods), ct), today);

        return new DashboardFigures(
            byFirm.Sum(f => f.Count),
            byFirm.Select(f => new FirmCount(f.FirmId, Name(f.FirmId), f.Count)).OrderByDescending(f => f.Count).ThenBy(f => f.FirmName).ToList(),
            Enum.GetValues<IndustrySegment>()
                .Select(segment => new SegmentCount(segment, byFirm.Where(f => firms.GetValueOrDefault(f.FirmId)?.Segment == segment).Sum(f => f.Count)))
                .ToList(),
            byFirm.Select(f => new FirmCompliance(f.FirmId, Name(f.FirmId), f.Count, heldByFirm.GetValueOrDefault(f.FirmId)))
                .OrderBy(c => c.Share).ThenBy(c => c.FirmName).ToList(),
            overdueByDate.Sum(d => d.Count),
            AgeBuckets(today, overdueByDate.Select(d => (d.DueBackOn!.Value, d.Count))),
            overdueByFirm.Select(f => new FirmCount(f.FirmId, Name(f.FirmId), f.Count)).OrderByDescending(f => f.Count).ThenBy(f => f.FirmName).ToList(),
            flags.OrderByDescending(f => f.Count).ThenBy(f => f.Reason).ToList(),
            backlog,
            compliance);
    }

    /// <summary>Every travel figure is a GROUP BY over the requests, one row per country, purpose, status or firm.</summary>
    public async Task<TravelFigures> LoadTravelAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var trips = db.TravelRequests.AsNoTracking();
        var byStatus = await trips.GroupBy(t => t.Status).Select(g => new { Status = g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Status, g => g.Count, ct);
        var byCountry = await trips.GroupBy(t => t.DestinationCountry).Select(g => new LabelCount(g.Key, g.Count())).ToListAsync(ct);
        var byPurpose = await trips.GroupBy(t => t.Purpose).Select(g => new PurposeCount(g.Key, g.Count())).ToListAsync(ct);
        var late = await trips.Where(t => t.Status == TravelStatus.Returned && t.LateByDays > 0)
            .GroupBy(t => t.FirmId).Select(g => new { FirmId = g.Key, Count = g.Count() }).ToListAsync(ct);
        var firms = await db.Firms.AsNoTracking().Select(f => new { f.Id, f.Name }).ToDictionaryAsync(f => f.Id, f => f.Name, ct);
        int Count(params TravelStatus[] statuses) => statuses.Sum(byStatus.GetValueOrDefault);
        return new TravelFigures(
            byStatus.Values.Sum(),
            Count(TravelStatus.Pending, TravelStatus.InformationRequested),
            Count(TravelStatus.Approved, TravelStatus.Released, TravelStatus.Returned, TravelStatus.Expired),
            Count(TravelStatus.Denied),
            Count(TravelStatus.Returned),
            late.Sum(l => l.Count),
            byCountry.OrderByDescending(c => c.Count).ThenBy(c => c.Label).ToList(),
            byPurpose.OrderByDescending(p => p.Count).ThenBy(p => p.Purpose).ToList(),
            late.Select(l => new FirmCount(l.FirmId, firms.GetValueOrDefault(l.FirmId) ?? T["UnknownFirm"].Value, l.Count))
                .OrderByDescending(f => f.Count).ThenBy(f => f.FirmName).ToList());
    }

    /// <summary>How many reporting periods the filing compliance chart shows, latest due date first.</summary>
    public const int CompliancePeriods = 8;

    /// <summary>
    /// Current specialists per firm, and those whose current passport is held. Counting a million people is two
    /// scans of seconds in SQLite, so on SQLite the in-memory search index counts them (same numbers: its
    /// documents carry each person's employment status and current passport's custody).
    /// </summary>
    private async Task<(List<(Guid FirmId, int Count)> Current, Dictionary<Guid, int> Held)> StaffByFirmAsync(RegistryDb db, CancellationToken ct)
    {
        // The index knows every firm: only for a context not narrowed to one (the page is for regulators anyway).
        if (db.FirmScope is null && options.Value.SearchInMemory && await memory.TryCatchUpAsync(db, ct))
        {
            var staff = memory.CurrentStaffByFirm();
            return (staff.Select(f => (f.FirmId, f.Current)).ToList(), staff.ToDictionary(f => f.FirmId, f => f.Held));
        }
        var current = await db.Specialists.AsNoTracking().Where(s => s.Status == EmploymentStatus.Current)
            .GroupBy(s => s.FirmId).Select(g => new { FirmId = g.Key, Count = g.Count() }).ToListAsync(ct);
        // A person has one current passport, so counting current held passports counts people whose passport is held.
        var held = await db.Passports.AsNoTracking()
            .Where(p => p.IsCurrent && p.CustodyStatus == CustodyStatus.Held && p.Specialist!.Status == EmploymentStatus.Current)
            .GroupBy(p => p.Specialist!.FirmId).Select(g => new { FirmId = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.FirmId, g => g.Count, ct);
        return (current.Select(f => (f.FirmId, f.Count)).ToList(), held);
    }

    internal static IReadOnlyList<OverdueBucket> AgeBuckets(DateOnly today, IEnumerable<(DateOnly DueBackOn, int Count)> byDate)
    {
        var buckets = new (int FromDays, int MaxDays)[] { (1, 7), (8, 30), (31, 90), (91, int.MaxValue) };
        var counts = new int[buckets.Length];
        foreach (var (due, count) in byDate)
        {
            var days = today.DayNumber - due.DayNumber;
            counts[Array.FindIndex(buckets, b => days <= b.MaxDays)] += count;
        }
        return buckets.Select((b, i) => new OverdueBucket(b.FromDays, b.MaxDays == int.MaxValue ? null : b.MaxDays, counts[i])).ToList();
    }
}
