using Microsoft.Extensions.Options;
using Npgsql;
using SpecialistRegistry.Data;

namespace SpecialistRegistry.Operations;

/// <summary>
/// Live notifications across nodes with PostgreSQL alone: each node sends the recipients it announces with
/// <c>pg_notify</c> and <c>LISTEN</c>s for the other nodes', which it raises on its own
/// <see cref="NotificationBroadcaster"/>, so a bell on any node updates within moments of a save on another.
/// A message lost while a connection is down only delays a bell until its next load (docs/operations.md).
/// </summary>
public sealed class PostgresNotificationRelay(NotificationBroadcaster broadcaster, IOptions<RegistryOptions> options,
    ILogger<PostgresNotificationRelay> log) : BackgroundService
{
    internal const string Channel = "registry_notifications";
    // A NOTIFY payload holds at most 8000 bytes: user ids go in batches well below that.
    private const int IdsPerMessage = 100;
    private static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(2);
    private readonly TaskCompletionSource _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes once this node listens (tests wait for it before saving on another node).</summary>
    public Task Listening => _listening.Task;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.Value.Provider != DatabaseProvider.Postgres || broadcaster.ToOtherNodes is not { } outbox)
            return;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RelayAsync(outbox, stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogWarning(e, "Relaying live notifications between nodes failed; reconnecting in {Delay}.", RetryAfter);
                try
                {
                    await Task.Delay(RetryAfter, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task RelayAsync(System.Threading.Channels.ChannelReader<IReadOnlySet<string>> outbox, CancellationToken stoppingToken)
    {
        var connection = options.Value.PostgresConnectionString();
        await using var listen = new NpgsqlConnection(connection);
        await using var send = new NpgsqlConnection(connection);
        await listen.OpenAsync(stoppingToken);
        await send.OpenAsync(stoppingToken);
        listen.Notification += (_, e) => Receive(e.Payload);
        await using (var command = new NpgsqlCommand($"LISTEN {Channel}", listen))
            await command.ExecuteNonQueryAsync(stoppingToken);
        _listening.TrySetResult();

        using var either = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        var receiving = Task.Run(async () =>
        {
            while (true)
                await listen.WaitAsync(either.Token);
        }, either.Token);
        var sending = Task.Run(async () =>
        {
            await foreach (var ids in outbox.ReadAllAsync(either.Token))
            {
                foreach (var batch in ids.Chunk(IdsPerMessage))
                {
                    await using var notify = new NpgsqlCommand("SELECT pg_notify(@channel, @payload)", send);
                    notify.Parameters.AddWithValue("channel", Channel);
                    notify.Parameters.AddWithValue("payload", broadcaster.NodeId.ToString("N") + "|" + string.Join(',', batch));
                    await notify.ExecuteNonQueryAsync(either.Token);
                }
            }
        }, either.Token);
        var failed = await Task.WhenAny(receiving, sending);
        await either.CancelAsync();
        await failed; // rethrows what ended it
    }

    private void Receive(string payload)
    {
        var parts = payload.Split('|', 2);
        if (parts.Length != 2 || !Guid.TryParseExact(parts[0], "N", out var node) || node == broadcaster.NodeId)
            return;
        broadcaster.PublishFromOtherNode(parts[1].Split(',', StringSplitOptions.RemoveEmptyEntries).ToHashSet());
    }
}
