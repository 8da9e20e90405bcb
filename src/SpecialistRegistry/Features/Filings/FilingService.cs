using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Microsoft.EntityFrameworkCore;
using SpecialistRegistry.Auth;
using SpecialistRegistry.Components.Shared;
using SpecialistRegistry.Data;
using SpecialistRegistry.Domain;
using SpecialistRegistry.Domain.Filings;

namespace SpecialistRegistry.Features.Filings;

/// <summary>One period opened by Firm HR: where it stands, the filing being worked on, and the filings made for it.</summary>
public sealed record PeriodView(PeriodRow Period, FilingHeader? Live, FilingHeader? Returned, IReadOnlyList<FilingHeader> History);

/// <summary>An existing draft opened again: its comparison now, and whether the roster changed since it was prepared.</summary>
public sealed record DraftView(FilingHeader Draft, FilingComparison Comparison)
{
    public bool IsStale => Comparison.Digest != Draft.PreparedDigest;
}

/// <summary>
/// Firm HR's side of filing: the firm's periods, preparing (and refreshing) a draft, submitting it, and
/// throwing a draft away. The firm is never a parameter: the context's firm scope and the user's firm decide.
/// A submission compares the roster again and refuses, with nothing written, when it no longer matches the
/// draft the user checked; entries are written in chunks inside one transaction, so it is all or nothing.
/// </summary>
public sealed class FilingService(IDbContextFactory<RegistryDb> dbFactory, CurrentUser currentUser, FilingQueries queries, TimeProvider clock,
    IStringLocalizer<FilingsText> t, IOptions<RequestLocalizationOptions> localization)
{
    /// <summary>Entries per SaveChanges inside the submission's one transaction: keeps the change tracker small.</summary>
    internal const int ChunkSize = 1000;

    public async Task<IReadOnlyList<PeriodRow>> PeriodsAsync(CancellationToken ct = default)
    {
        var firmId = RequireFirm();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var today = Today;
        var obligations = await FilingObligations.LoadAsync(db, db.FilingPeriods, ct);
        return obligations.Where(o => o.FirmId == firmId)
            .OrderByDescending(o => o.Period.DueOn).ThenByDescending(o => o.Period.Code, StringComparer.Ordinal)
            .Select(o => Row(o, today)).ToList();
    }

    public async Task<PeriodView?> OpenAsync(Guid periodId, CancellationToken ct = default)
    {
        var firmId = RequireFirm();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var obligation = (await FilingObligations.LoadAsync(db, db.FilingPeriods.Where(p => p.Id == periodId), ct))
            .SingleOrDefault(o => o.FirmId == firmId);
        if (obligation is null)
            return null;
        var history = await queries.HeadersAsync(db, db.Filings.Where(f => f.FirmId == firmId && f.PeriodId == periodId), ct);
        var live = history.FirstOrDefault(h => h.Status != FilingStatus.Returned);
        // The returned filing still to be answered: by nothing yet, or by the draft being prepared.
        var returned = history.Where(h => h.Status == FilingStatus.Returned && (h.ResubmittedAsId is null || h.ResubmittedAsId == live?.Id))
            .MaxBy(h => h.SubmittedAt);
        return new PeriodView(Row(obligation, Today), live, returned, history.OrderByDescending(h => h.CreatedAt).ToList());
    }

    /// <summary>
    /// Prepares the period's draft: makes it (a resubmission when the latest filing was returned) or refreshes it,
    /// comparing the roster as it is now. With <paramref name="draftVersion"/>, refuses a refresh of a draft that
    /// changed in another window.
    /// </summary>
    public async Task<FilingOutcome> PrepareAsync(Guid periodId, Guid? draftVersion = null, CancellationToken ct = default)
    {
        var firmId = RequireFirm();
        var by = By();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var period = await db.FilingPeriods.AsNoTracking().SingleOrDefaultAsync(p => p.Id == periodId, ct);
        if (period is null || !await db.Firms.AnyAsync(f => f.Id == firmId, ct))
            return new FilingOutcome.NotFound();
        if (await WaiverAsync(db, firmId, periodId, ct) is { } waived)
            return waived;
        var filings = await db.Filings.Where(f => f.FirmId == firmId && f.PeriodId == periodId).ToListAsync(ct);
        var live = filings.SingleOrDefault(f => f.Status != FilingStatus.Returned);
        if (live is { Status: not FilingStatus.Draft })
            return FilingOutcome.Error(t["PrepareAlreadyFiled", Filing.Describe(live.Status), live.Number ?? ""]);
        if (live is not null && draftVersion is { } seen && live.Version != seen)
            return new FilingOutcome.Conflict(t["PrepareRefreshedElsewhere", live.PreparedByName ?? "", FilingText.Stamp(live.PreparedAt)]);

        var baselineId = await FilingRoster.LastAcceptedAsync(db, firmId, ct);
        var draft = live;
        if (draft is null)
        {
            var returned = filings.Where(f => f.Status == FilingStatus.Returned).MaxBy(f => f.ReviewedAt);
            if (returned is not null && filings.Any(f => f.ResubmissionOfId == returned.Id))
                returned = null;
            draft = returned is not null
                ? returned.StartResubmission(baselineId, by, clock.GetUtcNow())
                : Filing.StartDraft(firmId, period, baselineId, by, clock.GetUtcNow());
            db.Filings.Add(draft);
        }
        else
        {
            db.Entry(draft).Property(f => f.Version).OriginalValue = draft.Version;
        }

        var comparison = await FilingRoster.CompareAsync(db, firmId, period.Code, baselineId, draft.ResubmissionOfId, Today, ct);
        draft.Prepare(baselineId, comparison.Counts, comparison.Digest, by, clock.GetUtcNow());
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new FilingOutcome.Conflict(t["PrepareRace"]);
        }
        catch (DbUpdateException)
        {
            // The live-filing index: someone else started this period's draft a moment ago.
            return new FilingOutcome.Conflict(t["PrepareStartRace"]);
        }
        return new FilingOutcome.Prepared(draft.Id, draft.Version, comparison);
    }

    /// <summary>An existing draft with its comparison as of now (for the prepare page to show and to say whether it is stale).</summary>
    public async Task<DraftView?> OpenDraftAsync(Guid filingId, CancellationToken ct = default)
    {
        var firmId = RequireFirm();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var draft = (await queries.HeadersAsync(db, db.Filings.Where(f => f.Id == filingId && f.FirmId == firmId && f.Status == FilingStatus.Draft), ct))
            .SingleOrDefault();
        if (draft is null)
            return null;
        var comparison = await FilingRoster.CompareAsync(db, firmId, draft.PeriodCode, draft.BaselineFilingId, draft.ResubmissionOfId, Today, ct);
        return new DraftView(draft, comparison);
    }

    /// <summary>
    /// Submits the draft the user checked (<paramref name="version"/>) with their attestation: compares the roster
    /// again, refuses a stale draft or one with completeness problems, then freezes it: the filing's number, digest
    /// and verification code, and one entry per person, in one transaction.
    /// </summary>
    public async Task<FilingOutcome> SubmitAsync(Guid filingId, Guid version, bool attested, IProgress<int>? progress = null,
        CancellationToken ct = default)
    {
        var firmId = RequireFirm();
        if (!attested)
            return FilingOutcome.Error(DomainText.Get("Filing_AttestRequired"), "Attested");
        var by = By();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var filing = await db.Filings.SingleOrDefaultAsync(f => f.Id == filingId && f.FirmId == firmId, ct);
        if (filing is null)
            return new FilingOutcome.NotFound();
        if (filing.Status != FilingStatus.Draft)
            return AlreadySubmitted(filing);
        if (filing.Version != version)
            return new FilingOutcome.Conflict(t["SubmitRefreshedElsewhere", filing.PreparedByName ?? "", FilingText.Stamp(filing.PreparedAt)]);
        if (await WaiverAsync(db, firmId, filing.PeriodId, ct) is { } waived)
            return waived;

        var comparison = await FilingRoster.CompareAsync(db, firmId, filing.Period, filing.BaselineFilingId, filing.ResubmissionOfId, Today, ct);
        if (comparison.Digest != filing.PreparedDigest)
            return new FilingOutcome.Stale(StaleMessage(filing, comparison));
        if (comparison.People.Count == 0)
            return FilingOutcome.Error(t["SubmitEmptyRoster"]);
        if (!comparison.CanSubmit)
            return FilingOutcome.Error(comparison.PeopleWithProblems == 1
                ? t["SubmitProblemsOne"] : t["SubmitProblemsMany", comparison.PeopleWithProblems]);

        var firmName = await db.Firms.Where(f => f.Id == firmId).Select(f => f.Name).SingleAsync(ct);
        var now = clock.GetUtcNow();
        db.Entry(filing).Property(f => f.Version).OriginalValue = version;
        // DetectChanges once per SaveChanges (the interceptors run it) instead of on every Add.
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        try
        {
            filing.Submit(comparison.Digest, ReceiptCodes.NewReceiptNumber("FL", now), ReceiptCodes.NewVerificationCode(), t["Attestation"], by, now);
            await FilingNotices.AddAsync(db, Roles.Regulator, null, NotificationKind.FilingSubmitted,
                () => t[filing.IsResubmission ? "NoticeResubmitted" : "NoticeSubmitted", firmName, filing.Number ?? "", filing.Period, FilingNotices.Counts(t, comparison.Counts)],
                localization.Value, now, ct);
            await db.SaveChangesAsync(ct);

            var written = 0;
            foreach (var chunk in comparison.People.Chunk(ChunkSize))
            {
                ct.ThrowIfCancellationRequested();
                db.FilingEntries.AddRange(chunk.Select(p => p.ToEntry(filing.Id)));
                await db.SaveChangesAsync(acceptAllChangesOnSuccess: false, ct);
                // Saved rows need no tracking; the filing stays, since only it may take entries.
                db.ChangeTracker.Clear();
                filing.Entries.Clear();
                db.Attach(filing);
                written += chunk.Length;
                progress?.Report(written);
            }
            // The last moment to give up: past here the filing stands.
            ct.ThrowIfCancellationRequested();
            await tx.CommitAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            await tx.RollbackAsync(CancellationToken.None);
            await using var fresh = await dbFactory.CreateDbContextAsync(CancellationToken.None);
            var now2 = await fresh.Filings.AsNoTracking().SingleOrDefaultAsync(f => f.Id == filingId, CancellationToken.None);
            return now2 is null ? new FilingOutcome.NotFound()
                : now2.Status == FilingStatus.Draft ? new FilingOutcome.Conflict(t["SubmitRace"])
                : AlreadySubmitted(now2);
        }
        catch (DomainException e)
        {
            return FilingOutcome.Error(e.Message);
        }
        return new FilingOutcome.Done(filing.Id);
    }

    /// <summary>Throws the draft away (a submitted filing can never be).</summary>
    public async Task<FilingOutcome> DiscardAsync(Guid filingId, Guid version, CancellationToken ct = default)
    {
        var firmId = RequireFirm();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var filing = await db.Filings.SingleOrDefaultAsync(f => f.Id == filingId && f.FirmId == firmId, ct);
        if (filing is null)
            return new FilingOutcome.NotFound();
        if (filing.Status != FilingStatus.Draft)
            return AlreadySubmitted(filing);
        if (filing.Version != version)
            return new FilingOutcome.Conflict(t["DiscardChanged"]);
        db.Entry(filing).Property(f => f.Version).OriginalValue = version;
        db.Filings.Remove(filing);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new FilingOutcome.Conflict(t["DiscardRace"]);
        }
        return new FilingOutcome.Done(filingId);
    }

    /// <summary>The refusal when the regulator withdrew or exempted this period for the firm: there is nothing to file.</summary>
    private async Task<FilingOutcome?> WaiverAsync(RegistryDb db, Guid firmId, Guid periodId, CancellationToken ct)
    {
        var waiver = await db.FilingWaivers.AsNoTracking().SingleOrDefaultAsync(w => w.FirmId == firmId && w.PeriodId == periodId, ct);
        return waiver is null ? null
            : FilingOutcome.Error(t[waiver.Kind == FilingWaiverKind.Withdrawn ? "WaivedWithdrawnNothingToFile" : "WaivedExemptNothingToFile", waiver.Reason]);
    }

    private FilingOutcome AlreadySubmitted(Filing filing) => new FilingOutcome.Conflict(
        t["SubmitAlreadyDone", Filing.Describe(filing.Status), filing.SubmittedByName ?? "", filing.Number ?? "", FilingText.Stamp(filing.SubmittedAt)]);

    private string StaleMessage(Filing draft, FilingComparison now)
    {
        var c = now.Counts;
        return t["SubmitStale", FilingText.Stamp(draft.PreparedAt), c.Added, c.Changed, c.Removed, c.Unchanged,
            draft.AddedCount, draft.ChangedCount, draft.RemovedCount, draft.UnchangedCount];
    }

    internal static PeriodRow Row(FilingObligation o, DateOnly today) => new(
        o.Period.Id, o.Period.Code, o.Period.Kind, o.Period.Title, o.Period.StartsOn, o.Period.EndsOn, o.Period.DueOn, o.Period.Reason,
        o.Period.DueDateNote, o.State, o.LatestFilingId, o.FirstSubmittedAt, o.IsOverdue(today), o.WasLate, o.Waiver?.Reason, o.Waiver?.CreatedAt);

    private DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    private UserRef By()
    {
        var actor = currentUser.Get().Actor;
        return new UserRef(actor.Id, actor.Name);
    }

    private Guid RequireFirm()
    {
        var user = currentUser.Get();
        if (user.Role != Roles.FirmHR || user.FirmId is not { } firmId)
            throw new DomainException(t["OnlyFirmHrFiles"]);
        return firmId;
    }
}
