using Npgsql;

namespace SpecialistRegistry.Tests.Infrastructure;

/// <summary>
/// A deployment of several app nodes as an operator runs it: each node is the published app in a process of its own
/// (<see cref="AppProcess"/>) with a data folder of its own, all on one PostgreSQL database and one field key file
/// (the only thing the nodes share on disk). The database is a new name on the server in <c>REGISTRY_TEST_POSTGRES</c>;
/// the nodes create it. Disposing stops every node and, when this deployment named the database, drops it.
/// Used by the two-node drills of both test projects (linked into the end-to-end project).
/// </summary>
public sealed class NodeDeployment : IAsyncDisposable
{
    public const string PostgresVariable = "REGISTRY_TEST_POSTGRES";

    private readonly List<AppProcess> _nodes = [];
    private readonly bool _ownsDatabase;
    private readonly Dictionary<string, string> _settings;

    private NodeDeployment(string connectionString, string? keyFile, bool ownsDatabase, IReadOnlyDictionary<string, string>? settings)
    {
        Folder = Directory.CreateTempSubdirectory("registry-nodes-").FullName;
        ConnectionString = connectionString;
        KeyFile = keyFile ?? Path.Combine(Folder, "shared", "field-protection.key");
        _ownsDatabase = ownsDatabase;
        _settings = new Dictionary<string, string>(settings ?? new Dictionary<string, string>());
    }

    /// <summary>Where the nodes' own data folders (and, for a new deployment, the shared key file) live.</summary>
    public string Folder { get; }

    /// <summary>The registry database's connection string, as every node is given it.</summary>
    public string ConnectionString { get; }

    /// <summary>The field key file every node is pointed at.</summary>
    public string KeyFile { get; }

    /// <summary>
    /// A new deployment: a database name nobody uses yet (not created: the first node creates it) and a key file path
    /// in a shared folder with no key in it yet (the node that starts first on the empty database creates it).
    /// </summary>
    public static NodeDeployment New(IReadOnlyDictionary<string, string>? settings = null)
    {
        var database = $"registry_test_{Guid.NewGuid():N}";
        var connection = new NpgsqlConnectionStringBuilder(Server) { Database = database }.ConnectionString;
        return new NodeDeployment(connection, keyFile: null, ownsDatabase: true, settings);
    }

    /// <summary>Nodes for a database someone else made (and drops), with its key file.</summary>
    public static NodeDeployment Of(string connectionString, string keyFile, IReadOnlyDictionary<string, string>? settings = null) =>
        new(connectionString, keyFile, ownsDatabase: false, settings);

    public static string Server => Environment.GetEnvironmentVariable(PostgresVariable) is { Length: > 0 } cs
        ? cs
        : throw new InvalidOperationException($"The two-node drill runs on PostgreSQL: set {PostgresVariable} to a server whose user may create databases (./test.sh does).");

    /// <summary>The environment settings of one node; <paramref name="keyFile"/> points it at another key file than the deployment's.</summary>
    public Dictionary<string, string> NodeSettings(string node, string? keyFile = null)
    {
        var settings = new Dictionary<string, string>
        {
            ["Registry__Provider"] = "Postgres",
            ["Registry__PostgresConnection"] = ConnectionString,
            ["Registry__DataFolder"] = Path.Combine(Folder, node),
            ["Registry__FieldKeyFile"] = keyFile ?? KeyFile,
            // Several nodes and the other tests share one test server: a small pool each.
            ["Registry__Database__MaxPoolSize"] = "20",
            // The drill's accounts sign in with a password only: no role must enrol an authenticator first.
            ["Registry__Auth__RequireTwoFactorRoles"] = "",
            // A node that finds a job's lock taken says so (at Debug), so a drill knows both nodes have had their turn.
            ["Logging__LogLevel__SpecialistRegistry.Operations.ClusterLock"] = "Debug",
        };
        foreach (var (key, value) in _settings)
            settings[key] = value;
        return settings;
    }

    /// <summary>The data folder of one node (its mail pickup, its checkpoint log).</summary>
    public string DataFolderOf(string node) => Path.Combine(Folder, node);

    /// <summary>Starts one node; it is stopped when the deployment is disposed.</summary>
    public async Task<AppProcess> StartNodeAsync(string node, string? keyFile = null)
    {
        var process = await AppProcess.StartAsync(NodeSettings(node, keyFile));
        lock (_nodes)
            _nodes.Add(process);
        return process;
    }

    /// <summary>Starts two nodes at the same moment and waits until both answer <c>/health/ready</c>.</summary>
    public async Task<(AppProcess A, AppProcess B)> StartPairAsync(TimeSpan? within = null)
    {
        var started = await Task.WhenAll(StartNodeAsync("node-a"), StartNodeAsync("node-b"));
        await Task.WhenAll(started.Select(n => n.WaitUntilReadyAsync(within)));
        return (started[0], started[1]);
    }

    /// <summary>Runs a command of the published app (<c>create-admin …</c>) with a node's settings, as an operator does.</summary>
    public async Task<(int Code, string Output)> RunCommandAsync(params string[] args)
    {
        var dll = await PublishedApp.DllAsync();
        return await AppCommand.RunAsync(dll, Path.GetDirectoryName(dll)!, args, NodeSettings("command"));
    }

    /// <summary>Creates an Admin with the <c>create-admin</c> command and gives its temporary password.</summary>
    public async Task<string> CreateAdminAsync(string email, string name)
    {
        var (code, output) = await RunCommandAsync("create-admin", email, name);
        const string marker = "must be changed at first sign-in): ";
        var at = output.IndexOf(marker, StringComparison.Ordinal);
        if (code != 0 || at < 0)
            throw new InvalidOperationException($"create-admin exited with {code}:\n{output}");
        return output[(at + marker.Length)..].Split('\n')[0].Trim();
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var node in _nodes)
            await node.DisposeAsync();
        if (_ownsDatabase)
        {
            NpgsqlConnection.ClearAllPools();
            await using var admin = new NpgsqlConnection(Server);
            await admin.OpenAsync();
            var database = new NpgsqlConnectionStringBuilder(ConnectionString).Database;
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {database} WITH (FORCE)", admin);
            await drop.ExecuteNonQueryAsync();
        }
        try { Directory.Delete(Folder, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
