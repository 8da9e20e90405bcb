using System.Globalization;

namespace SpecialistRegistry.Domain;

/// <summary>
/// One submission attempt of a firm's roster for a reporting period. A returned filing stays as it was; its
/// resubmission is a new filing linked to it. draft → submitted → accepted | returned; a returned filing's
/// resubmission: draft → resubmitted → accepted | returned → … (see docs/filings.md).
/// </summary>
public enum FilingStatus
{
    Draft,
    Submitted,
    Accepted,
    Returned,
    Resubmitted,
}

public sealed class Filing
{
    public const int MaxCommentLength = 2000;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid FirmId { get; set; }
    public Firm? Firm { get; set; }
    public Guid PeriodId { get; set; }
    public FilingPeriod? ReportingPeriod { get; set; }
    /// <summary>The reporting period's code, for example "2026-Q4", copied so that every reader can show it.</summary>
    public string Period { get; set; } = "";
    public FilingStatus Status { get; private set; }

    /// <summary>The firm's last accepted filing when this one was prepared: what "added", "changed" and "removed" are measured against.</summary>
    public Guid? BaselineFilingId { get; private set; }
    /// <summary>The returned filing this one resubmits.</summary>
    public Guid? ResubmissionOfId { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }
    public string CreatedById { get; private set; } = "";
    public DateTimeOffset PreparedAt { get; private set; }
    public string PreparedById { get; private set; } = "";
    public string PreparedByName { get; private set; } = "";
    /// <summary>The digest of the comparison as last prepared: a submission must freeze exactly this.</summary>
    public string PreparedDigest { get; private set; } = "";

    public int AddedCount { get; private set; }
    public int ChangedCount { get; private set; }
    public int UnchangedCount { get; private set; }
    public int RemovedCount { get; private set; }

    /// <summary>The filing number printed on the receipt; given at submission.</summary>
    public string? Number { get; private set; }
    public string? VerificationCode { get; private set; }
    /// <summary>SHA-256 of the firm, the period, the baseline and every entry (docs/filings.md); fixed at submission.</summary>
    public string? Digest { get; private set; }
    public DateTimeOffset? SubmittedAt { get; private set; }
    public string? SubmittedById { get; private set; }
    public string? SubmittedByName { get; private set; }
    public string? Attestation { get; private set; }

    public DateTimeOffset? ReviewedAt { get; private set; }
    public string? ReviewedById { get; private set; }
    public string? ReviewedByName { get; private set; }
    public string? ReviewComment { get; private set; }
    public Guid Version { get; set; } = Guid.NewGuid();

    public List<FilingEntry> Entries { get; set; } = [];

    /// <summary>
    /// Set by <see cref="Submit"/> on this object only: the save that submits a filing may add its entries, and no
    /// other (a filing loaded from the database never accepts entries). Not stored.
    /// </summary>
    public bool AcceptsEntries { get; private set; }

    public int EntryCount => AddedCount + ChangedCount + UnchangedCount + RemovedCount;
    public bool IsAwaitingReview => Status is FilingStatus.Submitted or FilingStatus.Resubmitted;
    public bool IsResubmission => ResubmissionOfId is not null;

    /// <summary>Review fields: the only ones a decision may change on a submitted filing.</summary>
    public static readonly IReadOnlySet<string> DecisionProperties = new HashSet<string>
    {
        nameof(Status), nameof(ReviewedAt), nameof(ReviewedById), nameof(ReviewedByName), nameof(ReviewComment), nameof(Version),
    };

    public static Filing StartDraft(Guid firmId, FilingPeriod period, Guid? baselineFilingId, UserRef by, DateTimeOffset now) => new()
    {
        FirmId = firmId,
        PeriodId = period.Id,
        Period = period.Code,
        Status = FilingStatus.Draft,
        BaselineFilingId = baselineFilingId,
        CreatedAt = now,
        CreatedById = by.Id,
    };

