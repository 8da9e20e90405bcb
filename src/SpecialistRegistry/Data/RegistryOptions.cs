namespace SpecialistRegistry.Data;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

/// <summary>The "Registry" configuration section.</summary>
public sealed class RegistryOptions
{
    public const string Section = "Registry";

    /// <summary>Folder for the SQLite file, the field key and the e-mail pickup; relative to the content root.</summary>
    public string DataFolder { get; set; } = "data";
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;
    /// <summary>PostgreSQL connection string, used when <see cref="Provider"/> is Postgres.</summary>
    public string? PostgresConnection { get; set; }
    /// <summary>Master key for encrypted fields; by default <c>{DataFolder}/keys/field-protection.key</c>.</summary>
    public string? FieldKeyFile { get; set; }
    /// <summary>Seed demo firms, specialists and accounts into a new, empty database (Development only).</summary>
    public bool SeedDemoData { get; set; } = true;
    /// <summary>
    /// With SQLite, answer the regulator search from an in-memory index that follows the database (see
    /// MemorySearchIndex); off, every search counts in SQLite. PostgreSQL always counts in the database.
    /// </summary>
    public bool SearchInMemory { get; set; } = true;

    public string DataPath(string contentRoot) => Path.GetFullPath(Path.Combine(contentRoot, DataFolder));

    public string SqliteDatabasePath(string contentRoot) => Path.Combine(DataPath(contentRoot), "registry.db");

    public string SqliteConnection(string contentRoot) =>
        $"Data Source={SqliteDatabasePath(contentRoot)};Default Timeout=30;Foreign Keys=True";

    public string KeyFilePath(string contentRoot) =>
        FieldKeyFile is { Length: > 0 } file ? Path.GetFullPath(Path.Combine(contentRoot, file))
            : Path.Combine(DataPath(contentRoot), "keys", "field-protection.key");
}
