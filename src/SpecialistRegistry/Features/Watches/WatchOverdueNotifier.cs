using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SpecialistRegistry.Data;
using SpecialistRegistry.Domain;
using SpecialistRegistry.Localization;

namespace SpecialistRegistry.Features.Watches;

/// <summary>
/// "Becomes overdue" is a matter of time, not of a save, so the interceptor cannot see it: this tells every
/// watcher of a specialist whose passport is released past its due-back date, once per overdue episode. An
/// episode starts with the release; a watcher who already has an overdue notice for that person dated after
/// the release is not told again, and the episode's <see cref="NotificationKey"/> keeps it so when two runs race.
/// Safe to run as often as wanted. Each notice is written in its recipient's language.
/// </summary>
public sealed class WatchOverdueNotifier(Func<RegistryDb> createDb, TimeProvider clock, IOptions<RequestLocalizationOptions> localization)
{
    /// <summary>Adds the notifications due on <paramref name="today"/>; returns how many were added.</summary>
    public async Task<int> RunAsync(DateOnly today, CancellationToken ct = default)
    {
        await using var db = createDb();
        db.Actor = Actor.System;

        // Only passports of watched people: the watch list is small, the passport table is not.
        var overdue = await db.Passports.AsNoTracking()
            .Where(p => p.CustodyStatus == CustodyStatus.Released && p.DueBackOn < today)
            .Where(p => db.Watches.Any(w => w.SpecialistId == p.SpecialistId))
            .Select(p => new
            {
                p.SpecialistId,
                p.DueBackOn,
                p.Specialist!.FullName,
                p.Specialist.LatinName,
                ReleasedAt = p.CustodyEvents.Where(e => e.Kind == CustodyEventKind.Release).Max(e => (DateTimeOffset?)e.OccurredAt),
            })
            .ToListAsync(ct);
        if (overdue.Count == 0)
            return 0;

        var specialistIds = overdue.Select(o => o.SpecialistId).Distinct().ToList();
        var watchers = (await (from w in db.Watches.AsNoTracking()
                               join u in db.Users.AsNoTracking() on w.UserId equals u.Id
                               where specialistIds.Contains(w.SpecialistId)
                               select new { w.SpecialistId, w.UserId, u.Culture }).ToListAsync(ct))
            .ToLookup(w => w.SpecialistId, w => (w.UserId, Culture: RecipientCulture.Of(w.Culture, localization.Value)));
        var told = (await db.Notifications.AsNoTracking()
            .Where(n => n.Kind == NotificationKind.PassportOverdue && n.SpecialistId != null && specialistIds.Contains(n.SpecialistId.Value))
            .Select(n => new { n.UserId, SpecialistId = n.SpecialistId!.Value, n.CreatedAt }).ToListAsync(ct))
            .ToLookup(n => (n.UserId, n.SpecialistId), n => n.CreatedAt);

        var now = clock.GetUtcNow();
        var added = 0;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        foreach (var passport in overdue)
        {
            var episodeStart = passport.ReleasedAt ?? DateTimeOffset.MinValue;
            foreach (var (userId, culture) in watchers[passport.SpecialistId])
            {
                if (told[(userId, passport.SpecialistId)].Any(at => at >= episodeStart)
                    || !await NotificationOnce.TryClaimAsync(db, $"watch-overdue/{userId}/{passport.SpecialistId}/{episodeStart.UtcTicks}", ct))
                    continue;
                string message;
                using (CultureScope.Use(culture))
                    message = NotificationText.Get("PassportOverdue", $"{passport.FullName} ({passport.LatinName})", passport.DueBackOn);
                db.Notifications.Add(new Notification
                {
                    UserId = userId,
                    Kind = NotificationKind.PassportOverdue,
                    SpecialistId = passport.SpecialistId,
                    Message = message,
                    CreatedAt = now,
                });
                added++;
            }
        }
        if (added > 0)
            await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return added;
    }
}

/// <summary>Runs the overdue check at start-up and then every hour (it is idempotent, so a restart does no harm).</summary>
public sealed class WatchOverdueService(IServiceScopeFactory scopes, TimeProvider clock, Operations.ClusterLock cluster, ILogger<WatchOverdueService> log)
    : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromHours(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, clock);
        do
        {
            try
            {
                var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
                var (_, added) = await cluster.TryRunAsync("watch-overdue", async ct =>
                {
                    await using var scope = scopes.CreateAsyncScope();
                    return await scope.ServiceProvider.GetRequiredService<WatchOverdueNotifier>().RunAsync(today, ct);
                }, stoppingToken);
                if (added > 0)
                    log.LogInformation("Told watchers about {Count} overdue passports", added);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // A failed run (e.g. the database not migrated yet) is retried at the next tick.
                log.LogWarning(e, "The overdue check for watchers failed");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
