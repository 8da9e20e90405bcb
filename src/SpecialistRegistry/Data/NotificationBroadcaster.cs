using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Options;
using SpecialistRegistry.Domain;

namespace SpecialistRegistry.Data;

/// <summary>
/// Tells open pages that some users have new notifications, so a bell can update live. Raised only after the
/// save that wrote them has committed. On PostgreSQL the recipients also go to every other node through
/// <c>NOTIFY</c> (<see cref="Operations.PostgresNotificationRelay"/>), and what other nodes announce is raised here.
/// </summary>
public sealed class NotificationBroadcaster
{
    private readonly Channel<IReadOnlySet<string>>? _toOtherNodes;

    public NotificationBroadcaster()
    {
    }

    public NotificationBroadcaster(IOptions<RegistryOptions> options)
    {
        if (options.Value.Provider == DatabaseProvider.Postgres)
            _toOtherNodes = Channel.CreateUnbounded<IReadOnlySet<string>>(new UnboundedChannelOptions { SingleReader = true });
    }

    public event Action<IReadOnlySet<string>>? Published;

    /// <summary>
    /// Announced with the recipients when a passport's custody changes, so open pages showing it refresh through
    /// the same channel (and across nodes the same way). Never a user id: those carry no "custody:" prefix.
    /// </summary>
    public static string CustodyKey(Guid passportId) => "custody:" + passportId.ToString("N");

    /// <summary>Tells this node's pages so, and not this node's only, which node announced it.</summary>
    public Guid NodeId { get; } = Guid.NewGuid();

    /// <summary>What this node announced, for the relay to pass on; null on SQLite, which serves one node.</summary>
    internal ChannelReader<IReadOnlySet<string>>? ToOtherNodes => _toOtherNodes?.Reader;

    public void Publish(IReadOnlySet<string> userIds)
    {
        if (userIds.Count == 0)
            return;
        Published?.Invoke(userIds);
        _toOtherNodes?.Writer.TryWrite(userIds);
    }

    /// <summary>Recipients another node announced: raised here only, never passed on again.</summary>
    internal void PublishFromOtherNode(IReadOnlySet<string> userIds)
    {
        if (userIds.Count > 0)
            Published?.Invoke(userIds);
    }
}

/// <summary>Collects the recipients of notifications added in a save (and the passports whose custody changed) and announces them once it succeeded.</summary>
public sealed class NotificationPublishInterceptor(NotificationBroadcaster broadcaster) : SaveChangesInterceptor
{
    private readonly System.Runtime.CompilerServices.ConditionalWeakTable<DbContext, HashSet<string>> _pending = new();

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Collect(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Collect(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Announce(eventData.Context);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Announce(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private void Collect(DbContext? context)
    {
        if (context is null)
            return;
        var recipients = context.ChangeTracker.Entries<Notification>()
            .Where(e => e.State == EntityState.Added).Select(e => e.Entity.UserId).ToHashSet();
        // A custody entry logged (or a passport's custody corrected) tells the pages showing that passport.
        recipients.UnionWith(context.ChangeTracker.Entries<CustodyEvent>()
            .Where(e => e.State is EntityState.Added or EntityState.Modified).Select(e => NotificationBroadcaster.CustodyKey(e.Entity.PassportId)));
        if (recipients.Count > 0)
            _pending.AddOrUpdate(context, recipients);
        else
            _pending.Remove(context);
    }

    private void Announce(DbContext? context)
    {
        // When the caller holds an outer transaction the rows are not visible yet; the bell's next load finds them.
        if (context is not null && _pending.TryGetValue(context, out var recipients))
        {
            _pending.Remove(context);
            broadcaster.Publish(recipients);
        }
    }
}
