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

    /// <summary>
    /// Folder for the SQLite file, the field key, the checkpoint log and the e-mail pickup; relative to the content
    /// root. Unset: <c>data</c> beside the app in Development, and outside the published app folder otherwise
    /// (<see cref="DefaultDataFolder"/>), so a redeploy that replaces the app folder keeps the data and the key.
    /// </summary>
    public string? DataFolder { get; set; }
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

    /// <summary>
    /// The portal's public address (for example <c>https://registry.example.gov.cn/</c>) for absolute links such
    /// as the receipts' QR codes; unset, the address of the request. Must be an absolute http(s) address.
    /// </summary>
    public string? PublicBaseUrl { get; set; }

    /// <summary>The <c>Registry:Database</c> settings: how many connections each node may open.</summary>
    public DatabaseOptions Database { get; set; } = new();

    /// <summary><see cref="PostgresConnection"/> with <see cref="DatabaseOptions.MaxPoolSize"/> applied when it is set.</summary>
    public string PostgresConnectionString()
    {
        var connection = PostgresConnection
            ?? throw new InvalidOperationException("Registry:Provider is Postgres but Registry:PostgresConnection is not set.");
        if (Database.MaxPoolSize is not { } size)
            return connection;
        return new Npgsql.NpgsqlConnectionStringBuilder(connection) { MaxPoolSize = Math.Max(1, size) }.ConnectionString;
    }

    public string DataPath(string contentRoot) => Path.GetFullPath(Path.Combine(contentRoot, DataFolder ?? "data"));

    /// <summary>
    /// Where the data lives when <see cref="DataFolder"/> is not set: <c>data</c> in the content root in Development;
    /// elsewhere systemd's <c>$STATE_DIRECTORY</c> when the unit sets one (<c>StateDirectory=</c>), else the app
    /// user's local application data (<c>~/.local/share/SpecialistRegistry</c> on Linux,
    /// <c>%LOCALAPPDATA%\SpecialistRegistry</c> on Windows).
    /// </summary>
    public static string DefaultDataFolder(IHostEnvironment env)
    {
        if (env.IsDevelopment())
            return "data";
        if (Environment.GetEnvironmentVariable("STATE_DIRECTORY") is { Length: > 0 } state)
            return state.Split(':')[0];
        var local = Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.DoNotVerify);
        return local.Length > 0 ? Path.Combine(local, "SpecialistRegistry") : "data";
    }

    public string SqliteDatabasePath(string contentRoot) => Path.Combine(DataPath(contentRoot), "registry.db");

    public string SqliteConnection(string contentRoot) =>
        $"Data Source={SqliteDatabasePath(contentRoot)};Default Timeout=30;Foreign Keys=True";

    public string KeyFilePath(string contentRoot) =>
        FieldKeyFile is { Length: > 0 } file ? Path.GetFullPath(Path.Combine(contentRoot, file))
            : Path.Combine(DataPath(contentRoot), "keys", "field-protection.key");
}

/// <summary>
/// The <c>Registry:Database</c> section. Nodes × <see cref="MaxPoolSize"/> (plus a few for jobs and start-up)
/// must stay below PostgreSQL's <c>max_connections</c>; a request that finds the pool exhausted waits for a
/// free connection rather than opening one the server would refuse.
/// </summary>
public sealed class DatabaseOptions
{
    /// <summary>PostgreSQL connections one node may hold at most; unset keeps Npgsql's default (100) or the connection string's.</summary>
    public int? MaxPoolSize { get; set; }
}
