using Microsoft.Extensions.Options;
using SpecialistRegistry.Data;

namespace SpecialistRegistry.Features.Search.Memory;

/// <summary>
/// Loads the in-memory search index when the app starts (so the first regulator does not wait for it), keeps
/// it a step behind the database between searches (so a search after a large import finds most of it
/// applied), and now and then drops change-log entries the index has long applied.
/// </summary>
internal sealed class MemorySearchUpkeep(MemorySearchIndex index, IServiceScopeFactory scopes, IOptions<RegistryOptions> options,
    ILogger<MemorySearchUpkeep> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(2);
    private const int PruneEveryTicks = 300;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.SearchInMemory || options.Value.Provider != DatabaseProvider.Sqlite)
            return;
        using var timer = new PeriodicTimer(Interval);
        var ticks = 0;
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await using var db = scope.ServiceProvider.GetRequiredService<Func<RegistryDb>>()();
                await index.CatchUpAsync(db, stoppingToken);
                if (ticks++ % PruneEveryTicks == PruneEveryTicks - 1)
                    await index.PruneAsync(db, ct: stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The next search retries on its own; a failing database shows there, where a user sees it.
                logger.LogWarning(ex, "Keeping the search index current failed; retrying in {Interval}", Interval);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
