using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using SpecialistRegistry.Localization;
using SpecialistRegistry.Auth;
using SpecialistRegistry.Data;
using SpecialistRegistry.Domain;

namespace SpecialistRegistry.Features.Filings;

/// <summary>
/// Who is told what about filings, as in-app notifications added to the same save as the step they report
/// (so the notice exists exactly when the step does, and is audited with it). Watchers of the people on a
/// submitted filing are told by Data/WatchNotificationInterceptor, like every other watched change. Each notice is
/// composed in its recipient's language (<see cref="RecipientCulture"/>), not in the language of whoever caused it.
/// </summary>
internal static class FilingNotices
{
    public sealed record Recipient(string Id, string? Email, Guid? FirmId, string? Culture);

    /// <summary>Active users in a role; with <paramref name="firmIds"/>, only those of these firms.</summary>
    public static IQueryable<Recipient> UsersInRole(RegistryDb db, string role, IReadOnlyCollection<Guid>? firmIds = null) =>
        from ur in db.UserRoles
        join r in db.Roles on ur.RoleId equals r.Id
        join u in db.Users on ur.UserId equals u.Id
        where r.Name == role && !u.IsDisabled && (firmIds == null || (u.FirmId != null && firmIds.Contains(u.FirmId.Value)))
        select new Recipient(u.Id, u.Email, u.FirmId, u.Culture);

    public static async Task<List<Notification>> AddAsync(RegistryDb db, string role, IReadOnlyCollection<Guid>? firmIds, NotificationKind kind,
        Func<string> compose, RequestLocalizationOptions localization, DateTimeOffset now, CancellationToken ct)
    {
        var added = new List<Notification>();
        foreach (var to in await UsersInRole(db, role, firmIds).ToListAsync(ct))
        {
            // Nobody needs telling what they have just done themselves.
            if (to.Id == db.Actor.Id)
                continue;
            var notice = new Notification { UserId = to.Id, Kind = kind, Message = Fit(In(to, localization, compose)), CreatedAt = now };
            db.Notifications.Add(notice);
            added.Add(notice);
        }
        return added;
    }

    public static string Fit(string message) => message.Length <= 500 ? message : message[..497] + "…";

    /// <summary>The text <paramref name="compose"/> makes, composed in <paramref name="to"/>'s language.</summary>
    public static string In(Recipient to, RequestLocalizationOptions localization, Func<string> compose)
    {
        using var _ = CultureScope.Use(CultureOf(to, localization));
        return compose();
    }

    public static CultureInfo CultureOf(Recipient to, RequestLocalizationOptions localization) => RecipientCulture.Of(to.Culture, localization);

    public static string Counts(IStringLocalizer<FilingsText> t, FilingCounts c) =>
        t[c.Total == 1 ? "NoticeCountsOne" : "NoticeCountsMany", c.Added, c.Changed, c.Removed, c.Unchanged, c.Total];
}
