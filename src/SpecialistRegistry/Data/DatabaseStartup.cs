using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SpecialistRegistry.Auth;
using SpecialistRegistry.Data.Seed;

namespace SpecialistRegistry.Data;

/// <summary>Brings the database up to date at start-up: migrations, SQLite settings, roles, and demo data.</summary>
public sealed class DatabaseStartup(
    IDbContextFactory<RegistryDb> dbFactory,
    RoleManager<IdentityRole> roleManager,
    RegistryDb identityDb,
    DemoData demoData,
    IOptions<RegistryOptions> options,
    IHostEnvironment env,
    FieldProtector protector,
    ILogger<DatabaseStartup> log)
{
    public async Task RunAsync(CancellationToken ct = default)
    {
        await using (var db = dbFactory.CreateDbContext())
        {
            await db.Database.MigrateAsync(ct);
            if (db.Database.IsSqlite())
            {
                // WAL lets readers work while one writer writes; it is a property of the file, set once.
                await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
            }
            await SealEntriesFromBeforeSealingAsync(db, ct);
        }

        identityDb.Actor = Actor.System;
        foreach (var role in Roles.All)
        {
            if (!await roleManager.RoleExistsAsync(role))
                await roleManager.CreateAsync(new IdentityRole(role));
        }

        if (env.IsDevelopment() && options.Value.SeedDemoData)
        {
            if (await demoData.SeedIfEmptyAsync(ct))
                log.LogInformation("Seeded demo firms, specialists and accounts into the new database.");
        }

        await using (var db = dbFactory.CreateDbContext())
            await SearchIndexSchema.EnsureAsync(db, ct);
    }

    /// <summary>
    /// A database from before entries were sealed has a chain and no seal or checkpoint at all: its entries are
    /// sealed once, here, if their links hold. After that every entry is sealed as it is written, and an
    /// unsealed entry is a break. (Stripping every seal and checkpoint to get here again does not hide a
    /// rewrite: the checkpoint file outside the database still holds the old head.)
    /// </summary>
    private async Task SealEntriesFromBeforeSealingAsync(RegistryDb db, CancellationToken ct)
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
