using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Options;
using SpecialistRegistry.Domain;
using SpecialistRegistry.Localization;

namespace SpecialistRegistry.Data;

/// <summary>
/// The one place that tells watchers about a change: it reads what a save is about to write and adds
/// <see cref="Notification"/> rows for every watcher of the specialists it touches (passport released, employer
/// changed, on a filing, flag changed, travel requested or approved), in the same save (so the
/// notification exists exactly when the change does, and is audited with it). Features never notify watchers by hand.
/// Must run before the audit and publish interceptors, which pick up the rows it adds.
/// Each watcher's copy is written in their own language (<see cref="RecipientCulture"/>): a message is composed
/// once per language inside a <see cref="CultureScope"/>, so every text a <see cref="Happening"/> reads follows it.
/// </summary>
public sealed class WatchNotificationInterceptor(TimeProvider clock, IOptions<RequestLocalizationOptions> localization) : SaveChangesInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is RegistryDb db)
            AddNotifications(db);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData,
        InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is RegistryDb db)
            AddNotifications(db);
        return ValueTask.FromResult(result);
    }

    private sealed record Happening(Guid SpecialistId, NotificationKind Kind, Func<string, string> Message);

    // Synchronous like the audit interceptor: both must finish inside SaveChanges, and share this path.
    private void AddNotifications(RegistryDb db)
    {
        db.ChangeTracker.DetectChanges();
        var happenings = new List<Happening>();
        // A submitted filing brings thousands of entries: look each filing up once per save, not once per entry.
        var filings = new Dictionary<Guid, Filing?>();
        foreach (var entry in db.ChangeTracker.Entries().ToList())
        {
            switch (entry.Entity)
            {
                case CustodyEvent { Kind: CustodyEventKind.Release } release when entry.State == EntityState.Added:
                    if (SpecialistOfPassport(db, release.PassportId) is { } holder)
                        happenings.Add(new(holder, NotificationKind.PassportReleased, name => release.Destination is { Length: > 0 } d
                            ? NotificationText.Get("PassportReleasedTo", name, Countries.Display(d), release.DueBackOn)
                            : NotificationText.Get("PassportReleased", name, release.DueBackOn)));
                    break;
                case Specialist specialist when entry.State == EntityState.Modified && FirmChanged(entry) is { } moved && moved.From != moved.To:
                    happenings.Add(new(specialist.Id, NotificationKind.EmployerChanged, name =>
                        NotificationText.Get("EmployerChanged", name, FirmName(db, moved.From), FirmName(db, moved.To))));
                    break;
                case FilingEntry filingEntry when entry.State == EntityState.Added:
                    if (!filings.TryGetValue(filingEntry.FilingId, out var filing))
                        filings[filingEntry.FilingId] = filing = SubmittedFiling(db, filingEntry.FilingId);
                    if (filing is not null)
                        happenings.Add(new(filingEntry.SpecialistId, NotificationKind.AppearedOnFiling, name =>
                            NotificationText.Get("AppearedOnFiling", name, FirmName(db, filing.FirmId), filing.Period)));
                    break;
                case TravelRequest trip when entry.State == EntityState.Added:
                    happenings.Add(new(trip.SpecialistId, NotificationKind.TravelRequested, name =>
                        NotificationText.Get("TravelRequested", name, Destination(trip), trip.DepartureOn, trip.ReturnOn)));
                    break;
                case TravelRequest trip when entry.State == EntityState.Modified && trip.Status == TravelStatus.Approved
                                             && entry.Property(nameof(TravelRequest.Status)) is { IsModified: true } tripStatus
                                             && !Equals(tripStatus.OriginalValue, tripStatus.CurrentValue):
                    happenings.Add(new(trip.SpecialistId, NotificationKind.TravelApproved, name =>
                        NotificationText.Get("TravelApproved", name, Destination(trip), trip.ApprovalNumber, trip.ApprovedDepartureOn, trip.ApprovedReturnOn)));
                    break;
                case TravelRequest trip when entry.State == EntityState.Modified && trip.Status == TravelStatus.NotReturned
                                             && entry.Property(nameof(TravelRequest.Status)) is { IsModified: true } closedStatus
                                             && !Equals(closedStatus.OriginalValue, closedStatus.CurrentValue):
                    // The loss or retirement that closes the trip is in this same save: say which it was.
                    var closedBy = db.ChangeTracker.Entries<CustodyEvent>().FirstOrDefault(e => e.Entity.Id == trip.ReturnEventId)?.Entity.Kind;
                    var notReturned = closedBy is CustodyEventKind.Lost or CustodyEventKind.Retired ? $"TravelNotReturned_{closedBy}" : "TravelNotReturned";
                    happenings.Add(new(trip.SpecialistId, NotificationKind.TravelNotReturned, name =>
                        NotificationText.Get(notReturned, name, Destination(trip), trip.ApprovalNumber)));
                    break;
                case Flag flag when entry.State == EntityState.Added:
                    happenings.Add(new(flag.SpecialistId, NotificationKind.FlagChanged, name =>
                        NotificationText.Get($"FlagRaised_{flag.Severity}", name, FlagText.Of(flag.Reason))));
                    break;
                case Flag flag when entry.State == EntityState.Modified && entry.Property(nameof(Flag.Status)) is { IsModified: true } status
                                    && !Equals(status.OriginalValue, status.CurrentValue):
                    happenings.Add(new(flag.SpecialistId, NotificationKind.FlagChanged, name =>
                        NotificationText.Get(flag.Status == FlagStatus.Resolved ? "FlagResolved" : "FlagReopened", name, FlagText.Of(flag.Reason))));
                    break;
            }
        }
        if (happenings.Count == 0)
            return;

        var specialistIds = happenings.Select(h => h.SpecialistId).Distinct().ToList();
        var watchers = (from w in db.Watches.AsNoTracking()
                        join u in db.Users.AsNoTracking() on w.UserId equals u.Id
                        where specialistIds.Contains(w.SpecialistId)
                        select new { w.SpecialistId, w.UserId, u.Culture }).ToList()
            // Nobody needs telling what they have just done themselves.
            .Where(w => w.UserId != db.Actor.Id)
            .ToLookup(w => w.SpecialistId, w => (w.UserId, Culture: RecipientCulture.Of(w.Culture, localization.Value)));
        if (watchers.Count == 0)
            return;

        var now = clock.GetUtcNow();
        var sent = new HashSet<(string, Guid, NotificationKind)>();
        foreach (var happening in happenings)
        {
            var recipients = watchers[happening.SpecialistId].ToList();
            if (recipients.Count == 0)
                continue;
            var messages = new Dictionary<string, string>();
            foreach (var (userId, culture) in recipients)
            {
                if (!sent.Add((userId, happening.SpecialistId, happening.Kind)))
                    continue;
                if (!messages.TryGetValue(culture.Name, out var message))
                {
                    using (CultureScope.Use(culture))
                        message = Truncate(happening.Message(SpecialistName(db, happening.SpecialistId)));
                    messages[culture.Name] = message;
                }
                db.Notifications.Add(new Notification
                {
                    UserId = userId, Kind = happening.Kind, SpecialistId = happening.SpecialistId, Message = message, CreatedAt = now,
                });
            }
        }
    }

    // Stored in English; a Chinese reader gets the country's Chinese name.
    private static string Destination(TravelRequest trip) =>
        NotificationText.Get("Destination", trip.DestinationCity, Countries.Display(trip.DestinationCountry));

    private static (Guid From, Guid To)? FirmChanged(EntityEntry entry)
    {
        var firm = entry.Property(nameof(Specialist.FirmId));
        return firm.IsModified ? ((Guid)firm.OriginalValue!, (Guid)firm.CurrentValue!) : null;
    }

    // What the save holds is preferred to what the database holds: the passport or filing may be new in this save.
    private static Guid? SpecialistOfPassport(RegistryDb db, Guid passportId) =>
        db.Passports.Local.FirstOrDefault(p => p.Id == passportId)?.SpecialistId
        ?? db.Passports.IgnoreQueryFilters().AsNoTracking().Where(p => p.Id == passportId).Select(p => (Guid?)p.SpecialistId).FirstOrDefault();

    private static Filing? SubmittedFiling(RegistryDb db, Guid filingId)
    {
        var filing = db.Filings.Local.FirstOrDefault(f => f.Id == filingId)
            ?? db.Filings.IgnoreQueryFilters().AsNoTracking().FirstOrDefault(f => f.Id == filingId);
        return filing is { Status: FilingStatus.Submitted or FilingStatus.Resubmitted } ? filing : null;
    }

    private static string FirmName(RegistryDb db, Guid firmId) =>
        db.Firms.Local.FirstOrDefault(f => f.Id == firmId)?.Name
        ?? db.Firms.IgnoreQueryFilters().AsNoTracking().Where(f => f.Id == firmId).Select(f => f.Name).FirstOrDefault()
        ?? NotificationText.Get("UnknownFirm");

    private static string SpecialistName(RegistryDb db, Guid specialistId) =>
        db.Specialists.Local.FirstOrDefault(s => s.Id == specialistId) is { } local
            ? $"{local.FullName} ({local.LatinName})"
            : db.Specialists.IgnoreQueryFilters().AsNoTracking().Where(s => s.Id == specialistId)
                .Select(s => s.FullName + " (" + s.LatinName + ")").FirstOrDefault() ?? NotificationText.Get("UnknownSpecialist");

    private static string Truncate(string message) => message.Length <= 500 ? message : message[..497] + "…";
}
