using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace SpecialistRegistry.Data.Sqlite;

/// <summary>Lets `dotnet ef migrations add … --context SqliteRegistryDb` build the model without starting the app.</summary>
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteRegistryDb>
{
    public SqliteRegistryDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteRegistryDb>().UseSqlite("Data Source=design-time.db").Options);
}
