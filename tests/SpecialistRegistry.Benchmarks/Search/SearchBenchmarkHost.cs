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
        services.AddScoped<ActingUser>();
        services.AddScoped<AuthenticationStateProvider>(sp => sp.GetRequiredService<ActingUser>());
        var provider = services.BuildServiceProvider();
        await provider.PrepareDatabaseAsync();
        return new SearchBenchmarkHost(provider);
    }

    /// <summary>A scope acting as the regulator, or as <paramref name="user"/>.</summary>
    public AsyncServiceScope Scope(ClaimsPrincipal? user = null)
    {
        var scope = _services.CreateAsyncScope();
        if (user is not null)
            scope.ServiceProvider.GetRequiredService<ActingUser>().User = user;
        return scope;
    }

    public static ClaimsPrincipal FirmHr(Guid firmId) => new(new ClaimsIdentity(
    [
        new Claim(ClaimTypes.NameIdentifier, "benchmark-hr"),
        new Claim(ClaimTypes.Role, Roles.FirmHR),
        new Claim(RegistryClaims.DisplayName, "Benchmark HR"),
        new Claim(RegistryClaims.FirmId, firmId.ToString()),
    ], "Benchmark"));

    public ValueTask DisposeAsync() => _services.DisposeAsync();

    private sealed class ActingUser : AuthenticationStateProvider
    {
        public ClaimsPrincipal User { get; set; } = new(new ClaimsIdentity(
        [
            new Claim(ClaimTypes.NameIdentifier, "benchmark-regulator"),
            new Claim(ClaimTypes.Role, Roles.Regulator),
            new Claim(RegistryClaims.DisplayName, "Benchmark regulator"),
        ], "Benchmark"));

        public override Task<AuthenticationState> GetAuthenticationStateAsync() => Task.FromResult(new AuthenticationState(User));
    }

    private sealed class Environment(string root) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = "Production";
        public string ApplicationName { get; set; } = "SpecialistRegistry";
        public string ContentRootPath { get; set; } = root;
        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
