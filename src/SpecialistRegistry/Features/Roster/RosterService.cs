using Microsoft.EntityFrameworkCore;
using SpecialistRegistry.Data;
using SpecialistRegistry.Domain;

namespace SpecialistRegistry.Features.Roster;

public enum RosterSort
{
    Name,
    LatinName,
    EmployeeNumber,
    Position,
    UpdatedAt,
}

/// <summary>One page of the roster grid. Everything here lives in the page's URL.</summary>
public sealed record RosterQuery(
    string? Search = null,
    EmploymentStatus? Status = EmploymentStatus.Current,
    RosterSort Sort = RosterSort.Name,
    bool Descending = false,
    int Page = 0,
    int PageSize = 25,
    /// <summary>Only people whose current passport is in this custody state.</summary>
    CustodyStatus? Custody = null,
    /// <summary>Only people with expertise in this area, at any level.</summary>
    ExpertiseArea? Expertise = null,
    /// <summary>Only people whose highest degree is this one (the grid's "Highest degree" column).</summary>
    Degree? Degree = null);

public sealed record RosterRow(
    Guid Id,
    string EmployeeNumber,
    string FullName,
    string LatinName,
    string Position,
    ExpertiseArea? MainExpertise,
    Degree? HighestDegree,
    CustodyStatus? Custody,
    DateOnly? DueBackOn,
    EmploymentStatus Status,
    DateTimeOffset UpdatedAt);

public sealed record RosterResult(IReadOnlyList<RosterRow> Rows, int Total);

/// <summary>
/// The Firm HR roster: server-side paging, sorting and filtering. The firm is never a parameter — the
/// context's firm scope narrows every query to the signed-in user's firm.
/// </summary>
public sealed class RosterService(IDbContextFactory<RegistryDb> dbFactory)
{
    public const int MaxPageSize = 200;

    public async Task<RosterResult> QueryAsync(RosterQuery query, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var specialists = Filter(db.Specialists.AsNoTracking(), query);
        var total = await specialists.CountAsync(ct);
        var rows = await Sort(specialists, query)
            .Skip(Math.Max(0, query.Page) * PageSize(query))
            .Take(PageSize(query))
            .Select(s => new RosterRow(
                s.Id, s.EmployeeNumber, s.FullName, s.LatinName, s.Position,
                s.Expertise.OrderByDescending(e => e.Level).ThenByDescending(e => e.Years).Select(e => (ExpertiseArea?)e.Area).FirstOrDefault(),
                s.Education.OrderByDescending(e => e.Degree).Select(e => (Degree?)e.Degree).FirstOrDefault(),
                s.Passports.Where(p => p.IsCurrent).Select(p => (CustodyStatus?)p.CustodyStatus).FirstOrDefault(),
                s.Passports.Where(p => p.IsCurrent).Select(p => p.DueBackOn).FirstOrDefault(),
                s.Status,
                s.UpdatedAt))
            .ToListAsync(ct);
        return new RosterResult(rows, total);
    }

    private static int PageSize(RosterQuery q) => Math.Clamp(q.PageSize, 1, MaxPageSize);

    private static IQueryable<Specialist> Filter(IQueryable<Specialist> specialists, RosterQuery q)
    {
        if (q.Status is { } status)
            specialists = specialists.Where(s => s.Status == status);
        if (q.Custody is { } custody)
            specialists = specialists.Where(s => s.Passports.Any(p => p.IsCurrent && p.CustodyStatus == custody));
        if (q.Expertise is { } area)
            specialists = specialists.Where(s => s.Expertise.Any(e => e.Area == area));
        if (q.Degree is { } degree)
            specialists = specialists.Where(s => s.Education.Any(e => e.Degree == degree) && !s.Education.Any(e => e.Degree > degree));
        if (q.Search?.Trim() is { Length: > 0 } term)
        {
            // Lower() on both sides: case-insensitive on SQLite and PostgreSQL alike; Contains is
            // translated without LIKE wildcards, so "%" or "_" in the box are taken literally.
            var lowered = term.ToLowerInvariant();
            specialists = specialists.Where(s =>
                s.FullName.Contains(term)
                || s.LatinName.ToLower().Contains(lowered)
                || s.EmployeeNumber.ToLower().Contains(lowered));
        }
        return specialists;
    }

    private static IQueryable<Specialist> Sort(IQueryable<Specialist> s, RosterQuery q) => (q.Sort, q.Descending) switch
    {
        (RosterSort.LatinName, false) => s.OrderBy(x => x.LatinName).ThenBy(x => x.Id),
        (RosterSort.LatinName, true) => s.OrderByDescending(x => x.LatinName).ThenBy(x => x.Id),
        (RosterSort.EmployeeNumber, false) => s.OrderBy(x => x.EmployeeNumber),
        (RosterSort.EmployeeNumber, true) => s.OrderByDescending(x => x.EmployeeNumber),
        (RosterSort.Position, false) => s.OrderBy(x => x.Position).ThenBy(x => x.Id),
        (RosterSort.Position, true) => s.OrderByDescending(x => x.Position).ThenBy(x => x.Id),
        (RosterSort.UpdatedAt, false) => s.OrderBy(x => x.UpdatedAt).ThenBy(x => x.Id),
        (RosterSort.UpdatedAt, true) => s.OrderByDescending(x => x.UpdatedAt).ThenBy(x => x.Id),
        (_, true) => s.OrderByDescending(x => x.FullName).ThenBy(x => x.Id),
        _ => s.OrderBy(x => x.FullName).ThenBy(x => x.Id),
    };
}
