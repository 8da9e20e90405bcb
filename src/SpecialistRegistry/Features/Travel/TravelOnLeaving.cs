using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SpecialistRegistry.Data;
using SpecialistRegistry.Domain;

namespace SpecialistRegistry.Features.Travel;

/// <summary>
/// When a person leaves the firm, their travel requests that are still waiting for a decision, and approvals not
/// yet collected for a trip ending on or after the leaving day, are withdrawn with a reason, in the same save as
/// the leaving (so audited with it): nobody can approve them any more, and the custody office cannot release
/// against them. Trips under way stay open until the passport is back.
/// </summary>
public static class TravelOnLeaving
{
    public static async Task<int> WithdrawAsync(RegistryDb db, Guid specialistId, DateOnly leftOn, DateTimeOffset at, CancellationToken ct)
    {
        var trips = await db.TravelRequests
            .Where(t => t.SpecialistId == specialistId
                        && (t.Status == TravelStatus.Pending || t.Status == TravelStatus.InformationRequested
                            || (t.Status == TravelStatus.Approved && t.ApprovedReturnOn >= leftOn)))
            .ToListAsync(ct);
        // In the language of whoever records the leaving, like a reason they would type; the date in one unambiguous form.
        var reason = DomainText.Get("Travel_WithdrawnPersonLeft", leftOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        return trips.Count(t => t.WithdrawBecausePersonLeft(reason, at));
    }
}
