using Microsoft.EntityFrameworkCore;
using SpecialistRegistry.Auth;
using SpecialistRegistry.Data;
using SpecialistRegistry.Domain;

namespace SpecialistRegistry.Features.Filings;

/// <summary>
/// Who is told what about filings, as in-app notifications added to the same save as the step they report
/// (so the notice exists exactly when the step does, and is audited with it). Watchers of the people on a
/// submitted filing are told by Data/WatchNotificationInterceptor, like every other watched change.
/// </summary>
internal static class FilingNotices
{
    public sealed record Recipient(string Id, string? Email, Guid? FirmId);

    /// <summary>Active users in a role; with <paramref name="firmIds"/>, only those of these firms.</summary>
    public static IQueryable<Recipient> UsersInRole(RegistryDb db, string role, IReadOnlyCollection<Guid>? firmIds = null) =>
        from ur in db.UserRoles
        join r in db.Roles on ur.RoleId equals r.Id
        join u in db.Users on ur.UserId equals u.Id
        where r.Name == role && !u.IsDisabled && (firmIds == null || (u.FirmId != null && firmIds.Contains(u.FirmId.Value)))
        select new Recipient(u.Id, u.Email, u.FirmId);

    public static async Task<List<Notification>> AddAsync(RegistryDb db, string role, IReadOnlyCollection<Guid>? firmIds, NotificationKind kind,
        string message, DateTimeOffset now, CancellationToken ct)
    {
        var added = new List<Notification>();
        foreach (var to in await UsersInRole(db, role, firmIds).ToListAsync(ct))
        {
            // Nobody needs telling what they have just done themselves.
            if (to.Id == db.Actor.Id)
                continue;
            var notice = new Notification { UserId = to.Id, Kind = kind, Message = Fit(message), CreatedAt = now };
            db.Notifications.Add(notice);
            added.Add(notice);
        }
        return added;
    }

    public static string Fit(string message) => message.Length <= 500 ? message : message[..497] + "…";

    public static string Counts(FilingCounts c) =>
        $"{c.Total} {(c.Total == 1 ? "person" : "people")}: {c.Added} added, {c.Changed} changed, {c.Removed} removed, {c.Unchanged} unchanged";
}
