using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Npgsql;
using SpecialistRegistry.Auth;
using SpecialistRegistry.Data;
using SpecialistRegistry.Features;

namespace SpecialistRegistry.Tests.Infrastructure;

/// <summary>
/// The app's real services over a real, new database: a SQLite file in a temporary folder, or a new database
/// on the test PostgreSQL server. Migrated and given its roles exactly as at start-up. Time is a fake clock.
/// </summary>
public sealed class TestApp : IAsyncDisposable
{
    private readonly ServiceProvider _services;
    private readonly string _folder;
    private readonly string? _postgresDatabase;
    private readonly IReadOnlyDictionary<string, string?> _settings;

    private TestApp(ServiceProvider services, string folder, string? postgresDatabase, FakeTimeProvider clock, TestProvider provider,
        IReadOnlyDictionary<string, string?> settings)
    {
        _settings = settings;
        _services = services;
        _folder = folder;
        _postgresDatabase = postgresDatabase;
        Clock = clock;
        Provider = provider;
    }

    public TestProvider Provider { get; }
    public FakeTimeProvider Clock { get; }
    public IServiceProvider Services => _services;
    public string DataFolder => _folder;
    public string SqliteFile => Path.Combine(_folder, "registry.db");
    public string KeyFile => Path.Combine(_folder, "keys", "field-protection.key");

    /// <summary>The PostgreSQL database's connection string (null on SQLite), for app processes on the same database.</summary>
    public string? PostgresConnection => _settings.GetValueOrDefault("Registry:PostgresConnection");

    public static async Task<TestApp> StartAsync(TestProvider provider = TestProvider.Sqlite, Action<IServiceCollection>? configure = null) =>
        await StartAsync(provider, configure, createDatabase: true, prepare: true);

    /// <summary>
    /// An app whose PostgreSQL database does not exist yet (SQLite: whose folder has no file), not yet started:
    /// for tests of first start. Dispose it to drop what it made.
    /// </summary>
    public static Task<TestApp> UnstartedAsync(TestProvider provider) => StartAsync(provider, null, createDatabase: false, prepare: false);

    /// <summary>
    /// A second node of <paramref name="first"/>'s deployment: the same database and data folder (so the same
    /// field key), services and in-process state of its own. Not started; disposing it leaves the database to the first.
    /// </summary>
    public static TestApp NodeOf(TestApp first, Action<IServiceCollection>? configure = null, Action<Dictionary<string, string?>>? settings = null)
    {
        var copy = new Dictionary<string, string?>(first._settings);
        settings?.Invoke(copy);
        var (services, clock) = Build(copy, first._folder, configure);
        return new TestApp(services, first._folder, null, clock, first.Provider, copy) { _isNode = true };
    }

    private bool _isNode;

    private static async Task<TestApp> StartAsync(TestProvider provider, Action<IServiceCollection>? configure, bool createDatabase, bool prepare)
    {
        var folder = Directory.CreateTempSubdirectory("registry-test-").FullName;
        string? pgDatabase = null;
        var settings = new Dictionary<string, string?>
        {
            ["Registry:DataFolder"] = folder,
            ["Registry:Provider"] = provider.ToString(),
        };
        if (provider == TestProvider.Postgres)
        {
            var server = TestProviders.PostgresServer ?? throw new InvalidOperationException($"{TestProviders.PostgresVariable} is not set.");
            pgDatabase = $"registry_test_{Guid.NewGuid():N}";
            if (createDatabase)
            {
                await using var admin = new NpgsqlConnection(server);
                await admin.OpenAsync();
                await using var create = new NpgsqlCommand($"CREATE DATABASE {pgDatabase}", admin);
                await create.ExecuteNonQueryAsync();
            }
            settings["Registry:PostgresConnection"] = new NpgsqlConnectionStringBuilder(server) { Database = pgDatabase }.ConnectionString;
        }

        var (provider_, clock) = Build(settings, folder, configure);
        var app = new TestApp(provider_, folder, pgDatabase, clock, provider, settings);
        if (prepare)
            await provider_.PrepareDatabaseAsync();
        return app;
    }

    private static (ServiceProvider, FakeTimeProvider) Build(Dictionary<string, string?> settings, string folder, Action<IServiceCollection>? configure)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var env = new TestHostEnvironment(folder);
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero));

        var services = new ServiceCollection();
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Warning));
        services.AddSingleton<IConfiguration>(configuration);
        services.AddSingleton<IHostEnvironment>(env);
        services.AddRegistryData(configuration, env);
        services.AddRegistryAuth();
        services.AddRegistryFeatures();
        services.AddSingleton<TimeProvider>(clock);
        services.AddScoped<TestAuthenticationStateProvider>();
        services.AddScoped<AuthenticationStateProvider>(sp => sp.GetRequiredService<TestAuthenticationStateProvider>());
        configure?.Invoke(services);

        return (services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true }), clock);
    }

    /// <summary>A service scope acting as <paramref name="user"/> (anonymous when null), like one request or circuit.</summary>
    public AsyncServiceScope Scope(ClaimsPrincipal? user = null)
    {
        var scope = _services.CreateAsyncScope();
        if (user is not null)
            scope.ServiceProvider.GetRequiredService<TestAuthenticationStateProvider>().User = user;
        return scope;
    }

    /// <summary>A context as the app would make it for <paramref name="user"/>: actor and firm scope stamped.</summary>
    public async Task<T> WithDbAsync<T>(ClaimsPrincipal? user, Func<RegistryDb, Task<T>> work)
    {
        await using var scope = Scope(user);
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<RegistryDb>>().CreateDbContextAsync();
        return await work(db);
    }

    public Task WithDbAsync(ClaimsPrincipal? user, Func<RegistryDb, Task> work) =>
        WithDbAsync<bool>(user, async db => { await work(db); return true; });

    /// <summary>A context with no user and no firm scope, for arranging and checking test data.</summary>
    public RegistryDb OpenDb()
    {
        var scope = _services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<Func<RegistryDb>>()();
        db.Actor = Actor.System;
        return db;
    }

    public T Get<T>() where T : notnull => _services.GetRequiredService<T>();

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        if (_isNode)
            return;
        if (_postgresDatabase is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var admin = new NpgsqlConnection(TestProviders.PostgresServer);
            await admin.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_postgresDatabase} WITH (FORCE)", admin);
            await drop.ExecuteNonQueryAsync();
        }
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    private sealed class TestHostEnvironment(string root) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = "Testing";
        public string ApplicationName { get; set; } = "SpecialistRegistry";
        public string ContentRootPath { get; set; } = root;
        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