    /// <summary>A new draft that will resubmit this returned filing.</summary>
    public Filing StartResubmission(Guid? baselineFilingId, UserRef by, DateTimeOffset now)
    {
        if (Status != FilingStatus.Returned)
            throw new DomainException(DomainText.Get("Filing_OnlyReturnedResubmits", Describe(Status)));
        return new Filing
        {
            FirmId = FirmId,
            PeriodId = PeriodId,
            Period = Period,
            Status = FilingStatus.Draft,
            BaselineFilingId = baselineFilingId,
            ResubmissionOfId = Id,
            CreatedAt = now,
            CreatedById = by.Id,
        };
    }

    /// <summary>Records the comparison the user now sees (first preparation or a refresh).</summary>
    public void Prepare(Guid? baselineFilingId, FilingCounts counts, string digest, UserRef by, DateTimeOffset now)
    {
        RequireDraft("Prepare");
        BaselineFilingId = baselineFilingId;
        (AddedCount, ChangedCount, UnchangedCount, RemovedCount) = (counts.Added, counts.Changed, counts.Unchanged, counts.Removed);
        PreparedDigest = digest;
        PreparedAt = now;
        PreparedById = by.Id;
        PreparedByName = by.Name;
    }

    /// <summary>Freezes the filing: from here on neither it nor its entries change, except by the review decision.</summary>
    /// <param name="attestation">What the submitting user confirmed, in the words and language they were shown; null when they did not.</param>
    public void Submit(string digest, string number, string verificationCode, string? attestation, UserRef by, DateTimeOffset now)
    {
        RequireDraft("Submit");
        if (string.IsNullOrWhiteSpace(attestation))
            throw new DomainException(DomainText.Get("Filing_AttestRequired"));
        if (digest != PreparedDigest)
            throw new DomainException(DomainText.Get("Filing_RosterChanged"));
        Status = IsResubmission ? FilingStatus.Resubmitted : FilingStatus.Submitted;
        Digest = digest;
        Number = number;
        VerificationCode = verificationCode;
        SubmittedAt = now;
        SubmittedById = by.Id;
        SubmittedByName = by.Name;
        Attestation = attestation;
        AcceptsEntries = true;
    }

    public void Accept(UserRef by, DateTimeOffset now)
    {
        RequireAwaitingReview("Accept");
        Status = FilingStatus.Accepted;
        Decide(null, by, now);
    }

    public void Return(string? comment, UserRef by, DateTimeOffset now)
    {
        RequireAwaitingReview("Return");
        if (string.IsNullOrWhiteSpace(comment))
            throw new DomainException(DomainText.Get("Filing_ReturnCommentRequired"));
        if (comment.Trim().Length > MaxCommentLength)
            throw new DomainException(DomainText.Get("Filing_CommentTooLong", MaxCommentLength));
        Status = FilingStatus.Returned;
        Decide(comment.Trim(), by, now);
    }

    /// <summary>Only a draft may be thrown away; everything submitted stays.</summary>
    public void EnsureDiscardable() => RequireDraft("Discard");

    private void Decide(string? comment, UserRef by, DateTimeOffset now)
    {
        ReviewComment = comment;
        ReviewedAt = now;
        ReviewedById = by.Id;
        ReviewedByName = by.Name;
    }

    // One whole sentence per act: a verb slotted into a shared sentence does not translate.
    private void RequireDraft(string act)
    {
        if (Status != FilingStatus.Draft)
            throw new DomainException(DomainText.Get($"Filing_NoLongerDraft_{act}", Describe(Status)));
    }

    private void RequireAwaitingReview(string act)
    {
        if (!IsAwaitingReview)
            throw new DomainException(Status == FilingStatus.Draft
                ? DomainText.Get($"Filing_StillDraft_{act}")
                : DomainText.Get($"Filing_AlreadyDecided_{act}", Describe(Status)));
    }

    /// <summary>The status inside a sentence ("this one is …"), in the current UI culture.</summary>
    public static string Describe(FilingStatus status) => DomainText.Get($"FilingStatusIs_{status}");
}

/// <summary>Who does something to a filing or period, as its record keeps them (id and name at the time).</summary>
public readonly record struct UserRef(string Id, string Name);

public readonly record struct FilingCounts(int Added, int Changed, int Unchanged, int Removed)
{
    public int Total => Added + Changed + Unchanged + Removed;
}

public enum FilingChange
{
    Added,
    Changed,
    Unchanged,
    Removed,
}

