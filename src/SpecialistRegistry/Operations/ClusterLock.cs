using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Npgsql;
using SpecialistRegistry.Data;

namespace SpecialistRegistry.Operations;

/// <summary>
/// Mutual exclusion between app nodes. On PostgreSQL a transaction-scoped advisory lock, so a node that dies
/// mid-run frees it with its connection; on SQLite, which serves one node, a lock in this process (one per
/// database file). Scheduled jobs skip a tick another node is running; start-up waits its turn (docs/operations.md).
/// </summary>
public sealed class ClusterLock(IOptions<RegistryOptions> options, IHostEnvironment env, ILogger<ClusterLock> log)
{
    private static readonly ConcurrentDictionary<string, SemaphoreSlim> InProcess = new();

    /// <summary>
    /// Runs <paramref name="tick"/> if this node can take the lock named <paramref name="name"/> now; returns
    /// (false, default) without running it when another node holds it.
    /// </summary>
    public async Task<(bool Ran, T? Result)> TryRunAsync<T>(string name, Func<CancellationToken, Task<T>> tick, CancellationToken ct = default)
    {
        if (options.Value.Provider != DatabaseProvider.Postgres)
        {
            var gate = InProcess.GetOrAdd(LocalName(name), _ => new SemaphoreSlim(1, 1));
            if (!await gate.WaitAsync(0, ct))
                return (false, default);
            try
            {
                return (true, await tick(ct));
            }
            finally
            {
                gate.Release();
            }
        }

        await using var connection = new NpgsqlConnection(options.Value.PostgresConnectionString());
        await connection.OpenAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await using var take = new NpgsqlCommand("SELECT pg_try_advisory_xact_lock(@key)", connection, transaction);
        take.Parameters.AddWithValue("key", Key(name));
        if (await take.ExecuteScalarAsync(ct) is not true)
        {
            log.LogDebug("Skipped {Job}: another node is running it.", name);
            return (false, default);
        }
        var result = await tick(ct);
        await transaction.CommitAsync(ct);
        return (true, result);
    }

    /// <summary>
    /// Waits until this node holds the lock named <paramref name="name"/>, which it keeps until the result is
    /// disposed. On PostgreSQL the lock is taken in the server's maintenance database, which exists before the
    /// registry's own database does, so even creating that database is done by one node at a time.
    /// </summary>
    public async Task<IAsyncDisposable> AcquireAsync(string name, CancellationToken ct = default)
    {
        if (options.Value.Provider != DatabaseProvider.Postgres)
        {
            var gate = InProcess.GetOrAdd(LocalName(name), _ => new SemaphoreSlim(1, 1));
            await gate.WaitAsync(ct);
            return new Release(() => { gate.Release(); return ValueTask.CompletedTask; });
        }

        var builder = new NpgsqlConnectionStringBuilder(options.Value.PostgresConnectionString()) { Database = "postgres" };
        var connection = new NpgsqlConnection(builder.ConnectionString);
        try
        {
            await connection.OpenAsync(ct);
            var transaction = await connection.BeginTransactionAsync(ct);
            // The other node may be seeding a new database: wait as long as that takes.
            await using var take = new NpgsqlCommand("SELECT pg_advisory_xact_lock(@key)", connection, transaction) { CommandTimeout = 0 };
            take.Parameters.AddWithValue("key", Key(name + "/" + new NpgsqlConnectionStringBuilder(options.Value.PostgresConnection).Database));
            await take.ExecuteNonQueryAsync(ct);
            return new Release(async () =>
            {
                await transaction.CommitAsync();
                await connection.DisposeAsync();
            });
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    // One lock per database file, so tests with a database each do not wait for one another.
    private string LocalName(string name) => name + "|" + options.Value.SqliteDatabasePath(env.ContentRootPath);

    /// <summary>A stable 64-bit advisory lock key for a name (the same on every node and every version).</summary>
    internal static long Key(string name) =>
        BitConverter.ToInt64(SHA256.HashData(Encoding.UTF8.GetBytes("SpecialistRegistry/" + name)), 0);

    private sealed class Release(Func<ValueTask> release) : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => release();
    }
}
