using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using SpecialistRegistry.Data;

namespace SpecialistRegistry.Features.Audit;

/// <summary>A stored row that differs from what the audit trail last recorded for it.</summary>
public sealed record RowDifference(string EntityType, string EntityKey, string Problem);

/// <summary>
/// <c>audit verify --deep</c>: replays the trail's recorded values for every stored row of every audited table
/// and names rows whose content differs — the mark of a change made in the database directly, past the app
/// and its audit. Rows are read in batches with their audit entries, so memory stays bounded by the batch;
/// only the keys of rows the trail says exist are held for the whole table.
/// </summary>
public sealed class LiveRowCheck(IDbContextFactory<RegistryDb> dbFactory)
{
    private const int BatchSize = 500;
    private static readonly string[] RowActions = ["Added", "Modified", "Deleted"];

    /// <summary>Differences, at most <paramref name="limit"/> (the count of all of them is returned too).</summary>
    public async Task<(IReadOnlyList<RowDifference> Differences, long Total, long RowsChecked)> RunAsync(int limit = 100, CancellationToken ct = default)
    {
        var found = new List<RowDifference>();
        long total = 0, rows = 0;
        await using var model = await dbFactory.CreateDbContextAsync(ct);
        var types = model.Model.GetEntityTypes()
            .Where(t => !t.IsOwned() && t.FindPrimaryKey() is not null && t.BaseType is null && AuditInterceptor.IsAudited(t.ClrType))
            .ToList();
        foreach (var type in types)
        {
            await foreach (var difference in CheckTableAsync(type, n => rows += n, ct))
            {
                total++;
                if (found.Count < limit)
                    found.Add(difference);
            }
        }
        return (found, total, rows);
    }

    private async IAsyncEnumerable<RowDifference> CheckTableAsync(IEntityType type, Action<int> counted,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        var name = type.ClrType.Name;
        var existing = await KeysTheTrailSaysExistAsync(name, ct);

        await using var rowsDb = await dbFactory.CreateDbContextAsync(ct);
        await using var trailDb = await dbFactory.CreateDbContextAsync(ct);
        var batch = new List<(string Key, Dictionary<string, string?> Fields)>(BatchSize);
        await foreach (var entity in Rows(rowsDb, type.ClrType).WithCancellation(ct))
        {
            var entry = rowsDb.Entry(entity);
            batch.Add((AuditInterceptor.KeyOf(entry), AuditInterceptor.RecordedFields(entry)));
            if (batch.Count < BatchSize)
                continue;
            foreach (var d in await CompareAsync(trailDb, name, batch, existing, ct))
                yield return d;
            counted(batch.Count);
            batch.Clear();
            rowsDb.ChangeTracker.Clear();
        }
        foreach (var d in await CompareAsync(trailDb, name, batch, existing, ct))
            yield return d;
        counted(batch.Count);

        // What is left was added (and never deleted) according to the trail but is not in the table.
        foreach (var key in existing.Order(StringComparer.Ordinal))
            yield return new RowDifference(name, key, "The trail records this row, but it is not in the database: it was deleted past the app.");
    }

    private async Task<List<RowDifference>> CompareAsync(RegistryDb trailDb, string type,
        List<(string Key, Dictionary<string, string?> Fields)> batch, HashSet<string> existing, CancellationToken ct)
    {
        var differences = new List<RowDifference>();
        if (batch.Count == 0)
            return differences;
        var keys = batch.Select(b => b.Key).ToList();
        var entries = await trailDb.AuditEntries.AsNoTracking()
            .Where(a => a.EntityType == type && keys.Contains(a.EntityKey) && RowActions.Contains(a.Action))
            .OrderBy(a => a.Sequence).Select(a => new { a.EntityKey, a.Action, a.Changes }).ToListAsync(ct);
        var recorded = new Dictionary<string, Dictionary<string, string?>?>(StringComparer.Ordinal);
        foreach (var e in entries)
        {
            if (e.Action == "Deleted")
            {
                recorded[e.EntityKey] = null;
                continue;
            }
            if (e.Action == "Added" || !recorded.TryGetValue(e.EntityKey, out var fields) || fields is null)
                recorded[e.EntityKey] = fields = new Dictionary<string, string?>(StringComparer.Ordinal);
            foreach (var (field, values) in JsonSerializer.Deserialize<Dictionary<string, string?[]>>(e.Changes) ?? [])
                fields[field] = values.Length == 2 ? values[1] : null;
        }

        foreach (var (key, live) in batch)
        {
            existing.Remove(key);
            if (!recorded.TryGetValue(key, out var fields))
            {
                differences.Add(new RowDifference(type, key, "This row has no audit entry: it was inserted past the app."));
                continue;
            }
            if (fields is null)
            {
                differences.Add(new RowDifference(type, key, "The trail records this row as deleted, but it is in the database: it was restored past the app."));
                continue;
            }
            // A field the trail never mentions came with a later version of the app; nothing was recorded to compare.
            var changed = live.Where(f => fields.TryGetValue(f.Key, out var value) && !SameValue(value, f.Value))
                .Select(f => f.Key).Order(StringComparer.Ordinal).ToList();
            if (changed.Count > 0)
                differences.Add(new RowDifference(type, key,
                    $"The stored {string.Join(", ", changed)} differ from what the trail last recorded: changed past the app."));
        }
        return differences;
    }

    // Keys of rows whose last row entry in the trail is not a deletion, read as a stream of (key, action).
    private async Task<HashSet<string>> KeysTheTrailSaysExistAsync(string type, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var keys = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var e in db.AuditEntries.AsNoTracking().Where(a => a.EntityType == type && RowActions.Contains(a.Action))
                           .OrderBy(a => a.Sequence).Select(a => new { a.EntityKey, a.Action }).AsAsyncEnumerable().WithCancellation(ct))
        {
            if (e.Action == "Deleted")
                keys.Remove(e.EntityKey);
            else
                keys.Add(e.EntityKey);
        }
        return keys;
    }

    // Tracked, so shadow properties (foreign keys EF keeps outside the class) are read too.
    private static IAsyncEnumerable<object> Rows(RegistryDb db, Type clr) =>
        ((IQueryable<object>)typeof(DbContext).GetMethod(nameof(DbContext.Set), Type.EmptyTypes)!.MakeGenericMethod(clr).Invoke(db, null)!)
        .AsAsyncEnumerable();

    // Times are recorded to the tick but PostgreSQL keeps microseconds: equal to the microsecond is equal.
    private static bool SameValue(string? recorded, string? stored)
    {
        if (recorded == stored)
            return true;
        const DateTimeStyles styles = DateTimeStyles.RoundtripKind;
        return recorded is not null && stored is not null
               && DateTimeOffset.TryParseExact(recorded, "O", CultureInfo.InvariantCulture, styles, out var a)
               && DateTimeOffset.TryParseExact(stored, "O", CultureInfo.InvariantCulture, styles, out var b)
               && a.UtcTicks / 10 == b.UtcTicks / 10;
    }
}
