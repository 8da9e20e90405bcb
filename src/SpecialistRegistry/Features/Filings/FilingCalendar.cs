using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SpecialistRegistry.Auth;
using SpecialistRegistry.Data;
using SpecialistRegistry.Domain;

namespace SpecialistRegistry.Features.Filings;

/// <summary>
/// The reporting calendar: quarters made automatically (safe with several app nodes: each quarter's code is
/// unique, so the second node's insert fails and is ignored), and the Admin's view and adjustments of it.
/// </summary>
public sealed class FilingCalendar(
    IDbContextFactory<RegistryDb> dbFactory, Func<RegistryDb> systemDb, CurrentUser currentUser, IOptions<FilingOptions> options, TimeProvider clock)
{
    public static readonly Actor CalendarActor = new("system:filing-calendar", "Filing calendar");

    /// <summary>
    /// Makes every quarter from the first (configured, else the earliest on file, else today's) to today's that
    /// is missing. Returns how many this call made; another node may have made the rest.
    /// </summary>
    public async Task<int> EnsureQuarterlyPeriodsAsync(CancellationToken ct = default)
    {
        var today = Today;
        var (year, quarter) = await FirstQuarterAsync(today, ct);
        var (lastYear, lastQuarter) = FilingPeriod.QuarterOf(today);
        await using var check = systemDb();
        var existing = (await check.FilingPeriods.IgnoreQueryFilters().AsNoTracking()
            .Where(p => p.Kind == FilingPeriodKind.Quarterly).Select(p => p.Code).ToListAsync(ct)).ToHashSet();

        var made = 0;
        while (year < lastYear || (year == lastYear && quarter <= lastQuarter))
        {
            if (!existing.Contains(FilingPeriod.QuarterCode(year, quarter)) && await TryAddQuarterAsync(year, quarter, ct))
                made++;
            (year, quarter) = quarter == 4 ? (year + 1, 1) : (year, quarter + 1);
        }
        return made;
    }

    private async Task<(int Year, int Quarter)> FirstQuarterAsync(DateOnly today, CancellationToken ct)
    {
        if (FilingPeriod.TryParseQuarter(options.Value.FirstQuarter, out var y, out var q))
            return (y, q);
        await using var db = systemDb();
        var earliest = await db.FilingPeriods.IgnoreQueryFilters().AsNoTracking().Where(p => p.Kind == FilingPeriodKind.Quarterly)
            .OrderBy(p => p.StartsOn).Select(p => (DateOnly?)p.StartsOn).FirstOrDefaultAsync(ct);
        return FilingPeriod.QuarterOf(earliest ?? today);
    }

    private async Task<bool> TryAddQuarterAsync(int year, int quarter, CancellationToken ct)
    {
        await using var db = systemDb();
        db.Actor = CalendarActor;
        var by = new UserRef(CalendarActor.Id, CalendarActor.Name);
        db.FilingPeriods.Add(FilingPeriod.Quarter(year, quarter, options.Value.DueDaysAfterQuarter, by, clock.GetUtcNow()));
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException)
        {
            // Another node made the same quarter a moment ago: the unique code kept one, which is what was wanted.
            await using var again = systemDb();
            var code = FilingPeriod.QuarterCode(year, quarter);
            if (await again.FilingPeriods.IgnoreQueryFilters().AnyAsync(p => p.Code == code, ct))
                return false;
            throw;
        }
    }

    /// <summary>The Admin's calendar, latest due date first, with how many firms owe, filed and were accepted.</summary>
    public async Task<Paged<CalendarRow>> ListAsync(FilingPeriodKind? kind, int page, int pageSize, CancellationToken ct = default)
    {
        RequireAdmin();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var periods = db.FilingPeriods.AsNoTracking();
        if (kind is { } k)
            periods = periods.Where(p => p.Kind == k);
        var total = await periods.CountAsync(ct);
        var size = Math.Clamp(pageSize, 1, 100);
        var shown = periods.OrderByDescending(p => p.DueOn).ThenByDescending(p => p.Code).Skip(Math.Max(0, page) * size).Take(size);
        var obligations = await FilingObligations.LoadAsync(db, shown, ct);
        var firmNames = await db.Firms.AsNoTracking().ToDictionaryAsync(f => f.Id, f => f.Name, ct);
        var rows = (await shown.ToListAsync(ct)).Select(p =>
        {
            var owed = obligations.Where(o => o.Period.Id == p.Id).ToList();
            return new CalendarRow(p.Id, p.Version, p.Code, p.Kind, p.Title, p.Scope, p.Segment,
                p.FirmId is { } f ? firmNames.GetValueOrDefault(f) : null, p.StartsOn, p.EndsOn, p.DueOn, p.DueDateNote, p.CreatedByName,
                owed.Count, owed.Count(o => o.IsFiled), owed.Count(o => o.State == FilingState.Accepted));
        }).ToList();
        return new Paged<CalendarRow>(rows, total);
    }

    /// <summary>The Admin moves a period's due date (with a reason); a stale version is refused.</summary>
    public async Task<FilingOutcome> MoveDueDateAsync(Guid periodId, Guid version, DateOnly? dueOn, string? note, CancellationToken ct = default)
    {
        RequireAdmin();
        if (dueOn is not { } due)
            return FilingOutcome.Error("Enter the new due date.", "DueOn");
        if (string.IsNullOrWhiteSpace(note) || note.Trim().Length > 500)
            return FilingOutcome.Error(string.IsNullOrWhiteSpace(note) ? "Say why the due date changes: firms and regulators see it." : "Keep the note to 500 characters.", "Note");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var period = await db.FilingPeriods.SingleOrDefaultAsync(p => p.Id == periodId, ct);
        if (period is null)
            return new FilingOutcome.NotFound();
        if (period.Version != version)
            return new FilingOutcome.Conflict($"Someone changed this period after you opened it: it is now due on {period.DueOn:yyyy-MM-dd}. Nothing was saved.");
        db.Entry(period).Property(p => p.Version).OriginalValue = version;
        try
        {
            period.MoveDueDate(due, note, Today);
        }
        catch (DomainException e)
        {
            return FilingOutcome.Error(e.Message, "DueOn");
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new FilingOutcome.Conflict("Someone changed this period at the same moment. Nothing was saved; reload the calendar.");
        }
        return new FilingOutcome.Done(period.Id);
    }

    private DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    private void RequireAdmin()
    {
        if (currentUser.Get().Role != Roles.Admin)
            throw new DomainException("Only an administrator can manage the filing calendar.");
    }
}
