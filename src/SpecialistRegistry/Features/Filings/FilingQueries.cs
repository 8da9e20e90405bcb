using System.Globalization;
using Microsoft.Extensions.Localization;
using Microsoft.EntityFrameworkCore;
using SpecialistRegistry.Auth;
using SpecialistRegistry.Components.Shared;
using SpecialistRegistry.Data;
using SpecialistRegistry.Domain;
using SpecialistRegistry.Domain.Filings;
using SpecialistRegistry.Domain.Records;
using SpecialistRegistry.Web;

namespace SpecialistRegistry.Features.Filings;

/// <summary>
/// Reads of filings for every page that shows one: header, entries (paged in the database), an entry's
/// field-level differences, remarks, the receipt and its check. Firm HR's context is narrowed to their firm,
/// so another firm's filing is simply not found. Firm HR sees the regulator's remarks once the filing is decided.
/// </summary>
public sealed class FilingQueries(IDbContextFactory<RegistryDb> dbFactory, CurrentUser currentUser, ActionThrottle throttle, IStringLocalizer<FilingsText> t)
{
    private bool IsRegulator => currentUser.Get().Principal.IsInRole(Roles.Regulator);

    public async Task<FilingHeader?> HeaderAsync(Guid filingId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return (await HeadersAsync(db, db.Filings.Where(f => f.Id == filingId), ct)).SingleOrDefault();
    }

    internal async Task<List<FilingHeader>> HeadersAsync(RegistryDb db, IQueryable<Filing> filings, CancellationToken ct)
    {
        var rows = await filings.AsNoTracking().Select(f => new
        {
            Filing = f,
            Firm = new { f.Firm!.Name, f.Firm.CreditCode, f.Firm.Segment, f.Firm.ContactName, f.Firm.ContactPhone, f.Firm.ContactEmail },
            Period = new { f.ReportingPeriod!.Title, f.ReportingPeriod.Kind, f.ReportingPeriod.DueOn, f.ReportingPeriod.Reason },
            Baseline = db.Filings.Where(b => b.Id == f.BaselineFilingId).Select(b => b.Number).FirstOrDefault(),
            ResubmissionOf = db.Filings.Where(b => b.Id == f.ResubmissionOfId).Select(b => b.Number).FirstOrDefault(),
            ResubmittedAs = db.Filings.Where(b => b.ResubmissionOfId == f.Id).Select(b => new { b.Id, b.Number }).FirstOrDefault(),
            Remarks = db.FilingRemarks.Count(r => r.FilingId == f.Id),
        }).ToListAsync(ct);
        return rows.Select(r =>
        {
            var f = r.Filing;
            return new FilingHeader(f.Id, f.Version, f.Number, f.Status, f.FirmId, r.Firm.Name, r.Firm.CreditCode, r.Firm.Segment,
                r.Firm.ContactName, r.Firm.ContactPhone, r.Firm.ContactEmail, f.PeriodId, f.Period, r.Period.Title, r.Period.Kind, r.Period.DueOn,
                r.Period.Reason, new FilingCounts(f.AddedCount, f.ChangedCount, f.UnchangedCount, f.RemovedCount), f.BaselineFilingId, r.Baseline,
                f.ResubmissionOfId, r.ResubmissionOf, r.ResubmittedAs?.Id, r.ResubmittedAs?.Number, f.CreatedAt, f.PreparedAt, f.PreparedByName,
                f.PreparedDigest, f.SubmittedAt, f.SubmittedByName, f.Digest, f.Attestation, f.ReviewedAt, f.ReviewedByName, f.ReviewComment,
                RemarksVisible(f.Status) ? r.Remarks : 0);
        }).ToList();
    }

    /// <summary>Remarks are the regulator's working notes until the decision; then the firm reads them.</summary>
    private bool RemarksVisible(FilingStatus status) => IsRegulator || status is FilingStatus.Returned or FilingStatus.Accepted;

