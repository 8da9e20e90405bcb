using Microsoft.EntityFrameworkCore;
using SpecialistRegistry.Data;

namespace SpecialistRegistry.Features.Audit;

/// <summary>One user's disclosures in the period: reveals of full numbers and exports of personal data.</summary>
public sealed record DisclosureRow(string ActorId, string ActorName, int Reveals, int Exports, DateTimeOffset Last);

/// <summary>
/// The disclosure report: who revealed full numbers or exported personal data, how often, over the last days.
/// Counted from the audit trail in the database (grouped by user, so the result is as long as the list of users).
/// </summary>
public sealed class DisclosureReportService(IDbContextFactory<RegistryDb> dbFactory, TimeProvider clock)
{
    public static readonly int[] Periods = [1, 7, 30, 90];

    public async Task<IReadOnlyList<DisclosureRow>> ByUserAsync(int days, CancellationToken ct = default)
    {
        var since = clock.GetUtcNow().AddDays(-(Periods.Contains(days) ? days : Periods[1]));
        var actions = DisclosureWatch.RevealActions.Concat(DisclosureWatch.ExportActions).ToArray();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var counts = await db.AuditEntries.AsNoTracking()
            .Where(a => a.At >= since && actions.Contains(a.Action))
            .GroupBy(a => new { a.ActorId, a.Action })
            .Select(g => new { g.Key.ActorId, g.Key.Action, Count = g.Count(), Name = g.Max(a => a.ActorName), Last = g.Max(a => a.At) })
            .ToListAsync(ct);
        return counts.GroupBy(c => c.ActorId)
            .Select(g => new DisclosureRow(g.Key, g.Max(c => c.Name)!,
                g.Where(c => DisclosureWatch.RevealActions.Contains(c.Action)).Sum(c => c.Count),
                g.Where(c => DisclosureWatch.ExportActions.Contains(c.Action)).Sum(c => c.Count),
                g.Max(c => c.Last)))
            .OrderByDescending(r => r.Reveals + r.Exports).ThenBy(r => r.ActorName, StringComparer.Ordinal)
            .ToList();
    }
}
