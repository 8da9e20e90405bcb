using Microsoft.EntityFrameworkCore;
using SpecialistRegistry.Domain;

namespace SpecialistRegistry.Data;

/// <summary>One firm's filing for one period: where it stands and whether it came on time.</summary>
public sealed record FilingObligation(
    Guid FirmId, string FirmName, IndustrySegment Segment, string ContactName, string ContactPhone, string ContactEmail,
    FilingPeriod Period, FilingState State, Guid? LatestFilingId, DateTimeOffset? FirstSubmittedAt, FilingWaiver? Waiver = null)
{
    public bool IsFiled => FirstSubmittedAt is not null;

    /// <summary>Withdrawn or exempt: the firm owes nothing for the period, so it is neither overdue nor "not filed".</summary>
    public bool IsWaived => Waiver is not null;

    /// <summary>Still owed: nothing submitted, and not waived.</summary>
    public bool IsOpen => !IsFiled && !IsWaived;

    /// <summary>Past its due date with nothing submitted (a draft is not a filing) and not waived.</summary>
    public bool IsOverdue(DateOnly today) => IsOpen && today > Period.DueOn;

    /// <summary>The first submission came after the due date (a resubmission does not make a filing late).</summary>
    public bool WasLate => FirstSubmittedAt is { } at && DateOnly.FromDateTime(at.UtcDateTime) > Period.DueOn;

    public int DaysUntilDue(DateOnly today) => Period.DueOn.DayNumber - today.DayNumber;
}

/// <summary>How the firms did for one period.</summary>
public sealed record PeriodCompliance(FilingPeriod Period, int Firms, int OnTime, int Late, int NotFiled, int Overdue, int AwaitingReview, int Returned, int Accepted,
    int Exempt);

/// <summary>
/// Which firm owes which filing, and where each stands: the one place that says so, for the filings pages,
/// the reminders, the home pages and the dashboard. Every applicable firm owes one filing per period (a quarter:
/// every firm; a demand: the firms it names). Reads through the context's firm scope like everything else.
/// </summary>
public static class FilingObligations
{
    public static async Task<List<FilingObligation>> LoadAsync(RegistryDb db, IQueryable<FilingPeriod> periods, CancellationToken ct)
    {
        var periodList = await periods.AsNoTracking().ToListAsync(ct);
        if (periodList.Count == 0)
            return [];
        var firms = await db.Firms.AsNoTracking()
            .Select(f => new { f.Id, f.Name, f.Segment, f.ContactName, f.ContactPhone, f.ContactEmail }).ToListAsync(ct);
        var periodIds = periodList.Select(p => p.Id).ToList();
        var filings = (await db.Filings.AsNoTracking().Where(f => periodIds.Contains(f.PeriodId))
                .Select(f => new { f.Id, f.FirmId, f.PeriodId, f.Status, f.ResubmissionOfId, f.CreatedAt, f.SubmittedAt })
                .ToListAsync(ct))
            .GroupBy(f => (f.FirmId, f.PeriodId))
            .ToDictionary(g => g.Key, g =>
            {
                var latest = g.OrderByDescending(f => f.CreatedAt).ThenByDescending(f => f.Id).First();
                // A resubmission being prepared leaves the firm's filing returned until it is submitted.
                var state = latest.Status == FilingStatus.Draft && latest.ResubmissionOfId is not null ? FilingState.Returned : StateOf(latest.Status);
                return (State: state, LatestId: latest.Id, FirstSubmitted: g.Min(f => f.SubmittedAt));
            });
        var waivers = (await db.FilingWaivers.AsNoTracking().Where(w => periodIds.Contains(w.PeriodId)).ToListAsync(ct))
            .ToDictionary(w => (w.FirmId, w.PeriodId));

        var obligations = new List<FilingObligation>();
        foreach (var period in periodList)
        {
            foreach (var firm in firms)
            {
                if (!period.AppliesTo(firm.Id, firm.Segment))
                    continue;
                var found = filings.TryGetValue((firm.Id, period.Id), out var f);
                var waiver = waivers.GetValueOrDefault((firm.Id, period.Id));
                // A waiver is refused once something was submitted, so a waived firm's drafts no longer count.
                var state = waiver is not null ? StateOf(waiver.Kind) : found ? f.State : FilingState.NotStarted;
                obligations.Add(new FilingObligation(firm.Id, firm.Name, firm.Segment, firm.ContactName, firm.ContactPhone, firm.ContactEmail,
                    period, state, found ? f.LatestId : null, found ? f.FirstSubmitted : null, waiver));
            }
        }
        return obligations;
    }

    /// <summary>The latest <paramref name="count"/> periods by due date (the ones compliance figures show).</summary>
    public static IQueryable<FilingPeriod> Recent(RegistryDb db, int count) =>
        db.FilingPeriods.OrderByDescending(p => p.DueOn).ThenByDescending(p => p.Code).Take(count);

    public static List<PeriodCompliance> Summarize(IEnumerable<FilingObligation> obligations, DateOnly today) =>
        obligations.GroupBy(o => o.Period.Id)
            .Select(g => new PeriodCompliance(g.First().Period, g.Count(),
                g.Count(o => o.IsFiled && !o.WasLate), g.Count(o => o.WasLate), g.Count(o => o.IsOpen), g.Count(o => o.IsOverdue(today)),
                g.Count(o => o.State is FilingState.Submitted or FilingState.Resubmitted), g.Count(o => o.State == FilingState.Returned),
                g.Count(o => o.State == FilingState.Accepted), g.Count(o => o.IsWaived)))
            .OrderByDescending(c => c.Period.DueOn).ThenBy(c => c.Period.Code, StringComparer.Ordinal)
            .ToList();

    public static FilingState StateOf(FilingWaiverKind kind) => kind == FilingWaiverKind.Withdrawn ? FilingState.Withdrawn : FilingState.Exempt;

    public static FilingState StateOf(FilingStatus status) => status switch
    {
        FilingStatus.Draft => FilingState.Draft,
        FilingStatus.Submitted => FilingState.Submitted,
        FilingStatus.Returned => FilingState.Returned,
        FilingStatus.Resubmitted => FilingState.Resubmitted,
        _ => FilingState.Accepted,
    };
}
