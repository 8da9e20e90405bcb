using SpecialistRegistry.Domain;
using SpecialistRegistry.Domain.Filings;
using SpecialistRegistry.Domain.Records;

namespace SpecialistRegistry.Features.Filings;

/// <summary>What became of a filing operation. Anything but Done and Prepared means nothing was written.</summary>
public abstract record FilingOutcome
{
    public sealed record Done(Guid FilingId) : FilingOutcome;

    /// <summary>A draft was prepared or refreshed: its id and version, and the comparison it now records.</summary>
    public sealed record Prepared(Guid FilingId, Guid Version, FilingComparison Comparison) : FilingOutcome;

    /// <summary>The input or the state forbids it; <see cref="Field"/> names the input to blame ("" for none).</summary>
    public sealed record Invalid(string Field, string Message) : FilingOutcome;

    /// <summary>Someone else acted first (another regulator decided, another window submitted).</summary>
    public sealed record Conflict(string Message) : FilingOutcome;

    /// <summary>The roster changed after the draft was prepared: refresh it and check it again.</summary>
    public sealed record Stale(string Message) : FilingOutcome;

    public sealed record NotFound : FilingOutcome;

    public static Invalid Error(string message, string field = "") => new(field, message);

    /// <summary>What to tell the user when the operation did not go through.</summary>
    public string? Explanation => this switch
    {
        Invalid i => i.Message,
        Conflict c => c.Message,
        Stale s => s.Message,
        NotFound => DomainText.Get("Filing_NotFound"),
        _ => null,
    };
}

/// <summary>One reporting period as a firm sees it.</summary>
public sealed record PeriodRow(
    Guid PeriodId, string Code, FilingPeriodKind Kind, string Title, DateOnly StartsOn, DateOnly EndsOn, DateOnly DueOn,
    string? Reason, string? DueDateNote, FilingState State, Guid? LatestFilingId, DateTimeOffset? FirstSubmittedAt, bool Overdue, bool WasLate,
    string? WaiverReason = null, DateTimeOffset? WaivedAt = null)
{
    /// <summary>Withdrawn or exempt: nothing to prepare or submit.</summary>
    public bool IsWaived => WaiverReason is not null;
}

/// <summary>A filing's header: everything but its entries.</summary>
public sealed record FilingHeader(
    Guid Id, Guid Version, string? Number, FilingStatus Status,
    Guid FirmId, string FirmName, string CreditCode, IndustrySegment Segment, string ContactName, string ContactPhone, string ContactEmail,
    Guid PeriodId, string PeriodCode, string PeriodTitle, FilingPeriodKind PeriodKind, DateOnly DueOn, string? DemandReason,
    FilingCounts Counts, Guid? BaselineFilingId, string? BaselineNumber, Guid? ResubmissionOfId, string? ResubmissionOfNumber,
    Guid? ResubmittedAsId, string? ResubmittedAsNumber,
    DateTimeOffset CreatedAt, DateTimeOffset PreparedAt, string PreparedByName, string PreparedDigest,
    DateTimeOffset? SubmittedAt, string? SubmittedByName, string? Digest, string? Attestation,
    DateTimeOffset? ReviewedAt, string? ReviewedByName, string? ReviewComment, int Remarks)
{
    public bool IsAwaitingReview => Status is FilingStatus.Submitted or FilingStatus.Resubmitted;
    public bool IsResubmission => ResubmissionOfId is not null;
    public bool WasLate => SubmittedAt is { } at && DateOnly.FromDateTime(at.UtcDateTime) > DueOn;
}

/// <summary>The entries grid's question; it lives in the page's URL.</summary>
public sealed record EntryQuery(FilingChange? Change = null, FilingChange? SinceReturned = null, string? Text = null, bool WithProblems = false,
    int Page = 0, int PageSize = 25)
{
    public const int MaxPageSize = 100;
    public const int MaxTextLength = 100;

    public int Skip => Math.Max(0, Page) * Take;
    public int Take => Math.Clamp(PageSize, 1, MaxPageSize);
    public string? CleanText => Text?.Trim() is { Length: > 0 } t ? t.Length > MaxTextLength ? t[..MaxTextLength] : t : null;
}

