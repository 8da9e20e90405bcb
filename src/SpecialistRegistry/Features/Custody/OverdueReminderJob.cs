using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SpecialistRegistry.Auth;
using SpecialistRegistry.Data;
using SpecialistRegistry.Domain;
using SpecialistRegistry.Operations;

namespace SpecialistRegistry.Features.Custody;

public sealed record ReminderRun(int Passports, int Notifications, int Emails);

/// <summary>
/// Once a day: every passport overdue or due back soon becomes an in-app notification for each custody
/// officer and each HR user of the holder's firm, plus one digest e-mail per person. A passport's notice is
/// raised at most once per person per day (a <see cref="NotificationKey"/> per person, specialist and day), so a
/// restart or a second run the same day repeats nothing; with several nodes only one runs each day's tick.
/// </summary>
public sealed class OverdueReminderJob(
    IServiceScopeFactory scopes, IMailSender mail, IOptions<CustodyOptions> options, TimeProvider clock,
    ClusterLock cluster, ILogger<OverdueReminderJob> logger) : BackgroundService
{
    public static readonly Actor JobActor = new("system:overdue-reminders", "Overdue reminders");

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
                if (await TickAsync(stoppingToken) is not { } run)
                    continue;
                logger.LogInformation("Overdue reminders: {Passports} passports, {Notifications} notifications, {Emails} e-mails",
                    run.Passports, run.Notifications, run.Emails);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // One bad day (database busy, mail folder full) must not end tomorrow's run.
                logger.LogError(e, "The overdue reminder run failed; it runs again tomorrow.");
            }
        }
    }

    /// <summary>One scheduled run, on this node only if no other node is running it; null when another node is.</summary>
    public async Task<ReminderRun?> TickAsync(CancellationToken ct = default)
    {
        var (ran, run) = await cluster.TryRunAsync("overdue-reminders", RunOnceAsync, ct);
        return ran ? run : null;
    }

    public TimeSpan UntilNextRun(DateTimeOffset now)
    {
        var hour = Math.Clamp(options.Value.DailyRunHourUtc, 0, 23);
        var next = new DateTimeOffset(now.UtcDateTime.Date.AddHours(hour), TimeSpan.Zero);
        if (next <= now)
            next = next.AddDays(1);
        return next - now;
    }

    public async Task<ReminderRun> RunOnceAsync(CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        await using var scope = scopes.CreateAsyncScope();
        await using var db = scope.ServiceProvider.GetRequiredService<Func<RegistryDb>>()();
        db.Actor = JobActor;

        var due = await OverdueWorkList.Due(db, today.AddDays(Math.Max(0, options.Value.DueSoonDays)))
            .OrderBy(p => p.DueBackOn)
            .Select(p => new
            {
                p.SpecialistId, p.Specialist!.FirmId, p.Specialist.FullName, p.Specialist.LatinName, Firm = p.Specialist.Firm!.Name, DueBackOn = p.DueBackOn!.Value,
                Release = p.CustodyEvents.Where(e => e.Kind == CustodyEventKind.Release).OrderByDescending(e => e.OccurredAt)
                    .Select(e => new { e.ApprovalReference, e.Destination, IsApproval = e.TravelRequestId != null }).FirstOrDefault(),
            })
            .ToListAsync(ct);
        if (due.Count == 0)
            return new ReminderRun(0, 0, 0);

        var officers = await UsersInRole(db, Roles.CustodyOfficer, null).ToListAsync(ct);
        var hr = await UsersInRole(db, Roles.FirmHR, due.Select(d => d.FirmId).Distinct().ToList()).ToListAsync(ct);
        // The keys and the notices are one transaction: a failed save claims nothing, and the next run tries again.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var added = new List<(Recipient To, Notification Notice)>();
        foreach (var d in due)
        {
            var overdueDays = today.DayNumber - d.DueBackOn.DayNumber;
            // The trip it left for: a travel approval, or the free-text reference of a release from before approvals.
            var trip = d.Release switch
            {
                { IsApproval: true } r => $", released for travel approval {r.ApprovalReference} to {r.Destination},",
                { ApprovalReference: { Length: > 0 } reference } r => $", released under reference {reference}{(r.Destination is { Length: > 0 } to ? $" to {to}" : "")},",
                _ => "",
            };
            var (kind, message) = overdueDays > 0
                ? (NotificationKind.PassportOverdue, $"Passport of {d.FullName} ({d.LatinName}, {d.Firm}){trip} was due back on {d.DueBackOn:yyyy-MM-dd}: {overdueDays} day{(overdueDays == 1 ? "" : "s")} overdue.")
                : (NotificationKind.PassportDueBack, $"Passport of {d.FullName} ({d.LatinName}, {d.Firm}){trip} is due back {(overdueDays == 0 ? "today" : $"on {d.DueBackOn:yyyy-MM-dd}")}.");
            foreach (var to in officers.Concat(hr.Where(h => h.FirmId == d.FirmId)))
            {
                if (!await NotificationOnce.TryClaimAsync(db, $"passport-reminder/{to.Id}/{d.SpecialistId}/{today:yyyy-MM-dd}", ct))
                    continue;
                var notice = new Notification { UserId = to.Id, Kind = kind, SpecialistId = d.SpecialistId, Message = message, CreatedAt = now };
                db.Notifications.Add(notice);
                added.Add((to, notice));
            }
        }
        if (added.Count == 0)
            return new ReminderRun(due.Count, 0, 0);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);

        // Mail only after the notices are saved: a failed save sends nothing, and tomorrow's run tries again.
        var emails = 0;
        foreach (var group in added.Where(a => !string.IsNullOrWhiteSpace(a.To.Email)).GroupBy(a => a.To.Id))
        {
            var to = group.First().To;
            var body = new StringBuilder($"Passports needing attention on {today:yyyy-MM-dd}:\n\n");
            foreach (var (_, notice) in group)
                body.Append("- ").Append(notice.Message).Append('\n');
            body.Append("\nThe custody office's work list has the holders' contact details.\n");
            await mail.SendAsync(new MailMessageData(to.Email!, $"Passports overdue or due back soon ({group.Count()})", body.ToString()), ct);
            emails++;
        }
        return new ReminderRun(due.Count, added.Count, emails);
    }

    private sealed record Recipient(string Id, string? Email, Guid? FirmId);

    /// <summary>Active users in a role; with <paramref name="firmIds"/>, only those of these firms.</summary>
    private static IQueryable<Recipient> UsersInRole(RegistryDb db, string role, List<Guid>? firmIds) =>
        from ur in db.UserRoles
        join r in db.Roles on ur.RoleId equals r.Id
        join u in db.Users on ur.UserId equals u.Id
        where r.Name == role && !u.IsDisabled && (firmIds == null || (u.FirmId != null && firmIds.Contains(u.FirmId.Value)))
        select new Recipient(u.Id, u.Email, u.FirmId);
}
