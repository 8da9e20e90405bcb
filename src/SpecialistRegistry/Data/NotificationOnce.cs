using Microsoft.EntityFrameworkCore;
using SpecialistRegistry.Domain;

namespace SpecialistRegistry.Data;

/// <summary>
/// "At most once" for notices, held by the database: the first save to insert a key may give the notice, every
/// other (a second node, a rerun, a restart) inserts nothing and gives nothing. Insert-or-ignore, never
/// read-then-insert, so two nodes racing cannot both see "not yet" (docs/operations.md).
/// </summary>
public static class NotificationOnce
{
    /// <summary>
    /// Inserts <paramref name="key"/> unless it is there; true when this call inserted it. Call it inside the
    /// transaction that saves the notice, so a failed save gives the key back.
    /// </summary>
    public static async Task<bool> TryClaimAsync(RegistryDb db, string key, CancellationToken ct = default)
    {
        // The same statement on both engines (SQLite 3.24+ and PostgreSQL 9.5+ upsert syntax).
        var inserted = await db.Database.ExecuteSqlAsync(
            $"INSERT INTO \"NotificationKeys\" (\"Key\") VALUES ({key}) ON CONFLICT DO NOTHING", ct);
        return inserted == 1;
    }
}