/// <summary>
/// One specialist as frozen in a submitted filing, with how they differ from the firm's last accepted filing
/// (and, on a resubmission, from the returned one). Written only by the save that submits the filing, and
/// never changed or deleted afterwards.
/// </summary>
public sealed class FilingEntry
{
    public const int MaxChangedFieldsLength = 400;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid FilingId { get; set; }
    public Guid SpecialistId { get; set; }
    public string EmployeeNumber { get; set; } = "";
    public string FullName { get; set; } = "";
    public string LatinName { get; set; } = "";
    public FilingChange Change { get; set; }
    /// <summary>On a resubmission: how the person differs from the returned submission.</summary>
    public FilingChange? ChangeSinceReturned { get; set; }
    /// <summary>The names of the fields that changed since the last accepted filing, for the list; the snapshots hold the values.</summary>
    public string ChangedFields { get; set; } = "";
    /// <summary>The specialist's record at submission (<see cref="Records.SpecialistRecord"/> as JSON, numbers masked).</summary>
    public string Snapshot { get; set; } = "";
    /// <summary>SHA-256 of <see cref="Snapshot"/>: what the audit trail records instead of the content.</summary>
    public string SnapshotDigest { get; set; } = "";
}

/// <summary>A regulator's remark on one entry of a filing under review; the firm sees it once the filing is decided.</summary>
public sealed class FilingRemark
{
    public const int MaxLength = 1000;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid FilingId { get; set; }
    public Guid EntryId { get; set; }
    public string Text { get; set; } = "";
    public string AuthorId { get; set; } = "";
    public string AuthorName { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
}

public enum FilingPeriodKind
{
    Quarterly,
    Demand,
}

public enum DemandScope
{
    AllFirms,
    Segment,
    Firm,
}

/// <summary>
/// A reporting period: a calendar quarter (made automatically, the same for every firm) or a regulator's
/// ad-hoc demand addressed to all firms, one segment or one firm. Each firm it applies to owes one filing.
/// </summary>
public sealed class FilingPeriod
{
    public const int MaxReasonLength = 1000;
    public const int MaxTitleLength = 120;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    /// <summary>Unique: "2026-Q4" for a quarter, "D-20261202-7K3Q" for a demand. Two app nodes making the same quarter collide on it.</summary>
    public string Code { get; private set; } = "";
    public FilingPeriodKind Kind { get; private set; }
    public string Title { get; private set; } = "";
    public DateOnly StartsOn { get; private set; }
    public DateOnly EndsOn { get; private set; }
    public DateOnly DueOn { get; private set; }
    public DemandScope Scope { get; private set; }
    public IndustrySegment? Segment { get; private set; }
    public Guid? FirmId { get; private set; }
    public string? Reason { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public string CreatedById { get; private set; } = "";
    public string CreatedByName { get; private set; } = "";
    public string? DueDateNote { get; private set; }
    public Guid Version { get; set; } = Guid.NewGuid();

    public static FilingPeriod Quarter(int year, int quarter, int dueDaysAfterEnd, UserRef by, DateTimeOffset now)
    {
        if (quarter is < 1 or > 4)
            throw new ArgumentOutOfRangeException(nameof(quarter));
        var starts = new DateOnly(year, quarter * 3 - 2, 1);
        var ends = starts.AddMonths(3).AddDays(-1);
        return new FilingPeriod
        {
            Code = QuarterCode(year, quarter),
            Kind = FilingPeriodKind.Quarterly,
            Title = $"{year} Q{quarter}",
            StartsOn = starts,
            EndsOn = ends,
            DueOn = ends.AddDays(Math.Max(0, dueDaysAfterEnd)),
            Scope = DemandScope.AllFirms,
            CreatedAt = now,
            CreatedById = by.Id,
            CreatedByName = by.Name,
        };
    }

    public static string QuarterCode(int year, int quarter) => $"{year.ToString("D4", CultureInfo.InvariantCulture)}-Q{quarter}";

    public static (int Year, int Quarter) QuarterOf(DateOnly day) => (day.Year, (day.Month - 1) / 3 + 1);

    public static bool TryParseQuarter(string? code, out int year, out int quarter)
    {
        year = quarter = 0;
        var text = code?.Trim().ToUpperInvariant() ?? "";
        return text.Length == 7 && text[4] == '-' && text[5] == 'Q'
            && int.TryParse(text[..4], NumberStyles.None, CultureInfo.InvariantCulture, out year)
            && int.TryParse(text[6..], NumberStyles.None, CultureInfo.InvariantCulture, out quarter)
            && year is >= 2000 and <= 2999 && quarter is >= 1 and <= 4;
    }

    /// <summary>An ad-hoc demand; its due date must lie ahead and its reason is what the firms read.</summary>
    public static FilingPeriod Demand(string code, DemandScope scope, IndustrySegment? segment, Guid? firmId, DateOnly dueOn,
        string? reason, DateOnly today, UserRef by, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(reason))
            throw new DomainException(DomainText.Get("Demand_ReasonRequired"));
        if (reason.Trim().Length > MaxReasonLength)
            throw new DomainException(DomainText.Get("Demand_ReasonTooLong", MaxReasonLength));
        if (dueOn <= today)
            throw new DomainException(DomainText.Get("Demand_DueAfterToday", today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
        if (scope == DemandScope.Segment && segment is null)
            throw new DomainException(DomainText.Get("Demand_ChooseSegment"));
        if (scope == DemandScope.Firm && firmId is null)
            throw new DomainException(DomainText.Get("Demand_ChooseFirm"));
        var text = reason.Trim();
        return new FilingPeriod
        {
            Code = code,
            Kind = FilingPeriodKind.Demand,
            Title = $"Demand of {today:yyyy-MM-dd}",
            StartsOn = today,
            EndsOn = today,
            DueOn = dueOn,
            Scope = scope,
            Segment = scope == DemandScope.Segment ? segment : null,
            FirmId = scope == DemandScope.Firm ? firmId : null,
            Reason = text,
            CreatedAt = now,
            CreatedById = by.Id,
            CreatedByName = by.Name,
        };
    }

    /// <summary>The Admin moves a due date, saying why; a date in the past would make firms overdue by decree.</summary>
    public void MoveDueDate(DateOnly dueOn, string? note, DateOnly today)
    {
        if (string.IsNullOrWhiteSpace(note))
            throw new DomainException(DomainText.Get("DueDate_NoteRequired"));
        if (note.Trim().Length > 500)
            throw new DomainException(DomainText.Get("DueDate_NoteTooLong", 500));
        if (dueOn < today)
            throw new DomainException(DomainText.Get("DueDate_InPast", today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
        if (dueOn < StartsOn)
            throw new DomainException(DomainText.Get("DueDate_BeforeStart", StartsOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
        if (dueOn == DueOn)
            throw new DomainException(DomainText.Get("DueDate_Unchanged", dueOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
        DueOn = dueOn;
        DueDateNote = note.Trim();
    }

    public bool AppliesTo(Guid firmId, IndustrySegment segment) => Scope switch
    {
        DemandScope.AllFirms => true,
        DemandScope.Segment => Segment == segment,
        _ => FirmId == firmId,
    };

    public string Describe() => Kind == FilingPeriodKind.Quarterly
        ? $"{Title} ({StartsOn:yyyy-MM-dd} to {EndsOn:yyyy-MM-dd})"
        : $"Demand {Code}: {Title}";
}

/// <summary>Where a firm stands for one period: the status of its latest filing, or not started.</summary>
public enum FilingState
{
    NotStarted,
    Draft,
    Submitted,
    Returned,
    Resubmitted,
    Accepted,
    /// <summary>The regulator withdrew the demand from this firm: it owes nothing for the period.</summary>
    Withdrawn,
    /// <summary>The regulator exempted this firm from the quarter: it owes nothing for the period.</summary>
    Exempt,
}

public enum FilingReminderKind
{
    DueSoon,
    Overdue,
}

/// <summary>
/// That a firm's HR users were reminded about a period on a day. Its unique key (firm, period, kind, day) is
/// what keeps the reminder to once a day even when two app nodes run the job at the same time.
/// </summary>
public sealed class FilingReminder
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid FirmId { get; set; }
    public Guid PeriodId { get; set; }
    public FilingReminderKind Kind { get; set; }
    public DateOnly OnDate { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
