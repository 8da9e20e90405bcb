using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SpecialistRegistry.Auth;
using SpecialistRegistry.Domain;
using SpecialistRegistry.Localization;

namespace SpecialistRegistry.Data;

/// <summary>How many full-number disclosures one user may make before the admins are told (<c>Registry:Disclosures</c>).</summary>
public sealed class DisclosureOptions
{
    public const string Section = "Registry:Disclosures";

    /// <summary>Reveals of full passport or national ID numbers by one user in any hour.</summary>
    public int RevealsPerHour { get; set; } = 20;

    /// <summary>Exports (roster or search results) by one user in any day.</summary>
    public int ExportsPerDay { get; set; } = 10;
}

public enum DisclosureKind
{
    Reveal,
    Export,
}

/// <summary>
/// Insider-leak detection. Every reveal of a full number and every export is already an audit entry; the trail is
/// the count. The save that records one more asks here whether it takes the user over the limit of its window,
/// and if so the admins get a notice in the same save — once, at the crossing, so one notice per burst.
/// </summary>
public sealed class DisclosureWatch(IOptions<DisclosureOptions> options, IOptions<RequestLocalizationOptions> localization, TimeProvider clock)
{
    public static readonly string[] RevealActions = ["RevealedPassportNumber", "RevealedNationalId"];
    public static readonly string[] ExportActions = ["RosterExported", "ExportedSearchResults", "FilingExported"];

    /// <summary>Call with the context that records the disclosure, before its save.</summary>
    public async Task NoteAsync(RegistryDb db, DisclosureKind kind, CancellationToken ct)
    {
        var actor = db.Actor;
        if (actor.Id == Actor.System.Id)
            return;
        var (actions, window, limit) = kind == DisclosureKind.Reveal
            ? (RevealActions, TimeSpan.FromHours(1), options.Value.RevealsPerHour)
            : (ExportActions, TimeSpan.FromDays(1), options.Value.ExportsPerDay);
        var now = clock.GetUtcNow();
        var since = now - window;
        var before = await db.AuditEntries.AsNoTracking()
            .CountAsync(a => a.ActorId == actor.Id && a.At >= since && actions.Contains(a.Action), ct);
        if (before != limit) // this one is the first past the limit
            return;
        var admins = await (from ur in db.UserRoles
                            join r in db.Roles on ur.RoleId equals r.Id
                            join u in db.Users on ur.UserId equals u.Id
                            where r.Name == Roles.Admin && !u.IsDisabled
                            select new { u.Id, u.Culture }).ToListAsync(ct);
        foreach (var admin in admins)
        {
            string message;
            using (CultureScope.Use(RecipientCulture.Of(admin.Culture, localization.Value)))
                message = NotificationText.Get(kind == DisclosureKind.Reveal ? "DisclosureTooManyReveals" : "DisclosureTooManyExports", actor.Name, limit + 1);
            db.Notifications.Add(new Notification { UserId = admin.Id, Kind = NotificationKind.DisclosureLimitPassed, Message = message, CreatedAt = now });
        }
        db.RecordAuditEvent("DisclosureLimitPassed", "ApplicationUser", actor.Id, new Dictionary<string, string?>
        {
            ["kind"] = kind.ToString(),
            ["count"] = (limit + 1).ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["window"] = window.ToString(),
        });
    }
}
