using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace SpecialistRegistry.Data.Postgres;

/// <summary>Lets `dotnet ef migrations add … --context PostgresRegistryDb` build the model without a server.</summary>
internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresRegistryDb>
{
    public PostgresRegistryDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresRegistryDb>().UseNpgsql("Host=127.0.0.1;Database=design").Options);
}
