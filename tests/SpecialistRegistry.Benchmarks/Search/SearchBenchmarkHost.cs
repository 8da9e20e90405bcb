using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.FileProviders;
using SpecialistRegistry.Auth;
using SpecialistRegistry.Data;
using SpecialistRegistry.Features;

namespace SpecialistRegistry.Benchmarks.Search;

/// <summary>The app's real services over a SQLite file in a folder of the caller's choosing, acting as a regulator.</summary>
internal sealed class SearchBenchmarkHost : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private SearchBenchmarkHost(ServiceProvider services) => _services = services;

    public IServiceProvider Services => _services;

    public static async Task<SearchBenchmarkHost> StartAsync(string folder)
    {
        Directory.CreateDirectory(folder);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Registry:DataFolder"] = folder,
            ["Registry:SeedDemoData"] = "false",
        }).Build();
        var env = new Environment(folder);
        var services = new ServiceCollection();
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Warning));
        services.AddSingleton<IConfiguration>(configuration);
        services.AddSingleton<IHostEnvironment>(env);
        services.AddRegistryData(configuration, env);
        services.AddRegistryAuth();
        services.AddRegistryFeatures();
        services.AddScoped<AuthenticationStateProvider, RegulatorState>();
        var provider = services.BuildServiceProvider();
        await provider.PrepareDatabaseAsync();
        return new SearchBenchmarkHost(provider);
    }

    public AsyncServiceScope Scope() => _services.CreateAsyncScope();

    public ValueTask DisposeAsync() => _services.DisposeAsync();

    private sealed class RegulatorState : AuthenticationStateProvider
    {
        private static readonly Task<AuthenticationState> State = Task.FromResult(new AuthenticationState(new ClaimsPrincipal(new ClaimsIdentity(
        [
            new Claim(ClaimTypes.NameIdentifier, "benchmark-regulator"),
            new Claim(ClaimTypes.Role, Roles.Regulator),
            new Claim(RegistryClaims.DisplayName, "Benchmark regulator"),
        ], "Benchmark"))));

        public override Task<AuthenticationState> GetAuthenticationStateAsync() => State;
    }

    private sealed class Environment(string root) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = "Production";
        public string ApplicationName { get; set; } = "SpecialistRegistry";
        public string ContentRootPath { get; set; } = root;
        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
