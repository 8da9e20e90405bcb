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
}

public static class DatabaseStartupExtensions
{
    public static async Task PrepareDatabaseAsync(this IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseStartup>().RunAsync();
    }
}
