using Microsoft.EntityFrameworkCore;
using SpecialistRegistry.Auth;
using SpecialistRegistry.Data;
using SpecialistRegistry.Domain;

namespace SpecialistRegistry.Features.Audit;

/// <summary>
/// Reads the audit trail one page at a time. The trail grows with every write the registry makes, so it is
/// filtered, counted, sorted and paged in the database; only the rows of the page asked for are loaded.
/// </summary>
public sealed class AuditTrailService(IDbContextFactory<RegistryDb> dbFactory, CurrentUser currentUser)
{
    public async Task<AuditPage> GetPageAsync(AuditQuery query, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var filtered = Filter(db.AuditEntries.AsNoTracking(), query);

        var total = await filtered.CountAsync(ct);
        var size = Math.Clamp(query.PageSize, 1, AuditQuery.MaxPageSize);
        // The grid shows the first page when the one asked for is past the end (a stale link, a narrower filter).
        var page = query.Page < 0 || (long)query.Page * size >= total ? 0 : query.Page;

        var entries = await Sort(filtered, query)
            .Skip(page * size)
            .Take(size)
            .Select(a => new
            {
                a.Sequence, a.At, a.ActorId, a.ActorName, a.Action, a.EntityType, a.EntityKey, a.Changes,
            })
            .ToListAsync(ct);

        // Values the reader's role may not read never leave this service: the page gets field names only.
        var role = currentUser.Get().Role;
        var rows = entries.Select(e =>
        {
            var changes = AuditChanges.Parse(e.Changes);
            if (!AuditVisibility.ValuesVisible(role, e.EntityType))
                return new AuditRow(e.Sequence, e.At, e.ActorId, e.ActorName, e.Action, e.EntityType, e.EntityKey,
                    AuditChanges.WithoutValues(changes), AuditChanges.SummarizeFields(changes)) { ValuesHidden = true };
            return new AuditRow(e.Sequence, e.At, e.ActorId, e.ActorName, e.Action, e.EntityType, e.EntityKey,
                changes, AuditChanges.Summarize(e.Action, changes));
        }).ToList();
        return new AuditPage(rows, total, page);
    }

    /// <summary>The entity types and actions that occur in the trail, for the page's filter lists.</summary>
    public async Task<AuditFilterOptions> GetFilterOptionsAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var types = await db.AuditEntries.Select(a => a.EntityType).Distinct().OrderBy(t => t).ToListAsync(ct);
        var actions = await db.AuditEntries.Select(a => a.Action).Distinct().OrderBy(a => a).ToListAsync(ct);
        return new AuditFilterOptions(types, actions);
    }

    /// <summary>The name an actor had on their latest entry, to label an actor filter that arrives by link.</summary>
    public async Task<string?> GetActorNameAsync(string actorId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.AuditEntries.Where(a => a.ActorId == actorId)
            .OrderByDescending(a => a.Sequence)
            .Select(a => a.ActorName)
            .FirstOrDefaultAsync(ct);
    }

    private static IQueryable<AuditEntry> Filter(IQueryable<AuditEntry> entries, AuditQuery query)
    {
        if (!string.IsNullOrWhiteSpace(query.Text))
        {
            // Lower-casing both sides matches case-insensitively on SQLite and PostgreSQL alike.
            var text = query.Text.Trim().ToLowerInvariant();
            entries = entries.Where(a => a.ActorName.ToLower().Contains(text) || a.EntityKey.ToLower().Contains(text));
        }
        if (!string.IsNullOrEmpty(query.EntityType))
            entries = entries.Where(a => a.EntityType == query.EntityType);
        if (!string.IsNullOrEmpty(query.Action))
            entries = entries.Where(a => a.Action == query.Action);
        if (!string.IsNullOrEmpty(query.ActorId))
            entries = entries.Where(a => a.ActorId == query.ActorId);
        if (query.From is { } from)
        {
            var start = StartOfUtcDay(from);
            entries = entries.Where(a => a.At >= start);
        }
        if (query.To is { } to)
        {
            var end = StartOfUtcDay(to.AddDays(1));
            entries = entries.Where(a => a.At < end);
        }
        return entries;
    }

    // Sequence breaks every tie, so a page never shows a row twice or skips one when the sort column repeats.
    private static IQueryable<AuditEntry> Sort(IQueryable<AuditEntry> entries, AuditQuery query) => (query.Sort, query.Descending) switch
    {
        (AuditSort.Sequence, false) => entries.OrderBy(a => a.Sequence),
        (AuditSort.Sequence, true) => entries.OrderByDescending(a => a.Sequence),
        (AuditSort.At, false) => entries.OrderBy(a => a.At).ThenBy(a => a.Sequence),
        (AuditSort.At, true) => entries.OrderByDescending(a => a.At).ThenByDescending(a => a.Sequence),
        (AuditSort.Actor, false) => entries.OrderBy(a => a.ActorName).ThenByDescending(a => a.Sequence),
        (AuditSort.Actor, true) => entries.OrderByDescending(a => a.ActorName).ThenByDescending(a => a.Sequence),
        (AuditSort.Action, false) => entries.OrderBy(a => a.Action).ThenByDescending(a => a.Sequence),
        (AuditSort.Action, true) => entries.OrderByDescending(a => a.Action).ThenByDescending(a => a.Sequence),
        (AuditSort.EntityType, false) => entries.OrderBy(a => a.EntityType).ThenByDescending(a => a.Sequence),
        (AuditSort.EntityType, true) => entries.OrderByDescending(a => a.EntityType).ThenByDescending(a => a.Sequence),
        (AuditSort.EntityKey, false) => entries.OrderBy(a => a.EntityKey).ThenByDescending(a => a.Sequence),
        (AuditSort.EntityKey, true) => entries.OrderByDescending(a => a.EntityKey).ThenByDescending(a => a.Sequence),
        _ => entries.OrderByDescending(a => a.Sequence),
    };

    private static DateTimeOffset StartOfUtcDay(DateOnly day) => new(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
}
