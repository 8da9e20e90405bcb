using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SpecialistRegistry.Data;
using SpecialistRegistry.Domain;

namespace SpecialistRegistry.Features.Filings;

/// <summary>
/// The reporting calendar's quarters, made automatically: safe with several app nodes, since each quarter's code
/// is unique and the second node's insert fails and is ignored. (The Admin's view and adjustments of the calendar
/// are in Features/Admin.)
/// </summary>
public sealed class FilingCalendar(
    Func<RegistryDb> systemDb, IOptions<FilingOptions> options, TimeProvider clock)
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

    private DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
}
