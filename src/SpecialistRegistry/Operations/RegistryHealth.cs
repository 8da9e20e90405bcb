using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using SpecialistRegistry.Data;
using SpecialistRegistry.Features.Search.Memory;

namespace SpecialistRegistry.Operations;

/// <summary>
/// <c>/health/live</c> (the process answers) and <c>/health/ready</c> (the database answers, the field key is
/// loaded, the search index is ready) for a load balancer. Anonymous, so the answer names checks and states only.
/// </summary>
public static class RegistryHealth
{
    public const string Ready = "ready";

    public static IServiceCollection AddRegistryHealth(this IServiceCollection services)
    {
        services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("database", tags: [Ready])
            .AddCheck<FieldKeyHealthCheck>("field-key", tags: [Ready])
            .AddCheck<SearchIndexHealthCheck>("search-index", tags: [Ready]);
        return services;
    }

    public static void MapRegistryHealth(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = WriteAsync }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains(Ready), ResponseWriter = WriteAsync }).AllowAnonymous();
    }

    // Names and states only: an exception's text could carry a host name or a connection string.
    private static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json";
        context.Response.Headers.CacheControl = "no-store";
        return context.Response.WriteAsync(JsonSerializer.Serialize(new
        {
            status = report.Status.ToString(),
            checks = report.Entries.Select(e => new { name = e.Key, status = e.Value.Status.ToString(), detail = e.Value.Description }),
        }));
    }
}

internal sealed class DatabaseHealthCheck(IServiceScopeFactory scopes) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(5));
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await using var db = scope.ServiceProvider.GetRequiredService<Func<RegistryDb>>()();
            // A query on a registry table, not just a connection: a database that is up but not migrated is not ready.
            await db.FieldKeyChecks.AnyAsync(timeout.Token);
            return HealthCheckResult.Healthy("reachable");
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy("unreachable");
        }
    }
}

internal sealed class FieldKeyHealthCheck(IServiceProvider services) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        try
        {
            services.GetRequiredService<FieldProtector>();
            return Task.FromResult(HealthCheckResult.Healthy("loaded"));
        }
        catch (FieldKeyException)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy("missing or unreadable"));
        }
    }
}

internal sealed class SearchIndexHealthCheck(MemorySearchIndex index, IOptions<RegistryOptions> options) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default) =>
        Task.FromResult(options.Value is { SearchInMemory: true, Provider: DatabaseProvider.Sqlite }
            // Still loading is not a failure: a search meanwhile waits for it, so the node may take traffic.
            ? index.IsLoaded ? HealthCheckResult.Healthy("in memory, loaded") : HealthCheckResult.Degraded("in memory, loading")
            : HealthCheckResult.Healthy("in the database"));
}
