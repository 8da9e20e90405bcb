using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SpecialistRegistry.Auth;
using SpecialistRegistry.Data;
using SpecialistRegistry.Domain;
using SpecialistRegistry.Features.Filings;

namespace SpecialistRegistry.Features.Admin;

/// <summary>A period on the Admin's calendar, with how many firms owe it, filed it and were accepted.</summary>
public sealed record CalendarRow(
    Guid Id, Guid Version, string Code, FilingPeriodKind Kind, string Title, string? Reason, DemandScope Scope, IndustrySegment? Segment, string? FirmName,
    DateOnly StartsOn, DateOnly EndsOn, DateOnly DueOn, string? DueDateNote, string CreatedByName, int Firms, int Filed, int Accepted);

/// <summary>How quarters are generated ("Registry:Filings"), shown on the calendar page.</summary>
public sealed record CalendarSettings(int DueDaysAfterQuarter, string? FirstQuarter, int DueSoonDays, int DailyRunHourUtc);

/// <summary>
/// The Admin's filing calendar: every reporting period (quarters and demands) with how the firms stand, and
/// moving a period's due date with a reason. Quarters themselves are made by the filings feature's daily job.
/// </summary>
public sealed class FilingCalendarAdminService(IDbContextFactory<RegistryDb> dbFactory, CurrentUser currentUser,
    IOptions<FilingOptions> options, TimeProvider clock)
{
    public CalendarSettings Settings() =>
        new(options.Value.DueDaysAfterQuarter, options.Value.FirstQuarter, options.Value.DueSoonDays, options.Value.DailyRunHourUtc);

    public async Task<GridPage<CalendarRow>> ListAsync(FilingPeriodKind? kind, PageRequest page, CancellationToken ct = default)
    {
        RequireAdmin();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var periods = db.FilingPeriods.AsNoTracking();
        if (kind is { } k)
            periods = periods.Where(p => p.Kind == k);
        var total = await periods.CountAsync(ct);
        var shown = periods.OrderByDescending(p => p.DueOn).ThenByDescending(p => p.Code).Skip(page.Skip).Take(page.Take);
        var obligations = await FilingObligations.LoadAsync(db, shown, ct);
        var firmNames = await db.Firms.AsNoTracking().ToDictionaryAsync(f => f.Id, f => f.Name, ct);
        var rows = (await shown.ToListAsync(ct)).Select(p =>
        {
            var owed = obligations.Where(o => o.Period.Id == p.Id).ToList();
            return new CalendarRow(p.Id, p.Version, p.Code, p.Kind, p.Title, p.Reason, p.Scope, p.Segment,
                p.FirmId is { } f ? firmNames.GetValueOrDefault(f) : null, p.StartsOn, p.EndsOn, p.DueOn, p.DueDateNote, p.CreatedByName,
                owed.Count, owed.Count(o => o.IsFiled), owed.Count(o => o.State == FilingState.Accepted));
        }).ToList();
        return new GridPage<CalendarRow>(rows, total);
    }

    /// <summary>Moves a period's due date, saying why; a stale version is refused and nothing is saved.</summary>
    public async Task<AdminResult<Done>> MoveDueDateAsync(Guid periodId, Guid version, DateOnly? dueOn, string? note, CancellationToken ct = default)
    {
        RequireAdmin();
        if (dueOn is not { } due)
            return AdminResult<Done>.Fail(AdminText.Say("Calendar_DueRequired"), "DueOn");
        if (string.IsNullOrWhiteSpace(note) || note.Trim().Length > 500)
            return AdminResult<Done>.Fail(string.IsNullOrWhiteSpace(note) ? DomainText.Get("DueDate_NoteRequired") : DomainText.Get("DueDate_NoteTooLong", 500), "Note");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var period = await db.FilingPeriods.SingleOrDefaultAsync(p => p.Id == periodId, ct);
        if (period is null)
            return AdminResult<Done>.Fail(AdminText.Say("Calendar_PeriodGone"));
        if (period.Version != version)
            return AdminResult<Done>.Fail(AdminText.Say("Calendar_Stale", period.DueOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)));
        db.Entry(period).Property(p => p.Version).OriginalValue = version;
        try
        {
            period.MoveDueDate(due, note, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
        }
        catch (DomainException e)
        {
            return AdminResult<Done>.Fail(e.Message, "DueOn");
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return AdminResult<Done>.Fail(AdminText.Say("Calendar_Race"));
        }
        return AdminResult<Done>.Ok(default);
    }

    private void RequireAdmin()
    {
        if (currentUser.Get().Role != Roles.Admin)
            throw new DomainException(AdminText.Say("Calendar_OnlyAdmin"));
    }
}
