using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SpecialistRegistry.Data;

namespace SpecialistRegistry.Tests.Operations;

/// <summary>The whole app over HTTP with the operator's settings: health endpoints, a reverse proxy in front.</summary>
public sealed class OperationsWebTests
{
    [Fact]
    public async Task Live_and_ready_answer_anonymously_with_check_names_and_states_only()
    {
        await using var factory = new OperationsFactory();
        using var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var live = await client.GetAsync("/health/live");
        var ready = await client.GetAsync("/health/ready");

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal("Healthy", JsonDocument.Parse(await live.Content.ReadAsStringAsync()).RootElement.GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        var body = await ready.Content.ReadAsStringAsync();
        var checks = JsonDocument.Parse(body).RootElement.GetProperty("checks").EnumerateArray()
            .ToDictionary(c => c.GetProperty("name").GetString()!, c => c.GetProperty("status").GetString());
        Assert.Equal("Healthy", checks["database"]);
        Assert.Equal("Healthy", checks["field-key"]);
        Assert.Contains(checks["search-index"], new[] { "Healthy", "Degraded" });
        Assert.DoesNotContain(factory.Folder, body);
        Assert.Equal("no-store", ready.Headers.CacheControl?.ToString());
    }

    [Fact]
    public async Task Ready_says_unhealthy_with_503_while_the_database_is_unreachable_and_live_stays_up()
    {
        await using var factory = new OperationsFactory();
        using var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready")).StatusCode);

        factory.DatabaseDown = true;
        var ready = await client.GetAsync("/health/ready");
        var live = await client.GetAsync("/health/live");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        var body = await ready.Content.ReadAsStringAsync();
        Assert.Contains("\"name\":\"database\",\"status\":\"Unhealthy\",\"detail\":\"unreachable\"", body);
        Assert.DoesNotContain("Data Source", body);
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);

        factory.DatabaseDown = false;
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready")).StatusCode);
    }

    [Theory]
    [InlineData(true, "10.0.0.5", "https://")]
    [InlineData(true, "192.0.2.77", "http://")]
    [InlineData(false, "10.0.0.5", "http://")]
    public async Task Behind_a_configured_proxy_the_forwarded_scheme_counts_and_only_from_a_known_proxy(bool enabled, string caller, string redirectScheme)
    {
        await using var factory = new OperationsFactory(b =>
        {
            b.UseSetting("Registry:ForwardedHeaders:Enabled", enabled.ToString());
            b.UseSetting("Registry:ForwardedHeaders:KnownProxies:0", "10.0.0.5");
        }) { RemoteAddress = IPAddress.Parse(caller) };
        using var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, "/search");
        request.Headers.Add("X-Forwarded-Proto", "https");
        request.Headers.Add("X-Forwarded-For", "203.0.113.9");

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.OriginalString;
        Assert.StartsWith(redirectScheme, location);
        Assert.Contains("/Account/Login", location);
    }

    private sealed class OperationsFactory(Action<IWebHostBuilder>? configure = null) : WebApplicationFactory<Program>
    {
        public string Folder { get; } = Directory.CreateTempSubdirectory("registry-ops-").FullName;
        public volatile bool DatabaseDown;
        public IPAddress? RemoteAddress { get; init; }

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Development");
            builder.UseSetting("Registry:DataFolder", Folder);
            builder.UseSetting("Registry:SeedDemoData", "false");
            builder.UseSetting("Registry:DefaultCulture", "en");
            configure?.Invoke(builder);
            builder.ConfigureTestServices(services =>
            {
                // An outage on demand: the contexts the app makes point at a database file that cannot be opened.
                var down = new DbContextOptionsBuilder<SqliteRegistryDb>().UseSqlite($"Data Source={Path.Combine(Folder, "missing", "registry.db")};Mode=ReadOnly").Options;
                services.AddScoped<Func<RegistryDb>>(sp =>
                {
                    var real = sp.GetRequiredService<IDbContextFactory<SqliteRegistryDb>>();
                    return () => DatabaseDown ? new SqliteRegistryDb(down) : real.CreateDbContext();
                });
                if (RemoteAddress is { } address)
                    services.Insert(0, ServiceDescriptor.Singleton<IStartupFilter>(new RemoteAddressFilter(address))); // before the app's own
            });
        }

        protected override void Dispose(bool disposing)
        {
            base.Dispose(disposing);
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try { Directory.Delete(Folder, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }

    /// <summary>TestServer has no client address; the proxy's address is what forwarded headers are judged by.</summary>
    private sealed class RemoteAddressFilter(IPAddress address) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((HttpContext context, Func<Task> go) =>
            {
                context.Connection.RemoteIpAddress = address;
                return go();
            });
            next(app);
        };
    }
}
