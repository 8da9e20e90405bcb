using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Microsoft.EntityFrameworkCore;
using SpecialistRegistry.Auth;
using SpecialistRegistry.Components.Shared;
using SpecialistRegistry.Data;
using SpecialistRegistry.Domain;

namespace SpecialistRegistry.Features.Filings;

public sealed record PeriodChoice(Guid Id, string Code, string Title, FilingPeriodKind Kind, DateOnly DueOn);

/// <summary>
/// The regulator's side: the review queue, the firms that have not filed, remarks on entries, the decision,
/// and demands for ad-hoc filings. A decision carries the filing's Version: of two regulators deciding at
/// once exactly one decision stands, and the other is told whose it was.
/// </summary>
public sealed class FilingReviewService(IDbContextFactory<RegistryDb> dbFactory, CurrentUser currentUser, TimeProvider clock,
    IStringLocalizer<FilingsText> t, IOptions<RequestLocalizationOptions> localization)
{
    public const int MaxPageSize = 100;

    public async Task<Paged<QueueRow>> QueueAsync(QueueQuery query, CancellationToken ct = default)
    {
        RequireRegulator();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var filings = db.Filings.AsNoTracking().Where(f => f.Status == FilingStatus.Submitted || f.Status == FilingStatus.Resubmitted);
        if (query.Segment is { } segment)
            filings = filings.Where(f => f.Firm!.Segment == segment);
        if (query.PeriodId is { } periodId)
            filings = filings.Where(f => f.PeriodId == periodId);
        if (query.ResubmissionsOnly)
            filings = filings.Where(f => f.ResubmissionOfId != null);
        if (query.Text?.Trim() is { Length: > 0 } text)
        {
            var lowered = (text.Length > 100 ? text[..100] : text).ToLowerInvariant();
            filings = filings.Where(f => f.Firm!.Name.ToLower().Contains(lowered) || f.Number!.ToLower().Contains(lowered));
        }
        var total = await filings.CountAsync(ct);
        var size = Math.Clamp(query.PageSize, 1, MaxPageSize);
        var today = Today;
        var rows = await filings.OrderBy(f => f.SubmittedAt).ThenBy(f => f.Id).Skip(Math.Max(0, query.Page) * size).Take(size)
            .Select(f => new
            {
                f.Id, f.Number, f.FirmId, Firm = f.Firm!.Name, f.Firm.Segment, f.Period, f.ReportingPeriod!.Title, f.ReportingPeriod.DueOn,
                f.SubmittedAt, f.ResubmissionOfId, f.AddedCount, f.ChangedCount, f.RemovedCount, f.UnchangedCount,
            })
            .ToListAsync(ct);
        return new Paged<QueueRow>(rows.Select(r => new QueueRow(r.Id, r.Number ?? "", r.FirmId, r.Firm, r.Segment, r.Period, r.Title, r.DueOn,
            r.SubmittedAt!.Value, r.ResubmissionOfId is not null, r.AddedCount, r.ChangedCount, r.RemovedCount, r.UnchangedCount,
            Math.Max(0, today.DayNumber - DateOnly.FromDateTime(r.SubmittedAt.Value.UtcDateTime).DayNumber))).ToList(), total);
    }

    /// <summary>Firms with nothing submitted for a period that is overdue or due within the window, most overdue first.</summary>
    public async Task<Paged<NotFiledRow>> NotFiledAsync(NotFiledQuery query, CancellationToken ct = default)
    {
        RequireRegulator();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var today = Today;
        var horizon = today.AddDays(Math.Clamp(query.WithinDays, 0, 366));
        var periods = db.FilingPeriods.Where(p => p.DueOn <= horizon);
        if (query.PeriodId is { } periodId)
            periods = periods.Where(p => p.Id == periodId);
        var open = (await FilingObligations.LoadAsync(db, periods, ct))
            .Where(o => o.IsOpen && (query.Segment is null || o.Segment == query.Segment))
            .OrderBy(o => o.Period.DueOn).ThenBy(o => o.FirmName, StringComparer.Ordinal).ThenBy(o => o.Period.Code, StringComparer.Ordinal)
            .ToList();
        var size = Math.Clamp(query.PageSize, 1, MaxPageSize);
        var rows = open.Skip(Math.Max(0, query.Page) * size).Take(size)
            .Select(o => new NotFiledRow(o.FirmId, o.FirmName, o.Segment, o.ContactName, o.ContactPhone, o.ContactEmail, o.Period.Id, o.Period.Code,
                o.Period.Title, o.Period.DueOn, o.State, o.DaysUntilDue(today), o.Period.Kind))
            .ToList();
        return new Paged<NotFiledRow>(rows, open.Count);
    }

    /// <summary>Every period, latest due date first, for the filters.</summary>
    public async Task<IReadOnlyList<PeriodChoice>> PeriodsAsync(CancellationToken ct = default)
    {
        RequireRegulator();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.FilingPeriods.AsNoTracking().OrderByDescending(p => p.DueOn).ThenBy(p => p.Code)
            .Select(p => new PeriodChoice(p.Id, p.Code, p.Title, p.Kind, p.DueOn)).ToListAsync(ct);
    }

    public async Task<IReadOnlyList<(Guid Id, string Name)>> FirmsAsync(CancellationToken ct = default)
    {
        RequireRegulator();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return (await db.Firms.AsNoTracking().OrderBy(f => f.Name).Select(f => new { f.Id, f.Name }).ToListAsync(ct)).Select(f => (f.Id, f.Name)).ToList();
    }

    public Task<FilingOutcome> AcceptAsync(Guid filingId, Guid version, CancellationToken ct = default) =>
        DecideAsync(filingId, version, null, ct);

    public Task<FilingOutcome> ReturnAsync(Guid filingId, Guid version, string? comment, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(comment))
            return Task.FromResult<FilingOutcome>(FilingOutcome.Error(DomainText.Get("Filing_ReturnCommentRequired"), "Comment"));
        if (comment.Trim().Length > Filing.MaxCommentLength)
            return Task.FromResult<FilingOutcome>(FilingOutcome.Error(DomainText.Get("Filing_CommentTooLong", Filing.MaxCommentLength), "Comment"));
        return DecideAsync(filingId, version, comment, ct);
    }

    private async Task<FilingOutcome> DecideAsync(Guid filingId, Guid version, string? returnComment, CancellationToken ct)
    {
        var by = RequireRegulator();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var filing = await db.Filings.Include(f => f.Firm).SingleOrDefaultAsync(f => f.Id == filingId, ct);
        if (filing is null || filing.Status == FilingStatus.Draft)
            return new FilingOutcome.NotFound();
        if (!filing.IsAwaitingReview || filing.Version != version)
            return Decided(filing);
        db.Entry(filing).Property(f => f.Version).OriginalValue = version;
        var now = clock.GetUtcNow();
        try
        {
            if (returnComment is null)
                filing.Accept(by, now);
            else
                filing.Return(returnComment, by, now);
        }
        catch (DomainException e)
        {
            return FilingOutcome.Error(e.Message);
        }
        var remarks = await db.FilingRemarks.CountAsync(r => r.FilingId == filingId, ct);
        string Message() => filing.Status == FilingStatus.Accepted
            ? t["NoticeAccepted", filing.Number ?? "", filing.Period]
            : t[remarks switch { 0 => "NoticeReturned", 1 => "NoticeReturnedOneRemark", _ => "NoticeReturnedRemarks" }, filing.Number ?? "", filing.Period, filing.ReviewComment ?? "", remarks];
        await FilingNotices.AddAsync(db, Roles.FirmHR, [filing.FirmId],
            filing.Status == FilingStatus.Accepted ? NotificationKind.FilingAccepted : NotificationKind.FilingReturned, Message, localization.Value, now, ct);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            await using var fresh = await dbFactory.CreateDbContextAsync(ct);
            var theirs = await fresh.Filings.AsNoTracking().SingleOrDefaultAsync(f => f.Id == filingId, ct);
            return theirs is null ? new FilingOutcome.NotFound() : Decided(theirs);
        }
        return new FilingOutcome.Done(filing.Id);
    }

    private FilingOutcome Decided(Filing now) => new FilingOutcome.Conflict(now.IsAwaitingReview
        ? t["DecideChanged"]
        : now.Status == FilingStatus.Accepted
            ? t["DecideAlreadyAccepted", now.ReviewedByName ?? "", FilingText.Stamp(now.ReviewedAt)]
            : t["DecideAlreadyReturned", now.ReviewedByName ?? "", FilingText.Stamp(now.ReviewedAt), now.ReviewComment ?? ""]);

    public async Task<FilingOutcome> AddRemarkAsync(Guid filingId, Guid entryId, string? text, CancellationToken ct = default)
    {
        var by = RequireRegulator();
        if (string.IsNullOrWhiteSpace(text))
            return FilingOutcome.Error(t["RemarkRequired"], "Remark");
        if (text.Trim().Length > FilingRemark.MaxLength)
            return FilingOutcome.Error(t["RemarkTooLong", FilingRemark.MaxLength], "Remark");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var filing = await db.Filings.AsNoTracking().Where(f => f.Id == filingId).Select(f => new { f.Status }).SingleOrDefaultAsync(ct);
        if (filing is null || filing.Status == FilingStatus.Draft || !await db.FilingEntries.AnyAsync(e => e.Id == entryId && e.FilingId == filingId, ct))
            return new FilingOutcome.NotFound();
        if (filing.Status is not (FilingStatus.Submitted or FilingStatus.Resubmitted))
            return FilingOutcome.Error(t["RemarkAfterDecision", Filing.Describe(filing.Status)], "Remark");
        var remark = new FilingRemark { FilingId = filingId, EntryId = entryId, Text = text.Trim(), AuthorId = by.Id, AuthorName = by.Name, CreatedAt = clock.GetUtcNow() };
        db.FilingRemarks.Add(remark);
        await db.SaveChangesAsync(ct);
        return new FilingOutcome.Done(remark.Id);
    }

    /// <summary>A regulator takes back their own remark before the decision.</summary>
    public async Task<FilingOutcome> RemoveRemarkAsync(Guid remarkId, CancellationToken ct = default)
    {
        var by = RequireRegulator();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var remark = await db.FilingRemarks.SingleOrDefaultAsync(r => r.Id == remarkId, ct);
        if (remark is null)
            return new FilingOutcome.NotFound();
        if (remark.AuthorId != by.Id)
            return FilingOutcome.Error(t["RemarkNotYours"]);
        var status = await db.Filings.Where(f => f.Id == remark.FilingId).Select(f => f.Status).SingleAsync(ct);
        if (status is not (FilingStatus.Submitted or FilingStatus.Resubmitted))
            return FilingOutcome.Error(t["RemarkDecided"]);
        db.FilingRemarks.Remove(remark);
        await db.SaveChangesAsync(ct);
        return new FilingOutcome.Done(remark.FilingId);
    }

    /// <summary>Demands an ad-hoc filing from one firm, a segment or all firms; it appears as a period for them.</summary>
    public async Task<FilingOutcome> DemandAsync(DemandInput input, CancellationToken ct = default)
    {
        var by = RequireRegulator();
        var today = Today;
        if (!Enum.IsDefined(input.Scope))
            return FilingOutcome.Error(t["DemandChooseScope"], nameof(input.Scope));
        if (input.Scope == DemandScope.Segment && (input.Segment is not { } s || !Enum.IsDefined(s)))
            return FilingOutcome.Error(DomainText.Get("Demand_ChooseSegment"), nameof(input.Segment));
        if (input.Scope == DemandScope.Firm && input.FirmId is null)
            return FilingOutcome.Error(DomainText.Get("Demand_ChooseFirm"), nameof(input.FirmId));
        if (input.DueOn is not { } due)
            return FilingOutcome.Error(t["DemandDueRequired"], nameof(input.DueOn));
        if (due <= today)
            return FilingOutcome.Error(DomainText.Get("Demand_DueAfterToday", today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)), nameof(input.DueOn));
        if (string.IsNullOrWhiteSpace(input.Reason) || input.Reason.Trim().Length > FilingPeriod.MaxReasonLength)
            return FilingOutcome.Error(string.IsNullOrWhiteSpace(input.Reason) ? DomainText.Get("Demand_ReasonRequired")
                : DomainText.Get("Demand_ReasonTooLong", FilingPeriod.MaxReasonLength), nameof(input.Reason));

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (input.Scope == DemandScope.Firm && !await db.Firms.AnyAsync(f => f.Id == input.FirmId, ct))
            return FilingOutcome.Error(t["DemandNoSuchFirm"], nameof(input.FirmId));
        var now = clock.GetUtcNow();
        FilingPeriod period;
        try
        {
            period = FilingPeriod.Demand($"D-{now.UtcDateTime:yyyyMMdd}-{ReceiptCodes.RandomCode(4)}", input.Scope, input.Segment, input.FirmId,
                due, input.Reason, today, by, now);
        }
        catch (DomainException e)
        {
            return FilingOutcome.Error(e.Message);
        }
        db.FilingPeriods.Add(period);
        var firmIds = (await db.Firms.AsNoTracking().Select(f => new { f.Id, f.Segment }).ToListAsync(ct))
            .Where(f => period.AppliesTo(f.Id, f.Segment)).Select(f => f.Id).ToList();
        if (firmIds.Count > 0)
            await FilingNotices.AddAsync(db, Roles.FirmHR, firmIds, NotificationKind.FilingDueSoon,
                () => t["NoticeDemand", due, period.Code, period.Reason ?? ""], localization.Value, now, ct);
        await db.SaveChangesAsync(ct);
        return new FilingOutcome.Done(period.Id);
    }

    /// <summary>
    /// Withdraws a demand from one firm, or exempts it from a quarter, with the reason its HR reads: the period
    /// then owes nothing, is neither overdue nor reminded, and counts as exempt in the compliance figures.
    /// Refused once the firm has submitted a filing for the period. Returns the waiver's id.
    /// </summary>
    public async Task<FilingOutcome> WaiveAsync(Guid periodId, Guid firmId, string? reason, CancellationToken ct = default)
    {
        var by = RequireRegulator();
        if (string.IsNullOrWhiteSpace(reason))
            return FilingOutcome.Error(t["WaiveReasonRequired"], "Reason");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var obligation = (await FilingObligations.LoadAsync(db, db.FilingPeriods.Where(p => p.Id == periodId), ct)).SingleOrDefault(o => o.FirmId == firmId);
        if (obligation is null)
            return new FilingOutcome.NotFound();
        var now = clock.GetUtcNow();
        FilingWaiver waiver;
        try
        {
            waiver = FilingWaiver.Grant(obligation.Period, firmId, reason, obligation.IsFiled, obligation.IsWaived, by, now);
        }
        catch (DomainException e)
        {
            return FilingOutcome.Error(e.Message, "Reason");
        }
        db.FilingWaivers.Add(waiver);
        var period = obligation.Period;
        await FilingNotices.AddAsync(db, Roles.FirmHR, [firmId], NotificationKind.FilingWaived,
            () => t[waiver.Kind == FilingWaiverKind.Withdrawn ? "NoticeWithdrawn" : "NoticeExempt", period.Title, period.Code, waiver.Reason],
            localization.Value, now, ct);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // The unique (firm, period) index: another regulator waived it, or the firm submitted, a moment ago.
            return new FilingOutcome.Conflict(t["WaiveConflict"]);
        }
        return new FilingOutcome.Done(waiver.Id);
    }

    private DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    private UserRef RequireRegulator()
    {
        var user = currentUser.Get();
        if (user.Role != Roles.Regulator)
            throw new DomainException(t["OnlyRegulatorReviews"]);
        return new UserRef(user.Actor.Id, user.Actor.Name);
    }
}
