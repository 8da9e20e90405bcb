namespace SpecialistRegistry.Data;

/// <summary>Runs <see cref="DatabaseStartup"/> when the host starts, before the server takes requests.</summary>
internal sealed class DatabaseStartupService(IServiceProvider services, ILogger<DatabaseStartupService> log) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            await services.PrepareDatabaseAsync();
        }
        catch (FieldKeyException e)
        {
            // The one thing the operator must fix before the app may start: said plainly, without a stack trace first.
            log.LogCritical("The registry does not start: {Reason}", e.Message);
            throw;
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