    /// <summary>A page of a submitted filing's entries, in employee-number order, filtered in the database.</summary>
    public async Task<EntryPage> EntriesAsync(Guid filingId, EntryQuery query, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var status = await db.Filings.Where(f => f.Id == filingId).Select(f => (FilingStatus?)f.Status).SingleOrDefaultAsync(ct);
        if (status is null)
            return new EntryPage([], 0);
        var entries = db.FilingEntries.AsNoTracking().Where(e => e.FilingId == filingId);
        if (query.Change is { } change)
            entries = entries.Where(e => e.Change == change);
        if (query.SinceReturned is { } since)
            entries = entries.Where(e => e.ChangeSinceReturned == since);
        if (query.CleanText is { } text)
        {
            var lowered = text.ToLowerInvariant();
            entries = entries.Where(e => e.FullName.Contains(text) || e.LatinName.ToLower().Contains(lowered) || e.EmployeeNumber.ToLower().Contains(lowered));
        }
        var showRemarks = RemarksVisible(status.Value);
        var total = await entries.CountAsync(ct);
        var rows = await entries.OrderBy(e => e.EmployeeNumber).ThenBy(e => e.Id).Skip(query.Skip).Take(query.Take)
            .Select(e => new EntryRow(e.Id, e.SpecialistId, e.EmployeeNumber, e.FullName, e.LatinName, e.Change, e.ChangeSinceReturned,
                e.ChangedFields, showRemarks ? db.FilingRemarks.Count(r => r.EntryId == e.Id) : 0, Array.Empty<string>()))
            .ToListAsync(ct);
        return new EntryPage(rows, total);
    }

    /// <summary>One entry with what changed since the last accepted filing and, on a resubmission, since the returned one.</summary>
    public async Task<EntryDetail?> EntryAsync(Guid filingId, Guid entryId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var filing = await db.Filings.AsNoTracking().Where(f => f.Id == filingId)
            .Select(f => new { f.Status, f.BaselineFilingId, f.ResubmissionOfId }).SingleOrDefaultAsync(ct);
        var entry = filing is null ? null : await db.FilingEntries.AsNoTracking().SingleOrDefaultAsync(e => e.Id == entryId && e.FilingId == filingId, ct);
        if (filing is null || entry is null)
            return null;
        var record = FilingSnapshot.Deserialize(entry.Snapshot);
        var sinceAccepted = await DiffAsync(db, filing.BaselineFilingId, entry.SpecialistId, record, activeOnly: true, ct);
        var sinceReturned = filing.ResubmissionOfId is { } returned ? await DiffAsync(db, returned, entry.SpecialistId, record, activeOnly: false, ct) : null;
        var remarks = RemarksVisible(filing.Status) ? await RemarksAsync(db, filingId, entryId, ct) : [];
        return new EntryDetail(new EntryRow(entry.Id, entry.SpecialistId, entry.EmployeeNumber, entry.FullName, entry.LatinName, entry.Change,
            entry.ChangeSinceReturned, entry.ChangedFields, remarks.Count, []), record, filing.BaselineFilingId is not null, sinceAccepted,
            filing.ResubmissionOfId is not null, sinceReturned, remarks);
    }

    // Against the same person's entry in another filing; null when they are not on it (or, for the baseline, were removed from it).
    private static async Task<List<FieldChange>?> DiffAsync(RegistryDb db, Guid? otherFilingId, Guid specialistId, SpecialistRecord now,
        bool activeOnly, CancellationToken ct)
    {
        if (otherFilingId is not { } other)
            return null;
        var then = await db.FilingEntries.AsNoTracking().Where(e => e.FilingId == other && e.SpecialistId == specialistId)
            .Select(e => new { e.Snapshot, e.Change }).SingleOrDefaultAsync(ct);
        if (then is null || (activeOnly && then.Change == FilingChange.Removed))
            return null;
        return SpecialistRecordDiff.Changes(FilingSnapshot.Deserialize(then.Snapshot), now);
    }

