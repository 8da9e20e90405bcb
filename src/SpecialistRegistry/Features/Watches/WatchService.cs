using Microsoft.EntityFrameworkCore;
using SpecialistRegistry.Auth;
using SpecialistRegistry.Data;
using SpecialistRegistry.Domain;

namespace SpecialistRegistry.Features.Watches;

public sealed record WatchedSpecialist(Guid SpecialistId, string FullName, string LatinName, string EmployeeNumber, string FirmName, DateTimeOffset Since);

public sealed record NotificationRow(Guid Id, NotificationKind Kind, Guid? SpecialistId, string Message, DateTimeOffset CreatedAt, bool IsRead);

/// <summary>
/// The signed-in regulator's watches and notifications. Every method acts for the current user only: one
/// regulator can neither read nor mark another's notifications.
/// </summary>
public sealed class WatchService(IDbContextFactory<RegistryDb> dbFactory, CurrentUser currentUser, TimeProvider clock)
{
    public const int RecentCount = 15;

    public string? UserId => currentUser.Get().Id;

    public async Task<bool> IsWatchingAsync(Guid specialistId, CancellationToken ct = default)
    {
        var userId = RequireUser();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Watches.AnyAsync(w => w.UserId == userId && w.SpecialistId == specialistId, ct);
    }

    /// <summary>Starts watching; watching someone already watched changes nothing. False when there is no such specialist.</summary>
    public async Task<bool> WatchAsync(Guid specialistId, CancellationToken ct = default)
    {
        var userId = RequireUser();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await db.Specialists.AnyAsync(s => s.Id == specialistId, ct))
            return false;
        if (await db.Watches.AnyAsync(w => w.UserId == userId && w.SpecialistId == specialistId, ct))
            return true;
        db.Watches.Add(new Watch { UserId = userId, SpecialistId = specialistId, CreatedAt = clock.GetUtcNow() });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // A double click from two tabs: the unique index kept one watch, which is what was asked for.
            if (!await IsWatchingAsync(specialistId, ct))
                throw;
        }
        return true;
    }

    public async Task UnwatchAsync(Guid specialistId, CancellationToken ct = default)
    {
        var userId = RequireUser();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var watch = await db.Watches.SingleOrDefaultAsync(w => w.UserId == userId && w.SpecialistId == specialistId, ct);
        if (watch is null)
            return;
        db.Watches.Remove(watch);
        await db.SaveChangesAsync(ct);
    }

    public async Task<IReadOnlyList<WatchedSpecialist>> MyWatchesAsync(CancellationToken ct = default)
    {
        var userId = RequireUser();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await (from w in db.Watches.AsNoTracking()
                      join s in db.Specialists.AsNoTracking() on w.SpecialistId equals s.Id
                      where w.UserId == userId
                      orderby s.LatinName, s.Id
                      select new WatchedSpecialist(s.Id, s.FullName, s.LatinName, s.EmployeeNumber, s.Firm!.Name, w.CreatedAt))
            .ToListAsync(ct);
    }

    public async Task<int> UnreadCountAsync(CancellationToken ct = default)
    {
        var userId = RequireUser();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Notifications.CountAsync(n => n.UserId == userId && n.ReadAt == null, ct);
    }

    /// <summary>The latest notifications, unread first.</summary>
    public async Task<IReadOnlyList<NotificationRow>> RecentAsync(CancellationToken ct = default)
    {
        var userId = RequireUser();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Notifications.AsNoTracking().Where(n => n.UserId == userId)
            .OrderBy(n => n.ReadAt == null ? 0 : 1).ThenByDescending(n => n.CreatedAt).ThenByDescending(n => n.Id)
            .Take(RecentCount)
            .Select(n => new NotificationRow(n.Id, n.Kind, n.SpecialistId, n.Message, n.CreatedAt, n.ReadAt != null))
            .ToListAsync(ct);
    }

    public async Task MarkReadAsync(Guid notificationId, CancellationToken ct = default)
    {
        var userId = RequireUser();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var notification = await db.Notifications.SingleOrDefaultAsync(n => n.Id == notificationId && n.UserId == userId && n.ReadAt == null, ct);
        if (notification is null)
            return;
        notification.ReadAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Tracked updates, not ExecuteUpdate: notifications are audited like every other row.</summary>
    public async Task MarkAllReadAsync(CancellationToken ct = default)
    {
        var userId = RequireUser();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var unread = await db.Notifications.Where(n => n.UserId == userId && n.ReadAt == null).ToListAsync(ct);
        if (unread.Count == 0)
            return;
        var now = clock.GetUtcNow();
        foreach (var n in unread)
            n.ReadAt = now;
        await db.SaveChangesAsync(ct);
    }

    private string RequireUser() => currentUser.Get().Id ?? throw new InvalidOperationException("Watches need a signed-in user.");
}