public sealed record EntryRow(
    Guid Id, Guid SpecialistId, string EmployeeNumber, string FullName, string LatinName, FilingChange Change,
    FilingChange? SinceReturned, string ChangedFields, int Remarks, IReadOnlyList<string> Problems);

public sealed record EntryPage(IReadOnlyList<EntryRow> Rows, int Total);

public sealed record RemarkView(Guid Id, Guid EntryId, string Text, string AuthorName, DateTimeOffset CreatedAt, bool Mine);

/// <summary>
/// One entry opened: the record as filed, what changed since the last accepted filing (null when the person is
/// new on this one, or there is none) and, on a resubmission, since the returned filing (null when they were not
/// on it), and the remarks on it.
/// </summary>
public sealed record EntryDetail(EntryRow Row, SpecialistRecord Record, bool HasBaseline, IReadOnlyList<FieldChange>? SinceAccepted,
    bool IsResubmission, IReadOnlyList<FieldChange>? SinceReturned, IReadOnlyList<RemarkView> Remarks)
{
    /// <summary>The same view of a person in a draft that is still being prepared.</summary>
    public static EntryDetail Of(ComparedPerson p, bool hasBaseline, bool isResubmission) => new(
        new EntryRow(p.SpecialistId, p.SpecialistId, p.EmployeeNumber, p.FullName, p.LatinName, p.Change, p.ChangeSinceReturned, p.ChangedFields, 0, p.Problems),
        p.Record, hasBaseline, p.Change == FilingChange.Added ? null : p.Changes,
        isResubmission, p.ChangeSinceReturned == FilingChange.Added ? null : p.ChangesSinceReturned, []);
}

/// <summary>The regulator's review queue: filings awaiting review, oldest first. Lives in the URL.</summary>
public sealed record QueueQuery(IndustrySegment? Segment = null, Guid? PeriodId = null, string? Text = null, bool ResubmissionsOnly = false,
    int Page = 0, int PageSize = 25);

public sealed record QueueRow(
    Guid Id, string Number, Guid FirmId, string FirmName, IndustrySegment Segment, string PeriodCode, string PeriodTitle, DateOnly DueOn,
    DateTimeOffset SubmittedAt, bool IsResubmission, int Added, int Changed, int Removed, int Unchanged, int AgeDays);

/// <summary>Firms that have not filed: overdue, or due within <see cref="WithinDays"/>. Lives in the URL.</summary>
public sealed record NotFiledQuery(Guid? PeriodId = null, IndustrySegment? Segment = null, int WithinDays = 14, int Page = 0, int PageSize = 25);

public sealed record NotFiledRow(
    Guid FirmId, string FirmName, IndustrySegment Segment, string ContactName, string ContactPhone, string ContactEmail,
    Guid PeriodId, string PeriodCode, string PeriodTitle, DateOnly DueOn, FilingState State, int DaysUntilDue, FilingPeriodKind PeriodKind);

public sealed record Paged<T>(IReadOnlyList<T> Rows, int Total);

/// <summary>A regulator's demand for an ad-hoc filing.</summary>
public sealed record DemandInput(DemandScope Scope, IndustrySegment? Segment, Guid? FirmId, DateOnly? DueOn, string? Reason);

/// <summary>Everything printed on a filing receipt.</summary>
public sealed record FilingReceipt(
    Guid FilingId, string Number, string VerificationCode, FilingStatus Status, string FirmName, string CreditCode,
    string PeriodCode, string PeriodTitle, DateOnly DueOn, DateTimeOffset SubmittedAt, string SubmittedByName, string Attestation,
    FilingCounts Counts, string Digest, bool IsResubmission, string? ResubmissionOfNumber, DateTimeOffset? ReviewedAt, string? ReviewedByName);

public enum FilingReceiptVerdict
{
    /// <summary>Issued by the registry, and the stored filing still matches its digest.</summary>
    Genuine,
    /// <summary>No such filing number, or the code is not its own.</summary>
    NotGenuine,
    /// <summary>The number and code are right but the stored entries no longer match the digest: report it.</summary>
    Altered,
    /// <summary>Not checked: this user has checked too many receipts in a short time.</summary>
    TryLater,
}

public sealed record FilingReceiptCheck(FilingReceiptVerdict Verdict, string Message);