    public async Task<IReadOnlyList<RemarkView>> RemarksAsync(Guid filingId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var status = await db.Filings.Where(f => f.Id == filingId).Select(f => (FilingStatus?)f.Status).SingleOrDefaultAsync(ct);
        return status is { } s && RemarksVisible(s) ? await RemarksAsync(db, filingId, null, ct) : [];
    }

    private async Task<List<RemarkView>> RemarksAsync(RegistryDb db, Guid filingId, Guid? entryId, CancellationToken ct)
    {
        var me = currentUser.Get().Id;
        var remarks = db.FilingRemarks.AsNoTracking().Where(r => r.FilingId == filingId);
        if (entryId is { } id)
            remarks = remarks.Where(r => r.EntryId == id);
        return await remarks.OrderBy(r => r.CreatedAt).ThenBy(r => r.Id)
            .Select(r => new RemarkView(r.Id, r.EntryId, r.Text, r.AuthorName, r.CreatedAt, r.AuthorId == me))
            .ToListAsync(ct);
    }

    /// <summary>Remarks with the entry they belong to, for the firm's list of what to fix.</summary>
    public async Task<IReadOnlyList<(RemarkView Remark, EntryRow Entry)>> RemarkedEntriesAsync(Guid filingId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var status = await db.Filings.Where(f => f.Id == filingId).Select(f => (FilingStatus?)f.Status).SingleOrDefaultAsync(ct);
        if (status is not { } s || !RemarksVisible(s))
            return [];
        var me = currentUser.Get().Id;
        var rows = await (from r in db.FilingRemarks.AsNoTracking()
                          join e in db.FilingEntries.AsNoTracking() on r.EntryId equals e.Id
                          where r.FilingId == filingId
                          orderby e.EmployeeNumber, r.CreatedAt
                          select new { r.Id, r.EntryId, r.Text, r.AuthorName, r.CreatedAt, r.AuthorId, e.SpecialistId, e.EmployeeNumber, e.FullName, e.LatinName, e.Change, e.ChangeSinceReturned, e.ChangedFields })
            .ToListAsync(ct);
        return rows.Select(r => (new RemarkView(r.Id, r.EntryId, r.Text, r.AuthorName, r.CreatedAt, r.AuthorId == me),
            new EntryRow(r.EntryId, r.SpecialistId, r.EmployeeNumber, r.FullName, r.LatinName, r.Change, r.ChangeSinceReturned, r.ChangedFields, 0, []))).ToList();
    }

    public async Task<FilingReceipt?> ReceiptAsync(Guid filingId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var r = await db.Filings.AsNoTracking().Where(f => f.Id == filingId && f.Number != null)
            .Select(f => new
            {
                f.Id, f.Number, f.VerificationCode, f.Status, Firm = f.Firm!.Name, f.Firm.CreditCode, f.Period, f.ReportingPeriod!.Title,
                f.ReportingPeriod.DueOn, f.SubmittedAt, f.SubmittedByName, f.Attestation, f.AddedCount, f.ChangedCount, f.UnchangedCount,
                f.RemovedCount, f.Digest, f.ResubmissionOfId, f.ReviewedAt, f.ReviewedByName,
                ResubmissionOf = db.Filings.Where(b => b.Id == f.ResubmissionOfId).Select(b => b.Number).FirstOrDefault(),
            })
            .SingleOrDefaultAsync(ct);
        return r is null ? null : new FilingReceipt(r.Id, r.Number!, r.VerificationCode!, r.Status, r.Firm, r.CreditCode, r.Period, r.Title,
            r.DueOn, r.SubmittedAt!.Value, r.SubmittedByName ?? "", r.Attestation ?? "", new FilingCounts(r.AddedCount, r.ChangedCount, r.UnchangedCount, r.RemovedCount),
            r.Digest ?? "", r.ResubmissionOfId is not null, r.ResubmissionOf, r.ReviewedAt, r.ReviewedByName);
    }

