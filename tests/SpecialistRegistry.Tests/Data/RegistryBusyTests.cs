using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using SpecialistRegistry.Data;
using SpecialistRegistry.Localization;
using SpecialistRegistry.Tests.Infrastructure;

namespace SpecialistRegistry.Tests.Data;

/// <summary>
/// While another writer holds SQLite's write lock (a large import commits as one transaction), a save that times
/// out waiting is refused with "busy, nothing saved, try again" — never a raw "database is locked".
/// </summary>
public sealed class RegistryBusyTests
{
    [Fact]
    public async Task A_save_that_cannot_get_the_write_lock_is_refused_as_busy_and_writes_nothing()
    {
        await using var app = await TestApp.StartAsync();
        await using var db = app.OpenDb();
        await using var holder = new SqliteConnection(db.Database.GetConnectionString());
        await holder.OpenAsync();
        await using (var begin = holder.CreateCommand())
        {
            begin.CommandText = "BEGIN IMMEDIATE;"; // what an import's first write does for the length of its commit
            await begin.ExecuteNonQueryAsync();
        }
        var before = await db.Firms.CountAsync();

        using var _ = CultureScope.Use("en");
        db.Database.SetCommandTimeout(1); // the busy time-out, shortened so the test does not wait the default 30 s
        db.Firms.Add(TestRecords.Firm("Busy Magnets"));
        var busy = await Assert.ThrowsAsync<RegistryBusyException>(() => db.SaveChangesAsync());

        Assert.Contains("Nothing was saved; try again", busy.Message);
        await using (var rollback = holder.CreateCommand())
        {
            rollback.CommandText = "ROLLBACK;";
            await rollback.ExecuteNonQueryAsync();
        }
        await using var fresh = app.OpenDb();
        Assert.Equal(before, await fresh.Firms.CountAsync());
    }
}
