namespace SpecialistRegistry.Data;

/// <summary>Runs <see cref="DatabaseStartup"/> when the host starts, before the server takes requests.</summary>
internal sealed class DatabaseStartupService(IServiceProvider services) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => services.PrepareDatabaseAsync();

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
