using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using SpecialistRegistry.Domain;

namespace SpecialistRegistry.Data;

/// <summary>
/// The one place that tells watchers about a change: it reads what a save is about to write and adds
/// <see cref="Notification"/> rows for every watcher of the specialists it touches (passport released, employer
/// changed, on a filing, flag changed, travel requested or approved), in the same save (so the
/// notification exists exactly when the change does, and is audited with it). Features never notify watchers by hand.
/// Must run before the audit and publish interceptors, which pick up the rows it adds.
/// </summary>
public sealed class WatchNotificationInterceptor(TimeProvider clock) : SaveChangesInterceptor
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
                        happenings.Add(new(holder, NotificationKind.PassportReleased, name =>
                            $"{name}'s passport was released for travel{(release.Destination is { Length: > 0 } d ? " to " + d : "")}, due back {release.DueBackOn:yyyy-MM-dd}."));
                    break;
                case Specialist specialist when entry.State == EntityState.Modified && FirmChanged(entry) is { } moved && moved.From != moved.To:
                    happenings.Add(new(specialist.Id, NotificationKind.EmployerChanged, name =>
                        $"{name} changed employer: {FirmName(db, moved.From)} → {FirmName(db, moved.To)}."));
                    break;
                case FilingEntry filingEntry when entry.State == EntityState.Added:
                    if (!filings.TryGetValue(filingEntry.FilingId, out var filing))
                        filings[filingEntry.FilingId] = filing = SubmittedFiling(db, filingEntry.FilingId);
                    if (filing is not null)
                        happenings.Add(new(filingEntry.SpecialistId, NotificationKind.AppearedOnFiling, name =>
                            $"{name} appears on {FirmName(db, filing.FirmId)}'s filing for {filing.Period}."));
                    break;
                case TravelRequest trip when entry.State == EntityState.Added:
                    happenings.Add(new(trip.SpecialistId, NotificationKind.TravelRequested, name =>
                        $"Travel was requested for {name}: {trip.Destination}, {trip.DepartureOn:yyyy-MM-dd} to {trip.ReturnOn:yyyy-MM-dd}."));
                    break;
                case TravelRequest trip when entry.State == EntityState.Modified && trip.Status == TravelStatus.Approved
                                             && entry.Property(nameof(TravelRequest.Status)) is { IsModified: true } tripStatus
                                             && !Equals(tripStatus.OriginalValue, tripStatus.CurrentValue):
                    happenings.Add(new(trip.SpecialistId, NotificationKind.TravelApproved, name =>
                        $"Travel of {name} to {trip.Destination} was approved: {trip.ApprovalNumber}, {trip.ApprovedDepartureOn:yyyy-MM-dd} to {trip.ApprovedReturnOn:yyyy-MM-dd}."));
                    break;
                case Flag flag when entry.State == EntityState.Added:
                    happenings.Add(new(flag.SpecialistId, NotificationKind.FlagChanged, name =>
                        $"A {FlagText.Of(flag.Severity).ToLowerInvariant()} flag was raised on {name}: {FlagText.Of(flag.Reason)}."));
                    break;
                case Flag flag when entry.State == EntityState.Modified && entry.Property(nameof(Flag.Status)) is { IsModified: true } status
                                    && !Equals(status.OriginalValue, status.CurrentValue):
                    happenings.Add(new(flag.SpecialistId, NotificationKind.FlagChanged, name =>
                        $"A flag on {name} ({FlagText.Of(flag.Reason)}) was {(flag.Status == FlagStatus.Resolved ? "resolved" : "reopened")}."));
                    break;
            }
        }
        if (happenings.Count == 0)
            return;

        var specialistIds = happenings.Select(h => h.SpecialistId).Distinct().ToList();
        var watchers = db.Watches.AsNoTracking().Where(w => specialistIds.Contains(w.SpecialistId))
            .Select(w => new { w.SpecialistId, w.UserId }).ToList()
            // Nobody needs telling what they have just done themselves.
            .Where(w => w.UserId != db.Actor.Id)
            .ToLookup(w => w.SpecialistId, w => w.UserId);
        if (watchers.Count == 0)
            return;

        var now = clock.GetUtcNow();
        var sent = new HashSet<(string, Guid, NotificationKind)>();
        foreach (var happening in happenings)
        {
            var recipients = watchers[happening.SpecialistId].ToList();
            if (recipients.Count == 0)
                continue;
            var message = Truncate(happening.Message(SpecialistName(db, happening.SpecialistId)));
            foreach (var userId in recipients)
            {
                if (sent.Add((userId, happening.SpecialistId, happening.Kind)))
                    db.Notifications.Add(new Notification
                    {
                        UserId = userId, Kind = happening.Kind, SpecialistId = happening.SpecialistId, Message = message, CreatedAt = now,
                    });
            }
        }
    }

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
        ?? "an unknown firm";

    private static string SpecialistName(RegistryDb db, Guid specialistId) =>
        db.Specialists.Local.FirstOrDefault(s => s.Id == specialistId) is { } local
            ? $"{local.FullName} ({local.LatinName})"
            : db.Specialists.IgnoreQueryFilters().AsNoTracking().Where(s => s.Id == specialistId)
                .Select(s => s.FullName + " (" + s.LatinName + ")").FirstOrDefault() ?? "A specialist";

    private static string Truncate(string message) => message.Length <= 500 ? message : message[..497] + "…";
}
