using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using SpecialistRegistry.Data;
using SpecialistRegistry.Domain;
using SpecialistRegistry.Operations;

namespace SpecialistRegistry.Features.Travel;

/// <summary>
/// Once a day: approved trips whose release window passed without the passport being collected expire, and
/// the firm's HR is told. Each trip is its own save guarded by its Version, so the job is an idempotent state
/// change: a second run (a restart, or a second app server running it at the same moment) finds the trip
/// already expired — or loses the race on its Version — and changes and tells nothing twice.
/// </summary>
public sealed class TravelExpiryJob(IServiceScopeFactory scopes, IOptions<TravelRules> rules, TimeProvider clock, ClusterLock cluster,
    ILogger<TravelExpiryJob> logger, IStringLocalizer<TravelRequestText> T, IOptions<RequestLocalizationOptions> localization)
    : BackgroundService
{
    public static readonly Actor JobActor = new("system:travel-expiry", "Travel approval expiry");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(UntilNextRun(clock.GetUtcNow()), clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            try
            {
                // Safe on every node as explained above; the lock only spares the other nodes the same work.
                var (_, expired) = await cluster.TryRunAsync("travel-expiry", RunOnceAsync, stoppingToken);
                if (expired > 0)
                    logger.LogInformation("Travel approvals expired without a release: {Count}", expired);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "The travel approval expiry run failed; it runs again tomorrow.");
            }
        }
    }

    public TimeSpan UntilNextRun(DateTimeOffset now)
    {
        var hour = Math.Clamp(rules.Value.DailyRunHourUtc, 0, 23);
        var next = new DateTimeOffset(now.UtcDateTime.Date.AddHours(hour), TimeSpan.Zero);
        if (next <= now)
            next = next.AddDays(1);
        return next - now;
    }

    /// <summary>Expires every approved trip that can no longer be collected; returns how many this run expired.</summary>
    public async Task<int> RunOnceAsync(CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var r = rules.Value;
        // The window ends on the approved return or ExpireAfterDays after the approved departure, whichever is first.
        var departedBefore = today.AddDays(-Math.Max(0, r.ExpireAfterDays));
        await using var scope = scopes.CreateAsyncScope();
        var createDb = scope.ServiceProvider.GetRequiredService<Func<RegistryDb>>();
        List<Guid> candidates;
        await using (var db = createDb())
        {
            candidates = await db.TravelRequests.AsNoTracking()
                .Where(t => t.Status == TravelStatus.Approved && (t.ApprovedDepartureOn < departedBefore || t.ApprovedReturnOn < today))
                .OrderBy(t => t.ApprovedDepartureOn).Select(t => t.Id).ToListAsync(ct);
        }

        var expired = 0;
        foreach (var id in candidates)
        {
            await using var db = createDb();
            db.Actor = JobActor;
            var trip = await db.TravelRequests.SingleOrDefaultAsync(t => t.Id == id, ct);
            if (trip is null || !trip.IsExpiredOn(today, r))
                continue;
            trip.Expire(today, r, now);
            var person = await db.Specialists.AsNoTracking().Where(s => s.Id == trip.SpecialistId)
                .Select(s => s.FullName + " (" + s.LatinName + ")").SingleAsync(ct);
            TravelNotices.Add(db, await TravelNotices.FirmHrAsync(db, trip.FirmId, ct), NotificationKind.TravelExpired, trip.SpecialistId,
                () => T["N_Expired", trip.ApprovalNumber ?? "", person, trip.Destination, Day(trip.ReleaseWindow(r).Until)], now, localization.Value);
            try
            {
                await db.SaveChangesAsync(ct);
                expired++;
            }
            catch (DbUpdateConcurrencyException)
            {
                // Another server expired it (or an officer released it) first: that change stands, and told whoever it told.
            }
        }
        return expired;
    }

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
