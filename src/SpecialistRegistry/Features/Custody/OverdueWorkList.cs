using Microsoft.EntityFrameworkCore;
using SpecialistRegistry.Data;
using SpecialistRegistry.Domain;

namespace SpecialistRegistry.Features.Custody;

public enum OverdueSort
{
    DueBack,
    Name,
    Firm,
    Destination,
}

/// <summary>One page of the work list; everything here lives in the page's URL.</summary>
public sealed record OverdueQuery(int WithinDays = 7, OverdueSort Sort = OverdueSort.DueBack, bool Descending = false, int Page = 0, int PageSize = 25);

public sealed record OverdueRow(
    Guid PassportId, Guid SpecialistId, string FullName, string LatinName, string FirmName, string Phone, string Email,
    string FirmContact, string? Destination, string? ApprovalReference, DateOnly DueBackOn, int DaysOverdue, Guid? TravelRequestId = null);

public sealed record OverdueResult(IReadOnlyList<OverdueRow> Rows, int Total, int Overdue);

/// <summary>Released passports that are overdue or due back within N days, with who to call about them.</summary>
public sealed class OverdueWorkList(IDbContextFactory<RegistryDb> dbFactory, TimeProvider clock)
{
    public const int MaxWithinDays = 365;

    public async Task<OverdueResult> QueryAsync(OverdueQuery query, CancellationToken ct = default)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var until = today.AddDays(Math.Clamp(query.WithinDays, 0, MaxWithinDays));
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var due = Due(db, until);
        var total = await due.CountAsync(ct);
        var overdue = await due.CountAsync(p => p.DueBackOn < today, ct);
        var size = Math.Clamp(query.PageSize, 1, 200);
        var rows = await Sort(due, query)
            .Skip(Math.Max(0, query.Page) * size).Take(size)
            .Select(p => new
            {
                p.Id, p.SpecialistId, p.Specialist!.FullName, p.Specialist.LatinName, Firm = p.Specialist.Firm!.Name,
                p.Specialist.Phone, p.Specialist.Email, p.Specialist.Firm.ContactName, p.Specialist.Firm.ContactPhone,
                Release = db.CustodyEvents.Where(e => e.PassportId == p.Id && e.Kind == CustodyEventKind.Release)
                    .OrderByDescending(e => e.OccurredAt).Select(e => new { e.Destination, e.ApprovalReference, e.TravelRequestId }).FirstOrDefault(),
                DueBackOn = p.DueBackOn!.Value,
            })
            .ToListAsync(ct);
        return new OverdueResult(rows.Select(r => new OverdueRow(r.Id, r.SpecialistId, r.FullName, r.LatinName, r.Firm, r.Phone, r.Email,
            $"{r.ContactName} {r.ContactPhone}".Trim(), r.Release?.Destination, r.Release?.ApprovalReference, r.DueBackOn,
            Math.Max(0, today.DayNumber - r.DueBackOn.DayNumber), r.Release?.TravelRequestId)).ToList(), total, overdue);
    }

    /// <summary>Released passports due back on or before <paramref name="until"/> (overdue ones included).</summary>
    internal static IQueryable<Passport> Due(RegistryDb db, DateOnly until) =>
        db.Passports.AsNoTracking().Where(p => p.CustodyStatus == CustodyStatus.Released && p.DueBackOn <= until);

    private static IQueryable<Passport> Sort(IQueryable<Passport> q, OverdueQuery query) => (query.Sort, query.Descending) switch
    {
        (OverdueSort.Name, false) => q.OrderBy(p => p.Specialist!.LatinName).ThenBy(p => p.Id),
        (OverdueSort.Name, true) => q.OrderByDescending(p => p.Specialist!.LatinName).ThenBy(p => p.Id),
        (OverdueSort.Firm, false) => q.OrderBy(p => p.Specialist!.Firm!.Name).ThenBy(p => p.DueBackOn).ThenBy(p => p.Id),
        (OverdueSort.Firm, true) => q.OrderByDescending(p => p.Specialist!.Firm!.Name).ThenBy(p => p.DueBackOn).ThenBy(p => p.Id),
        (OverdueSort.Destination, false) => q.OrderBy(p => p.CustodyEvents.Where(e => e.Kind == CustodyEventKind.Release).OrderByDescending(e => e.OccurredAt).Select(e => e.Destination).FirstOrDefault()).ThenBy(p => p.Id),
        (OverdueSort.Destination, true) => q.OrderByDescending(p => p.CustodyEvents.Where(e => e.Kind == CustodyEventKind.Release).OrderByDescending(e => e.OccurredAt).Select(e => e.Destination).FirstOrDefault()).ThenBy(p => p.Id),
        (_, true) => q.OrderByDescending(p => p.DueBackOn).ThenBy(p => p.Id),
        _ => q.OrderBy(p => p.DueBackOn).ThenBy(p => p.Id),
    };
}
