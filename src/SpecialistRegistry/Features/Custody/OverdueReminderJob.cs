using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using SpecialistRegistry.Auth;
using SpecialistRegistry.Data;
using SpecialistRegistry.Domain;
using SpecialistRegistry.Operations;
using SpecialistRegistry.Localization;

namespace SpecialistRegistry.Features.Custody;

/// <param name="TravelNotices">Travel notices (decisions, questions, approvals for the office, watched people's trips) carried in the e-mails.</param>
public sealed record ReminderRun(int Passports, int Notifications, int Emails, int TravelNotices = 0);

/// <summary>
/// Once a day: every passport overdue or due back soon becomes an in-app notification for each custody
/// officer and each HR user of the holder's firm, plus one digest e-mail per person, each in that person's language
/// (<see cref="RecipientCulture"/>). A passport's notice is raised at most once per person per day (a
/// <see cref="NotificationKey"/> per person, specialist and day), so a restart or a second run the same day repeats
/// nothing; with several nodes only one runs each day's tick. The same digest also carries the travel notices
/// (<see cref="TravelKinds"/>) raised in-app since the last run, each mailed once (a key per notice).
/// </summary>
public sealed class OverdueReminderJob(
    IServiceScopeFactory scopes, IMailSender mail, IOptions<CustodyOptions> options, TimeProvider clock,
    ClusterLock cluster, ILogger<OverdueReminderJob> logger, IStringLocalizer<CustodyText> T, IOptions<RequestLocalizationOptions> localization) : BackgroundService
{
    public static readonly Actor JobActor = new("system:overdue-reminders", "Overdue reminders");

    /// <summary>In-app notices of travel approvals that the daily digest also e-mails.</summary>
    public static readonly NotificationKind[] TravelKinds =
    [
        NotificationKind.TravelRequested, NotificationKind.TravelQuestioned, NotificationKind.TravelAnswered, NotificationKind.TravelApproved,
        NotificationKind.TravelDenied, NotificationKind.TravelExpired, NotificationKind.TravelNotReturned,
    ];

    // A notice older than this when the digest first sees it (the job was down for days) stays in-app only.
    private static readonly TimeSpan TravelLookBack = TimeSpan.FromDays(3);

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

        var officers = await UsersInRoleAsync(db, Roles.CustodyOfficer, null, ct);
        var hr = await UsersInRoleAsync(db, Roles.FirmHR, due.Select(d => d.FirmId).Distinct().ToList(), ct);
        // The keys and the notices are one transaction: a failed save claims nothing, and the next run tries again.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var added = new List<(Recipient To, Notification Notice)>();
        foreach (var d in due)
        {
            var overdueDays = today.DayNumber - d.DueBackOn.DayNumber;
            var kind = overdueDays > 0 ? NotificationKind.PassportOverdue : NotificationKind.PassportDueBack;
            var holder = new[] { d.FullName, d.LatinName, d.Firm };
            var dueOn = d.DueBackOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            // The trip it left for: a travel approval, or the free-text reference of a release from before approvals.
            string Message()
            {
                var when = overdueDays > 0 ? T["Reminder_Overdue", [.. holder, dueOn, overdueDays]]
                    : overdueDays == 0 ? T["Reminder_DueToday", [.. holder]]
                    : T["Reminder_DueOn", [.. holder, dueOn]];
                var trip = d.Release switch
                {
                    { IsApproval: true } r => T["Reminder_TripApproval", r.ApprovalReference ?? "", r.Destination ?? ""].Value,
                    { ApprovalReference: { Length: > 0 } reference, Destination: { Length: > 0 } to } => T["Reminder_TripReference", reference, to].Value,
                    { ApprovalReference: { Length: > 0 } reference } => T["Reminder_TripReferenceOnly", reference].Value,
                    _ => null,
                };
                return trip is null ? when : T["Reminder_WithTrip", when, trip];
            }
            var messages = new Dictionary<CultureInfo, string>();
            foreach (var to in officers.Concat(hr.Where(h => h.FirmId == d.FirmId)))
            {
                if (!await NotificationOnce.TryClaimAsync(db, $"passport-reminder/{to.Id}/{d.SpecialistId}/{today:yyyy-MM-dd}", ct))
                    continue;
                if (!messages.TryGetValue(to.Culture, out var message))
                {
                    using (CultureScope.Use(to.Culture))
                        message = Message();
                    messages[to.Culture] = message;
                }
                var notice = new Notification { UserId = to.Id, Kind = kind, SpecialistId = d.SpecialistId, Message = message, CreatedAt = now };
                db.Notifications.Add(notice);
                added.Add((to, notice));
            }
        }
        var travel = await TravelToMailAsync(db, now, ct);
        if (added.Count == 0 && travel.Count == 0)
            return new ReminderRun(due.Count, 0, 0);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);

        // Mail only after the notices are saved: a failed save sends nothing, and tomorrow's run tries again.
        var emails = 0;
        var passportsByUser = added.ToLookup(a => a.To.Id);
        var travelByUser = travel.ToLookup(a => a.To.Id);
        var recipients = added.Select(a => a.To).Concat(travel.Select(t => t.To)).Where(r => !string.IsNullOrWhiteSpace(r.Email)).DistinctBy(r => r.Id);
        foreach (var to in recipients)
        {
            using var language = CultureScope.Use(to.Culture);
            var passports = passportsByUser[to.Id].Select(a => a.Notice.Message).ToList();
            // The notice was written in its recipient's language when it was raised; it is mailed as written.
            var trips = travelByUser[to.Id].Select(t => t.Message).ToList();
            var body = new StringBuilder();
            if (passports.Count > 0)
            {
                body.Append(T["Mail_Intro", today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)]).Append("\n\n");
                foreach (var message in passports)
                    body.Append("- ").Append(message).Append('\n');
                body.Append('\n').Append(T["Mail_Footer"]).Append('\n');
            }
            if (trips.Count > 0)
            {
                if (body.Length > 0)
                    body.Append('\n');
                body.Append(T["Mail_TravelIntro"]).Append("\n\n");
                foreach (var message in trips)
                    body.Append("- ").Append(message).Append('\n');
            }
            var subject = (passports.Count, trips.Count) switch
            {
                ( > 0, > 0) => T["Mail_SubjectWithTravel", passports.Count, trips.Count],
                ( > 0, _) => T["Mail_Subject", passports.Count],
                _ => T["Mail_TravelSubject", trips.Count],
            };
            await mail.SendAsync(new MailMessageData(to.Email!, subject, body.ToString()), ct);
            emails++;
        }
        return new ReminderRun(due.Count, added.Count, emails, travel.Count);
    }

    private sealed record TravelNotice(Recipient To, string Message);

    /// <summary>
    /// The travel notices raised in-app since the last digest that an active account with an e-mail address has not
    /// been mailed yet. Each is claimed in the run's transaction ("mail/notice id"), so two nodes or a second run mail it once.
    /// </summary>
    private async Task<List<TravelNotice>> TravelToMailAsync(RegistryDb db, DateTimeOffset now, CancellationToken ct)
    {
        var since = now - TravelLookBack;
        var notices = await (from n in db.Notifications
                             join u in db.Users on n.UserId equals u.Id
                             where TravelKinds.Contains(n.Kind) && n.CreatedAt > since && n.CreatedAt <= now && !u.IsDisabled && u.Email != null
                             select new { n.Id, n.Message, n.CreatedAt, u.Email, UserId = u.Id, u.FirmId, u.Culture })
            .ToListAsync(ct);
        var result = new List<TravelNotice>();
        foreach (var n in notices.OrderBy(n => n.CreatedAt))
        {
            if (await NotificationOnce.TryClaimAsync(db, $"mail/{n.Id}", ct))
                result.Add(new(new Recipient(n.UserId, n.Email, n.FirmId, RecipientCulture.Of(n.Culture, localization.Value)), n.Message));
        }
        return result;
    }

    private sealed record Recipient(string Id, string? Email, Guid? FirmId, CultureInfo Culture);

    /// <summary>Active users in a role, each with the language they read; with <paramref name="firmIds"/>, only those of these firms.</summary>
    private async Task<List<Recipient>> UsersInRoleAsync(RegistryDb db, string role, List<Guid>? firmIds, CancellationToken ct) =>
        (await (from ur in db.UserRoles
                join r in db.Roles on ur.RoleId equals r.Id
                join u in db.Users on ur.UserId equals u.Id
                where r.Name == role && !u.IsDisabled && (firmIds == null || (u.FirmId != null && firmIds.Contains(u.FirmId.Value)))
                select new { u.Id, u.Email, u.FirmId, u.Culture }).ToListAsync(ct))
        .Select(u => new Recipient(u.Id, u.Email, u.FirmId, RecipientCulture.Of(u.Culture, localization.Value))).ToList();
}
