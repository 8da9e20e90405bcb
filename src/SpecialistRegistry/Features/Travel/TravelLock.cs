using Microsoft.EntityFrameworkCore;
using SpecialistRegistry.Data;

namespace SpecialistRegistry.Features.Travel;

/// <summary>
/// Serialises the approvals of one specialist's trips across every app instance sharing the database, so the
/// overlap check and the approval it guards are one step: two regulators approving two overlapping requests of
/// the same person at once cannot both succeed. Held until the decision's transaction ends.
/// SQLite: BEGIN IMMEDIATE takes the database's write lock before the check. PostgreSQL: a transaction-scoped
/// advisory lock keyed by the specialist (another person's decisions are not held up; a hash collision only
/// makes two people's decisions wait for each other).
/// </summary>
internal static class TravelLock
{
    private const int TravelLockClass = 0x7472; // "tr": keeps these keys apart from the audit chain's lock.

    public static async Task ForSpecialistAsync(RegistryDb db, Guid specialistId, CancellationToken ct)
    {
        if (db.Database.CurrentTransaction is null)
            await db.Database.BeginTransactionAsync(ct);
        if (db.Database.IsNpgsql())
        {
            var key = BitConverter.ToInt32(specialistId.ToByteArray(), 0) ^ BitConverter.ToInt32(specialistId.ToByteArray(), 12);
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({TravelLockClass}, {key})", ct);
        }
    }
}
