using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace SpecialistRegistry.Data;

/// <summary>The embedded default. Migrations in Data/Sqlite/Migrations.</summary>
public sealed class SqliteRegistryDb(DbContextOptions<SqliteRegistryDb> options) : RegistryDb(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder builder)
    {
        // SQLite cannot order or compare DateTimeOffset stored as text. All our times are UTC, so UTC ticks
        // sort correctly and keep full precision (the audit hash depends on the exact stored time).
        builder.Properties<DateTimeOffset>().HaveConversion<UtcTicksConverter>();
    }

    private sealed class UtcTicksConverter() : ValueConverter<DateTimeOffset, long>(
        v => v.UtcTicks, v => new DateTimeOffset(v, TimeSpan.Zero));
}

/// <summary>The engine for real deployments. Migrations in Data/Postgres/Migrations.</summary>
public sealed class PostgresRegistryDb(DbContextOptions<PostgresRegistryDb> options) : RegistryDb(options);
