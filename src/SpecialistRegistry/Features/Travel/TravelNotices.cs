using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SpecialistRegistry.Auth;
using SpecialistRegistry.Data;
using SpecialistRegistry.Domain;
using SpecialistRegistry.Localization;

namespace SpecialistRegistry.Features.Travel;

/// <summary>
/// Who is told about a travel request, as in-app notifications added to the same save as the change (so a
/// notice exists exactly when the change does, is audited with it, and the bell hears of it after the commit).
/// Watchers of the person are told by the watch interceptor, not here. Each notice is written in its recipient's
/// language (<see cref="RecipientCulture"/>): the text is composed once per language, inside a <see cref="CultureScope"/>.
/// </summary>
internal static class TravelNotices
{
    /// <summary>Who is told, with the language on their account (null: the portal's default).</summary>
    public sealed record Recipient(string Id, string? Culture);

    /// <summary>Active HR accounts of a firm.</summary>
    public static Task<List<Recipient>> FirmHrAsync(RegistryDb db, Guid firmId, CancellationToken ct) =>
        UsersInRole(db, Roles.FirmHR).Where(u => u.FirmId == firmId).Select(u => new Recipient(u.Id, u.Culture)).ToListAsync(ct);

    /// <summary>Active custody officers.</summary>
    public static Task<List<Recipient>> CustodyOfficersAsync(RegistryDb db, CancellationToken ct) =>
        UsersInRole(db, Roles.CustodyOfficer).Select(u => new Recipient(u.Id, u.Culture)).ToListAsync(ct);

    /// <summary>The account, if it is still active.</summary>
    public static Task<List<Recipient>> ActiveAsync(RegistryDb db, string userId, CancellationToken ct) =>
        db.Users.Where(u => u.Id == userId && !u.IsDisabled).Select(u => new Recipient(u.Id, u.Culture)).ToListAsync(ct);

    /// <summary>
    /// Adds one notice per recipient, <paramref name="message"/> composed in each one's language; the person acting
    /// is not told what they have just done.
    /// </summary>
    public static int Add(RegistryDb db, IEnumerable<Recipient> to, NotificationKind kind, Guid specialistId, Func<string> message,
        DateTimeOffset at, RequestLocalizationOptions localization)
    {
        var texts = new Dictionary<CultureInfo, string>();
        var added = 0;
        foreach (var recipient in to.DistinctBy(r => r.Id).Where(r => r.Id != db.Actor.Id))
        {
            var culture = RecipientCulture.Of(recipient.Culture, localization);
            if (!texts.TryGetValue(culture, out var text))
            {
                using (CultureScope.Use(culture))
                    text = message();
                texts[culture] = text = text.Length <= 500 ? text : text[..497] + "…";
            }
            db.Notifications.Add(new Notification { UserId = recipient.Id, Kind = kind, SpecialistId = specialistId, Message = text, CreatedAt = at });
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
