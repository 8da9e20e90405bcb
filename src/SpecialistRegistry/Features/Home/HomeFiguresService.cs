using Microsoft.EntityFrameworkCore;
using SpecialistRegistry.Auth;
using SpecialistRegistry.Data;
using SpecialistRegistry.Domain;
using SpecialistRegistry.Features.Custody;

namespace SpecialistRegistry.Features.Home;

public sealed record CustodyCounts(int Held, int Released, int Overdue, int NotHeld);

/// <summary>
/// The firm's next filing: the earliest-due period that needs its action (not started, draft, returned), or when
/// none does, its latest period and where that stands.
/// </summary>
public sealed record NextFiling(Guid PeriodId, string Title, string Code, DateOnly DueOn, FilingState State, bool NeedsAction, bool Overdue,
    int DaysUntilDue, int PeriodsNeedingAction);

public sealed record FirmHrFigures(string FirmName, int CurrentSpecialists, int LeftSpecialists, CustodyCounts Custody, NextFiling? NextFiling);

public sealed record RegulatorFigures(int Firms, int CurrentSpecialists, int OpenFlags, int FilingsAwaitingReview, CustodyCounts Custody,
    IReadOnlyList<PeriodCompliance> FilingCompliance);

/// <summary>Travel requests by where they wait: on the regulator, on the firm's answer, on the passport's collection.</summary>
public sealed record TravelHomeFigures(int AwaitingDecision, int AwaitingAnswer, int ApprovedNotCollected);

public sealed record AdminFigures(int Firms, int Users, int DisabledUsers, IReadOnlyDictionary<string, int> UsersByRole);

/// <summary>The figures on each role's home page. Firm HR's are narrowed to their firm by the context's firm scope.</summary>
public sealed class HomeFiguresService(IDbContextFactory<RegistryDb> dbFactory, TimeProvider clock)
{
    public async Task<FirmHrFigures> ForFirmHrAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var firmName = await db.Firms.Select(f => f.Name).FirstOrDefaultAsync(ct) ?? "(no firm)";
        var current = await db.Specialists.CountAsync(s => s.Status == EmploymentStatus.Current, ct);
        var left = await db.Specialists.CountAsync(s => s.Status == EmploymentStatus.Left, ct);
        return new FirmHrFigures(firmName, current, left, await CustodyAsync(db, ct), await NextFilingAsync(db, ct));
    }

    public async Task<RegulatorFigures> ForRegulatorAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return new RegulatorFigures(
            await db.Firms.CountAsync(ct),
            await db.Specialists.CountAsync(s => s.Status == EmploymentStatus.Current, ct),
            await db.Flags.CountAsync(f => f.Status == FlagStatus.Open, ct),
            await db.Filings.CountAsync(f => f.Status == FilingStatus.Submitted || f.Status == FilingStatus.Resubmitted, ct),
            await CustodyAsync(db, ct),
            FilingObligations.Summarize(await FilingObligations.LoadAsync(db, FilingObligations.Recent(db, RecentPeriods), ct), Today));
    }

    /// <summary>How many periods the regulator's home page shows, latest due date first.</summary>
    public const int RecentPeriods = 4;

    private DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    private async Task<NextFiling?> NextFilingAsync(RegistryDb db, CancellationToken ct)
    {
        var today = Today;
        // The context's firm scope leaves this firm's periods and only this firm.
        var mine = await FilingObligations.LoadAsync(db, db.FilingPeriods, ct);
        var open = mine.Where(o => o.State is FilingState.NotStarted or FilingState.Draft or FilingState.Returned)
            .OrderBy(o => o.Period.DueOn).ThenBy(o => o.Period.Code, StringComparer.Ordinal).ToList();
        var shown = open.FirstOrDefault() ?? mine.MaxBy(o => o.Period.DueOn);
        return shown is null ? null : new NextFiling(shown.Period.Id, shown.Period.Title, shown.Period.Code, shown.Period.DueOn, shown.State,
            open.Count > 0, shown.IsOverdue(today), shown.DaysUntilDue(today), open.Count);
    }

    public async Task<CustodyCounts> ForCustodyOfficerAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await CustodyAsync(db, ct);
    }

    /// <summary>For Firm HR narrowed to their firm by the context; regulators and custody officers see all firms.</summary>
    public async Task<TravelHomeFigures> ForTravelAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var byStatus = await db.TravelRequests
            .Where(t => t.Status == TravelStatus.Pending || t.Status == TravelStatus.InformationRequested || t.Status == TravelStatus.Approved)
            .GroupBy(t => t.Status).Select(g => new { Status = g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Status, x => x.Count, ct);
        return new TravelHomeFigures(byStatus.GetValueOrDefault(TravelStatus.Pending), byStatus.GetValueOrDefault(TravelStatus.InformationRequested),
            byStatus.GetValueOrDefault(TravelStatus.Approved));
    }

    public async Task<AdminFigures> ForAdminAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var byRole = await (from ur in db.UserRoles
                            join r in db.Roles on ur.RoleId equals r.Id
                            group ur by r.Name into g
                            select new { Role = g.Key!, Count = g.Count() }).ToDictionaryAsync(x => x.Role, x => x.Count, ct);
        return new AdminFigures(
            await db.Firms.CountAsync(ct),
            await db.Users.CountAsync(ct),
            await db.Users.CountAsync(u => u.IsDisabled, ct),
            byRole);
    }

    /// <summary>Custody status of the current passport of every current specialist in view; overdue by <see cref="OverduePassports"/>.</summary>
    private async Task<CustodyCounts> CustodyAsync(RegistryDb db, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var passports = db.Passports.Where(p => p.IsCurrent && p.Specialist!.Status == EmploymentStatus.Current);
        var byStatus = await passports.GroupBy(p => p.CustodyStatus)
            .Select(g => new { Status = g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Status, x => x.Count, ct);
        // Overdue as everywhere else (leavers' passports still out included), not only current staff's.
        var overdue = await OverduePassports.Among(db.Passports, today).CountAsync(ct);
        var withPassport = await passports.Select(p => p.SpecialistId).Distinct().CountAsync(ct);
        var currentSpecialists = await db.Specialists.CountAsync(s => s.Status == EmploymentStatus.Current, ct);
        return new CustodyCounts(
            byStatus.GetValueOrDefault(CustodyStatus.Held),
            byStatus.GetValueOrDefault(CustodyStatus.Released),
            overdue,
            byStatus.GetValueOrDefault(CustodyStatus.NotHeld) + (currentSpecialists - withPassport));
    }
}
