using System.Diagnostics;
using System.Net;
using System.Runtime.Versioning;
using System.Text.RegularExpressions;
using Npgsql;
using SpecialistRegistry.Tests.Infrastructure;
using YamlDotNet.RepresentationModel;

namespace SpecialistRegistry.Tests.Operations;

/// <summary>
/// The deployment samples in <c>deploy/</c>. No image is built here (there is no Docker daemon on the test machines),
/// so the tests check what can be checked without one: the published app, started in Production with the compose
/// file's settings after the compose file's <c>migrate</c>, serves behind the proxy as configured; the compose
/// file's nodes agree with each other; and the image, proxy and systemd samples say what they must.
/// </summary>
[UnsupportedOSPlatform("windows")] // bash, Unix file modes and the Linux image's paths
public sealed class DeploymentTests
{
    private static readonly string Deploy = Path.Combine(PublishedApp.RepositoryRoot(), "deploy");

    // The compose settings that are paths inside the containers; the test moves them into a temporary folder.
    private const string FieldKeyFile = "Registry__FieldKeyFile";
    private const string CheckpointFile = "Registry__Audit__CheckpointFile";

    [Fact]
    public async Task The_published_app_migrates_and_serves_in_Production_with_the_compose_settings_behind_the_proxy()
    {
        var server = TestProviders.PostgresServer
            ?? throw new InvalidOperationException($"{TestProviders.PostgresVariable} is not set: the compose deployment runs on PostgreSQL.");
        var compose = Compose.Load();
        var folder = Directory.CreateTempSubdirectory("registry-deploy-").FullName;
        var keyFolder = Path.Combine(folder, "field-key");
        var database = $"registry_test_{Guid.NewGuid():N}";
        // The postgres image makes the registry's database (POSTGRES_DB) before migrate runs.
        await ExecuteAsync(server, $"CREATE DATABASE {database}");
        try
        {
            // The compose settings as they are, but for where they point: the test server's new database instead of
            // the postgres service, and a temporary folder instead of the containers' volumes.
            Dictionary<string, string> Settings(string service)
            {
                var settings = compose.Environment(service);
                Assert.Equal(new[] { CheckpointFile, FieldKeyFile }, settings.Where(s => s.Value.StartsWith('/')).Select(s => s.Key).Order());
                settings["Registry__PostgresConnection"] = new NpgsqlConnectionStringBuilder(server) { Database = database }.ConnectionString;
                settings[FieldKeyFile] = Path.Combine(keyFolder, "field-protection.key");
                settings[CheckpointFile] = Path.Combine(folder, "audit", "checkpoints.log");
                settings["Registry__DataFolder"] = Path.Combine(folder, service); // the image's data volume, one per container
                return settings;
            }

            var dll = await PublishedApp.DllAsync();
            var migrated = await AppCommand.RunAsync(dll, folder, compose.Strings("migrate", "command"), Settings("migrate"));
            Assert.True(migrated.Code == 0, migrated.Output);
            Assert.Contains("Created a new field key", migrated.Output);
            Assert.Contains("the database is up to date", migrated.Output);
            var keyFile = Path.Combine(keyFolder, "field-protection.key");
            Assert.True(File.Exists(keyFile));
            // The nodes mount the key read-only: a node that tried to write there would fail (for a user other than root).
            File.SetUnixFileMode(keyFile, UnixFileMode.UserRead);
            File.SetUnixFileMode(keyFolder, UnixFileMode.UserRead | UnixFileMode.UserExecute);

            await using var node1 = await AppProcess.StartAsync(Settings("node1"));
            await using var node2 = await AppProcess.StartAsync(Settings("node2"));
            await Task.WhenAll(node1.WaitUntilLiveAsync(), node2.WaitUntilLiveAsync());

            var publicHost = new Uri(compose.Environment("node1")["Registry__PublicBaseUrl"]).Host;
            foreach (var node in new[] { node1, node2 })
            {
                await AssertHealthyAsync(node);
                // As nginx forwards it: the public host name, https, the client's address. The test's own requests
                // come from loopback, which the app always counts as a known proxy (ASP.NET Core's default
                // 127.0.0.0/8, to which Registry:ForwardedHeaders adds the compose file's nginx address).
                using var response = await LoginPageAsync(node, publicHost, forwardedProto: "https");
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                var cookies = response.Headers.GetValues("Set-Cookie").ToList();
                Assert.NotEmpty(cookies);
                Assert.All(cookies, c => Assert.Contains("; secure", c, StringComparison.OrdinalIgnoreCase));
                Assert.True(response.Headers.Contains("Strict-Transport-Security"), "HSTS is sent on https in Production.");
            }

            // The same request without the proxy's word for the scheme is plain http: it is the header that counted.
            using var direct = await LoginPageAsync(node1, publicHost, forwardedProto: null);
            Assert.Equal(HttpStatusCode.OK, direct.StatusCode);
            Assert.All(direct.Headers.GetValues("Set-Cookie"), c => Assert.DoesNotContain("; secure", c, StringComparison.OrdinalIgnoreCase));
            Assert.False(direct.Headers.Contains("Strict-Transport-Security"));

            // The compose file's container health check, pointed at node1's port, passes.
            var check = compose.Strings("node1", "healthcheck", "test");
            Assert.Equal(new[] { "CMD", "bash", "-c" }, check.Take(3));
            var (code, output) = await BashAsync(check[3].Replace("/dev/tcp/127.0.0.1/8080", $"/dev/tcp/127.0.0.1/{node1.Address.Port}"));
            Assert.True(code == 0, $"The health check failed ({code}): {output}");

            Assert.False(node1.HasExited, node1.Output);
            Assert.False(node2.HasExited, node2.Output);
        }
        finally
        {
            if (Directory.Exists(keyFolder))
                File.SetUnixFileMode(keyFolder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            NpgsqlConnection.ClearAllPools();
            await ExecuteAsync(server, $"DROP DATABASE IF EXISTS {database} WITH (FORCE)");
            try { Directory.Delete(folder, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }

    [Fact]
    public void The_compose_nodes_have_the_settings_of_migrate_and_mount_the_one_field_key_read_only()
    {
        var compose = Compose.Load();
        var settings = compose.Environment("node1");

        Assert.Equal(settings, compose.Environment("node2"));
        Assert.Equal(settings, compose.Environment("migrate"));
        Assert.Equal("Postgres", settings["Registry__Provider"]);
        Assert.Equal("true", settings["Registry__ForwardedHeaders__Enabled"]);
        Assert.StartsWith("https://", settings["Registry__PublicBaseUrl"]);
        // Nodes x (pool + 3 for jobs and start-up) below PostgreSQL's default max_connections (docs: Pool size).
        Assert.True(2 * (int.Parse(settings["Registry__Database__MaxPoolSize"]) + 3) < 100);

        // No password in the settings: it comes from a secret file.
        var connection = new NpgsqlConnectionStringBuilder(settings["Registry__PostgresConnection"]);
        Assert.Null(connection.Password);
        Assert.Equal("postgres", connection.Host);
        Assert.Equal("/run/secrets/registry-pgpass", connection.Passfile);
        Assert.Equal("/run/secrets/postgres-password", compose.Environment("postgres")["POSTGRES_PASSWORD_FILE"]);

        var keyFolder = Folder(settings[FieldKeyFile]);
        var auditFolder = Folder(settings[CheckpointFile]);
        var dataFolder = DockerfileEnvironment()["Registry__DataFolder"];
        Assert.Contains($"field-key:{keyFolder}", compose.Strings("migrate", "volumes"));
        Assert.Equal(new[] { "migrate" }, compose.Strings("migrate", "command"));
        Assert.Equal("service_healthy", compose.Strings("migrate", "depends_on", "postgres", "condition").Single());
        foreach (var node in new[] { "node1", "node2" })
        {
            var volumes = compose.Strings(node, "volumes");
            Assert.Contains($"field-key:{keyFolder}:ro", volumes);
            Assert.Contains($"audit:{auditFolder}", volumes);
            Assert.Contains($"{node}-data:{dataFolder}", volumes);
            Assert.Contains("registry-pgpass", compose.Strings(node, "secrets"));
            Assert.Equal("service_completed_successfully", compose.Strings(node, "depends_on", "migrate", "condition").Single());
            Assert.Equal("service_healthy", compose.Strings("proxy", "depends_on", node, "condition").Single());
        }

        // The one address whose forwarded headers count is the proxy's own.
        Assert.Equal(settings["Registry__ForwardedHeaders__KnownProxies__0"], compose.Strings("proxy", "networks", "frontend", "ipv4_address").Single());
        Assert.Contains("./nginx.conf:/etc/nginx/nginx.conf:ro", compose.Strings("proxy", "volumes"));
        Assert.Equal("postgres:15", compose.Strings("postgres", "image").Single());
    }

    [Fact]
    public void The_Dockerfile_builds_with_the_SDK_and_runs_on_the_runtime_as_the_app_user_with_a_data_volume()
    {
        var lines = DockerfileLines();
        var stages = lines.Where(l => l.StartsWith("FROM ")).ToList();
        var runtime = lines.SkipWhile(l => l != stages[^1]).ToList();

        Assert.Equal(2, stages.Count);
        Assert.StartsWith("FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build", stages[0]);
        Assert.StartsWith("FROM mcr.microsoft.com/dotnet/aspnet:10.0", stages[1]);
        Assert.Contains(runtime, l => l.StartsWith("COPY --from=build "));
        Assert.Contains("USER $APP_UID", runtime);
        Assert.Equal($"VOLUME {DockerfileEnvironment()["Registry__DataFolder"]}", Assert.Single(runtime, l => l.StartsWith("VOLUME ")));
        Assert.Equal("8080", DockerfileEnvironment()["ASPNETCORE_HTTP_PORTS"]);
        Assert.Contains(lines, l => l.StartsWith("RUN dotnet publish src/SpecialistRegistry "));

        var ignored = File.ReadAllLines(Path.Combine(PublishedApp.RepositoryRoot(), ".dockerignore"));
        foreach (var pattern in new[] { "**/bin/", "**/obj/", "artifacts/", "**/TestResults/", "src/SpecialistRegistry/data/", "deploy/secrets/" })
            Assert.Contains(pattern, ignored);
    }

    [Fact]
    public void The_nginx_sample_passes_WebSockets_on_and_keeps_each_browser_on_one_node()
    {
        var conf = File.ReadAllText(Path.Combine(Deploy, "nginx.conf"));
        var upstream = Regex.Match(conf, @"upstream\s+registry\s*\{(?<body>[^}]*)\}").Groups["body"].Value;

        Assert.Matches(@"proxy_set_header\s+Upgrade\s+\$http_upgrade;", conf);
        Assert.Matches(@"proxy_set_header\s+Connection\s+\$connection_upgrade;", conf);
        Assert.Matches(@"map\s+\$http_upgrade\s+\$connection_upgrade", conf);
        Assert.Matches(@"proxy_http_version\s+1\.1;", conf);
        Assert.Matches(@"(?m)^\s*(ip_hash|hash\s+\$\S+(\s+consistent)?);", upstream);
        Assert.Matches(@"server\s+node1:8080", upstream);
        Assert.Matches(@"server\s+node2:8080", upstream);
        Assert.Matches(@"proxy_set_header\s+X-Forwarded-Proto\s+\$scheme;", conf);
        Assert.Matches(@"proxy_set_header\s+X-Forwarded-For\s+\$remote_addr;", conf);
        Assert.Matches(@"ssl_certificate\s+/etc/nginx/certs/registry\.crt;", conf);
        Assert.Matches(@"ssl_certificate_key\s+/etc/nginx/certs/registry\.key;", conf);
        Assert.Contains($"server_name {new Uri(Compose.Load().Environment("node1")["Registry__PublicBaseUrl"]).Host};", conf);
    }

    [Fact]
    public void The_systemd_unit_keeps_its_data_in_its_state_directory_and_migrates_before_it_serves()
    {
        var unit = File.ReadAllLines(Path.Combine(Deploy, "specialist-registry.service"))
            .Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#') && l.Contains('='))
            .Select(l => (Key: l[..l.IndexOf('=')], Value: l[(l.IndexOf('=') + 1)..])).ToList();
        string Single(string key) => Assert.Single(unit, e => e.Key == key).Value;

        Assert.Equal("specialist-registry", Single("StateDirectory"));
        Assert.Matches(@"SpecialistRegistry\.dll migrate$", Single("ExecStartPre"));
        Assert.EndsWith("SpecialistRegistry.dll", Single("ExecStart"));
        Assert.Equal("on-failure", Single("Restart"));
        Assert.Equal("specialist-registry", Single("User"));
        Assert.StartsWith("/", Single("EnvironmentFile"));
        Assert.Equal("true", Single("NoNewPrivileges"));
        Assert.Equal("strict", Single("ProtectSystem"));
        Assert.Equal("true", Single("PrivateTmp"));
        // The data folder is $STATE_DIRECTORY only when nothing names another one.
        Assert.DoesNotContain(unit, e => e.Value.Contains("Registry__DataFolder"));
    }

    private static async Task AssertHealthyAsync(AppProcess node)
    {
        using var http = new HttpClient { BaseAddress = node.Address };
        var body = "";
        for (var until = DateTime.UtcNow.AddSeconds(30); DateTime.UtcNow < until; await Task.Delay(250))
        {
            using var response = await http.GetAsync("health/ready");
            body = await response.Content.ReadAsStringAsync();
            if (response.StatusCode == HttpStatusCode.OK && body.Contains("\"status\":\"Healthy\""))
                return;
        }
        Assert.Fail($"/health/ready did not answer Healthy: {body}\n{node.Output}");
    }

    private static async Task<HttpResponseMessage> LoginPageAsync(AppProcess node, string host, string? forwardedProto)
    {
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = node.Address };
        using var request = new HttpRequestMessage(HttpMethod.Get, "Account/Login");
        request.Headers.Host = host;
        request.Headers.Add("X-Forwarded-For", "203.0.113.9");
        if (forwardedProto is not null)
            request.Headers.Add("X-Forwarded-Proto", forwardedProto);
        var response = await http.SendAsync(request);
        await response.Content.LoadIntoBufferAsync();
        return response;
    }

    private static async Task ExecuteAsync(string server, string sql)
    {
        await using var admin = new NpgsqlConnection(server);
        await admin.OpenAsync();
        await using var command = new NpgsqlCommand(sql, admin);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<(int Code, string Output)> BashAsync(string script)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(script);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output + await errors);
    }

    private static string Folder(string containerPath) => containerPath[..containerPath.LastIndexOf('/')];

    private static List<string> DockerfileLines() =>
        [.. File.ReadAllLines(Path.Combine(Deploy, "Dockerfile")).Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#'))];

    /// <summary>The runtime stage's <c>ENV</c> settings (one instruction, continued over lines).</summary>
    private static Dictionary<string, string> DockerfileEnvironment()
    {
        var text = File.ReadAllText(Path.Combine(Deploy, "Dockerfile"));
        var env = Regex.Match(text, @"^ENV\s+(?<body>(?:[^\n]*\\\n)*[^\n]*)", RegexOptions.Multiline).Groups["body"].Value;
        return Regex.Matches(env, @"(?<key>[A-Za-z_][A-Za-z0-9_]*)=(?<value>[^\s\\]+)")
            .ToDictionary(m => m.Groups["key"].Value, m => m.Groups["value"].Value);
    }

    /// <summary>deploy/compose.yaml, read with YamlDotNet (anchors and aliases resolved, as Compose resolves them).</summary>
    private sealed class Compose(YamlMappingNode root)
    {
        public static Compose Load()
        {
            var yaml = new YamlStream();
            using var reader = new StreamReader(Path.Combine(Deploy, "compose.yaml"));
            yaml.Load(reader);
            return new Compose((YamlMappingNode)yaml.Documents[0].RootNode);
        }

        private YamlMappingNode Service(string name) => (YamlMappingNode)((YamlMappingNode)root["services"])[name];

        /// <summary>A service's <c>environment</c> mapping.</summary>
        public Dictionary<string, string> Environment(string service) =>
            ((YamlMappingNode)Service(service)["environment"]).Children
                .ToDictionary(e => ((YamlScalarNode)e.Key).Value!, e => ((YamlScalarNode)e.Value).Value ?? "");

        /// <summary>The scalar or the list of scalars at a path under a service; empty when the path is not there.</summary>
        public List<string> Strings(string service, params string[] path)
        {
            YamlNode node = Service(service);
            foreach (var key in path)
            {
                if (node is not YamlMappingNode mapping || !mapping.Children.TryGetValue(new YamlScalarNode(key), out var next))
                    return [];
                node = next;
            }
            return node switch
            {
                YamlScalarNode scalar => [scalar.Value ?? ""],
                YamlSequenceNode sequence => [.. sequence.Children.Select(c => ((YamlScalarNode)c).Value ?? "")],
                _ => [],
            };
        }
    }
}
