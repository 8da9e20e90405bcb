using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using SpecialistRegistry.Data;
using SpecialistRegistry.Operations;

namespace SpecialistRegistry.Tests.Data;

/// <summary>Defaults an operator relies on: where the data lives, the pool size, the public address.</summary>
public sealed class RegistryOptionsTests
{
    [Fact]
    public void Outside_Development_the_default_data_folder_is_outside_the_app_folder()
    {
        var appFolder = Path.Combine(Path.GetTempPath(), "published-app");
        var production = new Environment_("Production", appFolder);
        var folder = RegistryOptions.DefaultDataFolder(production);
        var options = new RegistryOptions { DataFolder = folder };

        Assert.Equal("data", RegistryOptions.DefaultDataFolder(new Environment_("Development", appFolder)));
        Assert.True(Path.IsPathRooted(folder));
        Assert.False(options.DataPath(appFolder).StartsWith(appFolder, StringComparison.Ordinal), options.DataPath(appFolder));
    }

    [Fact]
    public void The_pool_size_setting_is_applied_to_the_PostgreSQL_connection()
    {
        var options = new RegistryOptions { PostgresConnection = "Host=db;Database=registry;Username=app", Database = { MaxPoolSize = 40 } };

        Assert.Contains("Maximum Pool Size=40", options.PostgresConnectionString());
        Assert.Equal("Host=db;Database=registry;Username=app", new RegistryOptions { PostgresConnection = "Host=db;Database=registry;Username=app" }.PostgresConnectionString());
    }

    [Theory]
    [InlineData("https://registry.example.test", "https://registry.example.test/")]
    [InlineData("https://registry.example.test/portal/", "https://registry.example.test/portal/")]
    [InlineData(null, "http://internal:8080/")]
    public void Absolute_links_use_the_public_base_url_when_set(string? configured, string expected)
    {
        var url = new PublicUrl(Options.Create(new RegistryOptions { PublicBaseUrl = configured }));

        Assert.Equal(expected, url.BaseUri(new FakeNavigation("http://internal:8080/")));
    }

    private sealed class FakeNavigation : NavigationManager
    {
        public FakeNavigation(string baseUri) => Initialize(baseUri, baseUri);
    }

    private sealed class Environment_(string name, string root) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = name;
        public string ApplicationName { get; set; } = "SpecialistRegistry";
        public string ContentRootPath { get; set; } = root;
        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
