using Microsoft.EntityFrameworkCore;
using SpecialistRegistry.Auth;
using SpecialistRegistry.Data;
using SpecialistRegistry.Domain;

namespace SpecialistRegistry.Features.Travel;

/// <summary>
/// Who is told about a travel request, as in-app notifications added to the same save as the change (so a
/// notice exists exactly when the change does, is audited with it, and the bell hears of it after the commit).
/// Watchers of the person are told by the watch interceptor, not here.
/// </summary>
internal static class TravelNotices
{
    /// <summary>Active HR accounts of a firm.</summary>
    public static Task<List<string>> FirmHrAsync(RegistryDb db, Guid firmId, CancellationToken ct) =>
        UsersInRole(db, Roles.FirmHR).Where(u => u.FirmId == firmId).Select(u => u.Id).ToListAsync(ct);

    /// <summary>Active custody officers.</summary>
    public static Task<List<string>> CustodyOfficersAsync(RegistryDb db, CancellationToken ct) =>
        UsersInRole(db, Roles.CustodyOfficer).Select(u => u.Id).ToListAsync(ct);

    /// <summary>The account, if it is still active.</summary>
    public static Task<List<string>> ActiveAsync(RegistryDb db, string userId, CancellationToken ct) =>
        db.Users.Where(u => u.Id == userId && !u.IsDisabled).Select(u => u.Id).ToListAsync(ct);

    /// <summary>Adds one notice per recipient; the person acting is not told what they have just done.</summary>
    public static int Add(RegistryDb db, IEnumerable<string> userIds, NotificationKind kind, Guid specialistId, string message, DateTimeOffset at)
    {
        var text = message.Length <= 500 ? message : message[..497] + "…";
        var added = 0;
        foreach (var userId in userIds.Distinct().Where(id => id != db.Actor.Id))
        {
            db.Notifications.Add(new Notification { UserId = userId, Kind = kind, SpecialistId = specialistId, Message = text, CreatedAt = at });
            added++;
        }
        return added;
    }

    private static IQueryable<ApplicationUser> UsersInRole(RegistryDb db, string role) =>
        from ur in db.UserRoles
        join r in db.Roles on ur.RoleId equals r.Id
        join u in db.Users on ur.UserId equals u.Id
        where r.Name == role && !u.IsDisabled
        select u;
}
