using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace SpecialistRegistry.Data;

/// <summary>
/// Whether the configured database is new: missing, without the registry's tables, or without a single audit
/// entry (every save writes one, so a database that ever held data has some). Read with plain ADO.NET, before
/// any context exists, because every context's interceptors need the field key this answer decides about.
/// </summary>
internal static class EmptyDatabase
{
    public static async Task<bool> IsEmptyAsync(RegistryOptions options, string contentRoot, CancellationToken ct)
    {
        if (options.Provider == DatabaseProvider.Postgres)
        {
            try
            {
                await using var pg = new NpgsqlConnection(options.PostgresConnectionString());
                await pg.OpenAsync(ct);
                return await HasNoAuditEntriesAsync(pg, "SELECT to_regclass('\"AuditEntries\"') IS NOT NULL", ct);
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.InvalidCatalogName)
            {
                return true; // the database does not exist yet: migrating creates it
            }
        }
        var path = options.SqliteDatabasePath(contentRoot);
        if (!File.Exists(path) || new FileInfo(path).Length == 0)
            return true;
        await using var sqlite = new SqliteConnection($"Data Source={path};Mode=ReadOnly");
        await sqlite.OpenAsync(ct);
        return await HasNoAuditEntriesAsync(sqlite, "SELECT COUNT(*) > 0 FROM sqlite_master WHERE type = 'table' AND name = 'AuditEntries'", ct);
    }

    private static async Task<bool> HasNoAuditEntriesAsync(DbConnection connection, string tableExists, CancellationToken ct)
    {
        await using var exists = connection.CreateCommand();
        exists.CommandText = tableExists;
        if (!Convert.ToBoolean(await exists.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture))
            return true;
        await using var any = connection.CreateCommand();
        any.CommandText = "SELECT EXISTS (SELECT 1 FROM \"AuditEntries\")";
        return !Convert.ToBoolean(await any.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
    }
}