    /// <summary>
    /// Genuine when the number exists and the code is its own, and the stored entries still give the digest on
    /// the receipt. An unknown number and a wrong code get the same answer, so the check cannot be used to find
    /// out which filing numbers exist. Anyone signed in may check any receipt: holding it is the point.
    /// </summary>
    public async Task<FilingReceiptCheck> CheckReceiptAsync(string? number, string? code, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(number) || string.IsNullOrWhiteSpace(code))
            return new FilingReceiptCheck(FilingReceiptVerdict.NotGenuine, t["CheckEnterBoth"]);
        // Verification codes are short enough to guess at machine speed; a person checks a few receipts a minute.
        if (throttle.Refusal(ThrottledAction.ReceiptCheck, currentUser.Get()) is { } tooMany)
            return new FilingReceiptCheck(FilingReceiptVerdict.TryLater, tooMany);
        var wanted = ReceiptCodes.NormalizeNumber(number);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var f = await db.Filings.IgnoreQueryFilters().AsNoTracking().Where(x => x.Number == wanted)
            .Select(x => new
            {
                x.Id, x.FirmId, x.Period, x.Number, x.VerificationCode, x.Digest, x.Status, x.SubmittedAt, x.SubmittedByName, x.BaselineFilingId,
                x.ResubmissionOfId, x.ReviewedAt, Firm = db.Firms.IgnoreQueryFilters().Where(m => m.Id == x.FirmId).Select(m => m.Name).FirstOrDefault(),
                Successor = db.Filings.IgnoreQueryFilters().Where(s => s.ResubmissionOfId == x.Id).Select(s => s.Number).FirstOrDefault(),
            })
            .SingleOrDefaultAsync(ct);
        if (f?.VerificationCode is null || !ReceiptCodes.CodesMatch(f.VerificationCode, code))
            return new FilingReceiptCheck(FilingReceiptVerdict.NotGenuine,
                t["CheckNotGenuine", wanted]);

        var entries = db.FilingEntries.IgnoreQueryFilters().AsNoTracking().Where(e => e.FilingId == f.Id)
            .Select(e => new { e.EmployeeNumber, e.SpecialistId, e.Change, e.ChangeSinceReturned, e.Snapshot });
        var lines = new List<(string Number, Guid Id, FilingChange Change, FilingChange? SinceReturned, string Digest)>();
        await foreach (var e in entries.AsAsyncEnumerable().WithCancellation(ct))
            lines.Add((e.EmployeeNumber, e.SpecialistId, e.Change, e.ChangeSinceReturned, FilingSnapshot.DigestOf(e.Snapshot)));
        // In the filing's own order: the database's collation and uuid order may differ from it.
        lines.Sort(static (a, b) => FilingComparison.CompareOrder(a.Number, a.Id, b.Number, b.Id));
        var digest = FilingDigest.Compute(f.FirmId, f.Period, f.BaselineFilingId, f.ResubmissionOfId,
            lines.Select(l => (l.Id, l.Change, l.SinceReturned, l.Digest)));
        if (digest != f.Digest)
            return new FilingReceiptCheck(FilingReceiptVerdict.Altered,
                t["CheckAltered", wanted]);
        var submitted = FilingText.Stamp(f.SubmittedAt);
        var reviewed = f.ReviewedAt?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";
        // One whole sentence per state, so each translates as a sentence.
        var key = f.Status switch
        {
            FilingStatus.Accepted => "CheckGenuineAccepted",
            FilingStatus.Returned => f.Successor is null ? "CheckGenuineReturned" : "CheckGenuineResubmitted",
            _ => "CheckGenuineAwaiting",
        };
        return new FilingReceiptCheck(FilingReceiptVerdict.Genuine,
            t[key, f.Number ?? "", f.Firm ?? "", f.Period, submitted, f.SubmittedByName ?? "", lines.Count, f.Status == FilingStatus.Returned && f.Successor is { } next ? next : reviewed]);
    }
}
