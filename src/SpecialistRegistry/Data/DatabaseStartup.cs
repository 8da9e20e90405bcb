using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SpecialistRegistry.Auth;
using SpecialistRegistry.Data.Seed;
using SpecialistRegistry.Domain;
using SpecialistRegistry.Operations;

namespace SpecialistRegistry.Data;

/// <summary>
/// Brings the database up to date at start-up: the field key, migrations, SQLite settings, the shared Data
/// Protection key ring, roles, and demo data. One node at a time (<see cref="ClusterLock"/>), so two nodes
/// starting together on an empty database neither both create it nor both insert the roles.
/// </summary>
public sealed class DatabaseStartup(
    IServiceProvider services,
    ClusterLock cluster,
    IOptions<RegistryOptions> options,
    IHostEnvironment env,
    TimeProvider clock,
    ILogger<DatabaseStartup> log)
{
    public async Task RunAsync(CancellationToken ct = default)
    {
        await using var _ = await cluster.AcquireAsync("database-startup", ct);
        var registry = options.Value;
        if (registry.Provider == DatabaseProvider.Sqlite)
            DataFiles.PrepareSqliteFile(registry.SqliteDatabasePath(env.ContentRootPath));
        await EnsureFieldKeyFileAsync(ct);

        // Resolved only now: every context's interceptors hold the field key, which the step above vouches for.
        var dbFactory = services.GetRequiredService<IDbContextFactory<RegistryDb>>();
        var protector = services.GetRequiredService<FieldProtector>();
        await using (var db = dbFactory.CreateDbContext())
        {
            await db.Database.MigrateAsync(ct);
            if (db.Database.IsSqlite())
            {
                // WAL lets readers work while one writer writes; it is a property of the file, set once.
                await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
                var file = registry.SqliteDatabasePath(env.ContentRootPath);
                DataFiles.Restrict(file, file + "-wal", file + "-shm");
            }
            await CheckFieldKeyAsync(db, protector, ct);
            await SealEntriesFromBeforeSealingAsync(db, protector, ct);
        }
        EnsureDataProtectionKey();

        var identityDb = services.GetRequiredService<RegistryDb>();
        var roleManager = services.GetRequiredService<RoleManager<IdentityRole>>();
        identityDb.Actor = Actor.System;
        foreach (var role in Roles.All)
        {
            if (!await roleManager.RoleExistsAsync(role))
                await roleManager.CreateAsync(new IdentityRole(role));
        }

        if (env.IsDevelopment() && registry.SeedDemoData)
        {
            if (await services.GetRequiredService<DemoData>().SeedIfEmptyAsync(ct))
                log.LogInformation("Seeded demo firms, specialists and accounts into the new database.");
        }

        await using (var db = dbFactory.CreateDbContext())
            await SearchIndexSchema.EnsureAsync(db, ct);
    }

    /// <summary>A new key file only for a new, empty database; a database that holds data needs the key it was written with.</summary>
    private async Task EnsureFieldKeyFileAsync(CancellationToken ct)
    {
        var path = options.Value.KeyFilePath(env.ContentRootPath);
        if (File.Exists(path))
            return;
        if (!await EmptyDatabase.IsEmptyAsync(options.Value, env.ContentRootPath, ct))
            throw new FieldKeyException($"The field key file {path} does not exist, but the database already holds data encrypted and sealed with a field key. Restore the key file from the backup of this deployment (or point Registry:FieldKeyFile at it). A new key would leave every stored passport and ID number unreadable, so the registry does not start.");
        FieldProtector.CreateKeyFile(path);
        log.LogWarning("Created a new field key at {Path} for the new database. Back it up: without it the stored numbers cannot be read.", path);
    }

    /// <summary>
    /// The key must decrypt the sentinel the database was given when it was new. A database from before the
    /// sentinel gets one now, if the key opens the seal of its first audit entry.
    /// </summary>
    private async Task CheckFieldKeyAsync(RegistryDb db, FieldProtector protector, CancellationToken ct)
    {
        var path = options.Value.KeyFilePath(env.ContentRootPath);
        var wrongKey = $"The field key in {path} is not the key this database was encrypted with: its passport and ID numbers would not decrypt and new ones would be encrypted with a different key. Put back the key file that belongs to this database (from the backup of this deployment); the registry does not start with this one.";
        if (await db.FieldKeyChecks.AsNoTracking().SingleOrDefaultAsync(ct) is { } check)
        {
            if (!protector.IsKeyCheck(check.Sentinel))
                throw new FieldKeyException(wrongKey);
            return;
        }
        var sealedEntry = await db.AuditEntries.AsNoTracking().Where(a => a.Seal != "").OrderBy(a => a.Sequence)
            .Select(a => new { a.Hash, a.Seal }).FirstOrDefaultAsync(ct);
        if (sealedEntry is not null && !protector.IsSealOf(sealedEntry.Hash, sealedEntry.Seal))
            throw new FieldKeyException(wrongKey);
        db.Actor = Actor.System;
        db.FieldKeyChecks.Add(new FieldKeyCheck { Sentinel = protector.NewKeyCheck(), CreatedAt = clock.GetUtcNow() });
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// The first sign-in key is made here, under the start-up lock: two nodes making their own first key at the
    /// same moment would each sign cookies the other cannot read until its key ring refreshes.
    /// </summary>
    private void EnsureDataProtectionKey()
    {
        var keys = services.GetRequiredService<IKeyManager>();
        var now = clock.GetUtcNow();
        if (!keys.GetAllKeys().Any(k => !k.IsRevoked && k.ExpirationDate > now.AddDays(2)))
            keys.CreateNewKey(now, now.AddDays(90));
    }

    /// <summary>
    /// A database from before entries were sealed has a chain and no seal or checkpoint at all: its entries are
    /// sealed once, here, if their links hold. After that every entry is sealed as it is written, and an
    /// unsealed entry is a break. (Stripping every seal and checkpoint to get here again does not hide a
    /// rewrite: the checkpoint file outside the database still holds the old head.)
    /// </summary>
    private async Task SealEntriesFromBeforeSealingAsync(RegistryDb db, FieldProtector protector, CancellationToken ct)
    {
        if (!await db.AuditEntries.AnyAsync(ct) || await db.AuditEntries.AnyAsync(a => a.Seal != "", ct) || await db.AuditCheckpoints.AnyAsync(ct))
            return;
        var entries = await db.AuditEntries.AsNoTracking().OrderBy(a => a.Sequence).ToListAsync(ct);
        if (AuditChain.FindFirstBreak(entries) is { } broken)
        {
            log.LogError("The audit chain is broken at entry {Sequence} ({Reason}); its entries are left unsealed, and audit verify reports them.", broken.Sequence, broken.Reason);
            return;
        }
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        foreach (var e in entries)
        {
            var seal = protector.SealAuditEntry(e.Hash);
            // Past the interceptor, which refuses every change to an audit row: this is the one the chain allows.
            await db.AuditEntries.Where(a => a.Sequence == e.Sequence && a.Seal == "").ExecuteUpdateAsync(u => u.SetProperty(a => a.Seal, seal), ct);
        }
        await transaction.CommitAsync(ct);
        log.LogWarning("Sealed {Count} audit entries written before entries were sealed.", entries.Count);
    }
}

public static class DatabaseStartupExtensions
{
    public static async Task PrepareDatabaseAsync(this IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseStartup>().RunAsync();
    }
}
