using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Localization;
using SpecialistRegistry.Localization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SpecialistRegistry.Auth;
using SpecialistRegistry.Data;
using SpecialistRegistry.Domain;
using SpecialistRegistry.Features.Custody;
using SpecialistRegistry.Operations;

namespace SpecialistRegistry.Features.Filings;

public sealed record FilingReminderRun(int Periods, int Reminders, int Notifications, int Emails);

/// <summary>
/// At start-up and then once a day: makes the quarters that are due to exist (FilingCalendar), then reminds
/// every firm that has not filed a period due within <see cref="FilingOptions.DueSoonDays"/> or overdue: an
/// in-app notification for each of its HR users and one digest e-mail per person. "At most once per firm,
/// period, kind and day" is the unique key of <see cref="FilingReminder"/>: the reminder row and its
/// notifications are one save, so a rerun the same day sends nothing; with several nodes only one runs each tick.
/// </summary>
public sealed class FilingReminderJob(
    IServiceScopeFactory scopes, IMailSender mail, IOptions<FilingOptions> options, TimeProvider clock,
    ClusterLock cluster, ILogger<FilingReminderJob> logger, IStringLocalizer<FilingsText> t, IOptions<RequestLocalizationOptions> localization) : BackgroundService
{
    public static readonly Actor JobActor = new("system:filing-reminders", "Filing reminders");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (await TickAsync(stoppingToken) is { } run)
                    logger.LogInformation("Filing reminders: {Periods} new periods, {Reminders} reminders, {Notifications} notifications, {Emails} e-mails",
                        run.Periods, run.Reminders, run.Notifications, run.Emails);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // One bad day (database busy, mail folder full) must not end tomorrow's run.
                logger.LogError(e, "The filing reminder run failed; it runs again at the next daily hour.");
            }
            try
            {
                await Task.Delay(UntilNextRun(clock.GetUtcNow()), clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>One scheduled run, on this node only if no other node is running it; null when another node is.</summary>
    public async Task<FilingReminderRun?> TickAsync(CancellationToken ct = default)
    {
        var (ran, run) = await cluster.TryRunAsync("filing-reminders", RunOnceAsync, ct);
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

    public async Task<FilingReminderRun> RunOnceAsync(CancellationToken ct = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var made = await scope.ServiceProvider.GetRequiredService<FilingCalendar>().EnsureQuarterlyPeriodsAsync(ct);
        var create = scope.ServiceProvider.GetRequiredService<Func<RegistryDb>>();
        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);

        List<FilingObligation> open;
        await using (var db = create())
        {
            var horizon = today.AddDays(Math.Max(0, options.Value.DueSoonDays));
            open = (await FilingObligations.LoadAsync(db, db.FilingPeriods.IgnoreQueryFilters().Where(p => p.DueOn <= horizon), ct))
                .Where(o => o.IsOpen).ToList();
        }

        var sent = new List<(FilingNotices.Recipient To, Notification Notice)>();
        var reminders = 0;
        foreach (var o in open)
        {
            var overdue = o.IsOverdue(today);
            await using var db = create();
            db.Actor = JobActor;
            db.FilingReminders.Add(new FilingReminder
            {
                FirmId = o.FirmId, PeriodId = o.Period.Id, Kind = overdue ? FilingReminderKind.Overdue : FilingReminderKind.DueSoon,
                OnDate = today, CreatedAt = now,
            });
            var days = Math.Abs(o.DaysUntilDue(today));
            // One whole sentence per case, composed in each recipient's language below.
            string Message() => overdue
                ? t[days == 1 ? "ReminderOverdueOne" : "ReminderOverdueMany", o.FirmName, o.Period.Title, o.Period.DueOn, days]
                : t[days switch { 0 => "ReminderDueToday", 1 => "ReminderDueInOne", _ => "ReminderDueInMany" }, o.FirmName, o.Period.Title, o.Period.DueOn, days];
            var recipients = await FilingNotices.UsersInRole(db, Roles.FirmHR, [o.FirmId]).ToListAsync(ct);
            var notices = recipients.Select(to => (to, new Notification
            {
                UserId = to.Id, Kind = overdue ? NotificationKind.FilingOverdue : NotificationKind.FilingDueSoon, Message = FilingNotices.Fit(FilingNotices.In(to, localization.Value, Message)), CreatedAt = now,
            })).ToList();
            db.Notifications.AddRange(notices.Select(n => n.Item2));
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException)
            {
                // Already reminded today (by an earlier run or another node): the unique key refused the repeat.
                await using var check = create();
                var kind = overdue ? FilingReminderKind.Overdue : FilingReminderKind.DueSoon;
                if (await check.FilingReminders.AnyAsync(r => r.FirmId == o.FirmId && r.PeriodId == o.Period.Id && r.Kind == kind && r.OnDate == today, ct))
                    continue;
                throw;
            }
            reminders++;
            sent.AddRange(notices);
        }

        // Mail only after the notices are saved: a failed save sends nothing, and the next run tries again.
        var emails = 0;
        foreach (var group in sent.Where(s => !string.IsNullOrWhiteSpace(s.To.Email)).GroupBy(s => s.To.Id))
        {
            var to = group.First().To;
            // The digest goes out in the recipient's language, like the notices it lists.
            string subject;
            var body = new StringBuilder();
            using (CultureScope.Use(FilingNotices.CultureOf(to, localization.Value)))
            {
                body.Append(t["MailIntro", today]).Append("\n\n");
                foreach (var (_, notice) in group)
                    body.Append("- ").Append(notice.Message).Append('\n');
                body.Append('\n').Append(t["MailOutro"]).Append('\n');
                subject = t["MailSubject", group.Count()];
            }
            await mail.SendAsync(new MailMessageData(to.Email!, subject, body.ToString()), ct);
            emails++;
        }
        return new FilingReminderRun(made, reminders, sent.Count, emails);
    }
}
