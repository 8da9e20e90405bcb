using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.FileProviders;
using SpecialistRegistry.Auth;
using SpecialistRegistry.Data;
using SpecialistRegistry.Domain;
using SpecialistRegistry.Features;

namespace SpecialistRegistry.Benchmarks;

/// <summary>
/// The app's real services (data layer with its audit interceptor and field encryption, auth, features) over
/// a new SQLite database in a temporary folder, acting as the Firm HR user of one new firm.
/// </summary>
internal sealed class RegistryHost : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private RegistryHost(ServiceProvider services, string folder, Guid firmId)
    {
        _services = services;
        Folder = folder;
        FirmId = firmId;
    }

    public string Folder { get; }
    public Guid FirmId { get; }
    public string DatabaseFile => Path.Combine(Folder, "registry.db");
    public IServiceProvider Services => _services;

    public static async Task<RegistryHost> StartAsync()
    {
        var folder = Directory.CreateTempSubdirectory("registry-bench-").FullName;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Registry:DataFolder"] = folder,
            ["Registry:SeedDemoData"] = "false",
        }).Build();
        var firmId = Guid.CreateVersion7();
        var services = new ServiceCollection();
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Warning));
        services.AddSingleton<IConfiguration>(configuration);
        services.AddSingleton<IHostEnvironment>(new BenchmarkEnvironment(folder));
        services.AddRegistryData(configuration, new BenchmarkEnvironment(folder));
        services.AddRegistryAuth();
        services.AddRegistryFeatures();
        services.AddScoped<AuthenticationStateProvider>(_ => new FirmHrState(firmId));
        var provider = services.BuildServiceProvider();
        await provider.PrepareDatabaseAsync();

        await using (var scope = provider.CreateAsyncScope())
        await using (var db = scope.ServiceProvider.GetRequiredService<Func<RegistryDb>>()())
        {
            db.Firms.Add(new Firm { Id = firmId, Name = "Benchmark Magnet Works", CreditCode = "91330200MA2BENCH01", Region = "Zhejiang" });
            await db.SaveChangesAsync();
        }
        return new RegistryHost(provider, folder, firmId);
    }

    public AsyncServiceScope Scope() => _services.CreateAsyncScope();

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(Folder, recursive: true); } catch (IOException) { }
    }

    private sealed class FirmHrState(Guid firmId) : AuthenticationStateProvider
    {
        private readonly Task<AuthenticationState> _state = Task.FromResult(new AuthenticationState(new ClaimsPrincipal(new ClaimsIdentity(
        [
            new Claim(ClaimTypes.NameIdentifier, "benchmark-hr"),
            new Claim(ClaimTypes.Role, Roles.FirmHR),
            new Claim(RegistryClaims.DisplayName, "Benchmark HR"),
            new Claim(RegistryClaims.FirmId, firmId.ToString()),
        ], "Benchmark"))));

        public override Task<AuthenticationState> GetAuthenticationStateAsync() => _state;
    }

    private sealed class BenchmarkEnvironment(string root) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = "Production";
        public string ApplicationName { get; set; } = "SpecialistRegistry";
        public string ContentRootPath { get; set; } = root;
        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
