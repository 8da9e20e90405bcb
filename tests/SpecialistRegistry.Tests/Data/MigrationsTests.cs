using Microsoft.EntityFrameworkCore;
using SpecialistRegistry.Data.Postgres;
using SpecialistRegistry.Data.Sqlite;

namespace SpecialistRegistry.Tests.Data;

/// <summary>Each provider's migrations must describe today's model, or a change would ship without its schema.</summary>
public sealed class MigrationsTests
{
    [Fact]
    public void The_SQLite_migrations_match_the_model()
    {
        using var db = new SqliteDesignTimeFactory().CreateDbContext([]);
        Assert.False(db.Database.HasPendingModelChanges(), "Run: dotnet ef migrations add <Name> --context SqliteRegistryDb");
    }

    [Fact]
    public void The_PostgreSQL_migrations_match_the_model()
    {
        using var db = new PostgresDesignTimeFactory().CreateDbContext([]);
        Assert.False(db.Database.HasPendingModelChanges(), "Run: dotnet ef migrations add <Name> --context PostgresRegistryDb");
    }
}
