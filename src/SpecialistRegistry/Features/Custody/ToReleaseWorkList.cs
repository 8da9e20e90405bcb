using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SpecialistRegistry.Data;
using SpecialistRegistry.Domain;

namespace SpecialistRegistry.Features.Custody;

/// <summary>One page of the to-release list; everything here lives in the page's URL.</summary>
public sealed record ToReleaseQuery(int WithinDays = 7, int Page = 0, int PageSize = 25);

public sealed record ToReleaseRow(
    Guid TravelRequestId, string ApprovalNumber, Guid PassportId, Guid SpecialistId, string FullName, string LatinName,
    string FirmName, string Destination, DateOnly ApprovedDepartureOn, DateOnly ApprovedReturnOn, DateOnly DueBackOn,
    DateOnly ReleasableFrom, string? Conditions, int DaysToDeparture);

public sealed record ToReleaseResult(IReadOnlyList<ToReleaseRow> Rows, int Total);

/// <summary>
/// Approved trips departing within N days (or already departed but still collectable) whose holder's passport
/// is in the office's care, soonest first, so the office can have them ready.
/// </summary>
public sealed class ToReleaseWorkList(IDbContextFactory<RegistryDb> dbFactory, TimeProvider clock, IOptions<TravelRules> rules)
{
    public const int MaxWithinDays = 90;

    public async Task<ToReleaseResult> QueryAsync(ToReleaseQuery query, CancellationToken ct = default)
    {
        var r = rules.Value;
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var until = today.AddDays(Math.Clamp(query.WithinDays, 0, MaxWithinDays));
        var departedSince = today.AddDays(-Math.Max(0, r.ExpireAfterDays));
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var due = from t in db.TravelRequests.AsNoTracking()
                  where t.Status == TravelStatus.Approved && t.ApprovedDepartureOn <= until
                        && t.ApprovedDepartureOn >= departedSince && t.ApprovedReturnOn >= today
                  join p in db.Passports.AsNoTracking() on t.SpecialistId equals p.SpecialistId
                  where p.IsCurrent && p.CustodyStatus == CustodyStatus.Held
                  select new { Trip = t, PassportId = p.Id };
        var total = await due.CountAsync(ct);
        var size = Math.Clamp(query.PageSize, 1, 200);
        var rows = await due.OrderBy(x => x.Trip.ApprovedDepartureOn).ThenBy(x => x.Trip.Id)
            .Skip(Math.Max(0, query.Page) * size).Take(size)
            .Select(x => new
            {
                x.Trip.Id, x.Trip.ApprovalNumber, x.PassportId, x.Trip.SpecialistId, x.Trip.Specialist!.FullName, x.Trip.Specialist.LatinName,
                Firm = x.Trip.Specialist.Firm!.Name, x.Trip.DestinationCity, x.Trip.DestinationCountry,
                Departure = x.Trip.ApprovedDepartureOn!.Value, Return = x.Trip.ApprovedReturnOn!.Value, x.Trip.Conditions,
            })
            .ToListAsync(ct);
        var grace = Math.Max(0, r.GraceDays);
        var lead = Math.Max(0, r.ReleaseLeadDays);
        return new ToReleaseResult(rows.Select(x => new ToReleaseRow(x.Id, x.ApprovalNumber!, x.PassportId, x.SpecialistId, x.FullName, x.LatinName,
            x.Firm, $"{x.DestinationCity}, {x.DestinationCountry}", x.Departure, x.Return, x.Return.AddDays(grace), x.Departure.AddDays(-lead),
            x.Conditions, x.Departure.DayNumber - today.DayNumber)).ToList(), total);
    }
}
