using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace SpecialistRegistry.Data;

/// <summary>The embedded default. Migrations in Data/Sqlite/Migrations.</summary>
public sealed class SqliteRegistryDb(DbContextOptions<SqliteRegistryDb> options) : RegistryDb(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder builder)
    {
        // SQLite cannot order or compare DateTimeOffset stored as text; all our times are UTC, so ticks sort correctly.
        builder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
    }
}

/// <summary>The engine for real deployments. Migrations in Data/Postgres/Migrations.</summary>
public sealed class PostgresRegistryDb(DbContextOptions<PostgresRegistryDb> options) : RegistryDb(options);
