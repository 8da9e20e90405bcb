using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using SpecialistRegistry.Domain;

namespace SpecialistRegistry.Data;

/// <summary>
/// Tells open pages (in this process) that some users have new notifications, so a bell can update live.
/// Raised only after the save that wrote them has committed.
/// </summary>
public sealed class NotificationBroadcaster
{
    public event Action<IReadOnlySet<string>>? Published;

    public void Publish(IReadOnlySet<string> userIds)
    {
        if (userIds.Count > 0)
            Published?.Invoke(userIds);
    }
}

/// <summary>Collects the recipients of notifications added in a save and announces them once it succeeded.</summary>
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
