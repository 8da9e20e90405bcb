using Microsoft.Data.Sqlite;
using Npgsql;
using SpecialistRegistry.Domain;

namespace SpecialistRegistry.Data;

/// <summary>
/// The database could not take this write now because another one holds the lock (on SQLite a large import
/// commits as one transaction, and writers queue behind it up to the busy time-out). Nothing of this save was
/// written; the user is told so and may try again.
/// </summary>
public sealed class RegistryBusyException(Exception inner) : DomainException(DomainText.Get("Registry_Busy"), inner);

internal static class RegistryBusy
{
    private const int SqliteBusy = 5;
    private const int SqliteLocked = 6;
    private const string PostgresLockNotAvailable = "55P03";

    /// <summary>Whether <paramref name="e"/> (or what it wraps) is the database refusing for a lock held by another writer.</summary>
    public static bool IsBusy(Exception e)
    {
        for (var x = e; x is not null; x = x.InnerException)
        {
            if (x is SqliteException sqlite && sqlite.SqliteErrorCode is SqliteBusy or SqliteLocked)
                return true;
            if (x is PostgresException pg && pg.SqlState == PostgresLockNotAvailable)
                return true;
        }
        return false;
    }
}
