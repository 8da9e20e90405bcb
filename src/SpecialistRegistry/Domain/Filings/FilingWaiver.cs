namespace SpecialistRegistry.Domain;

/// <summary>A demand taken back from a firm, or a firm excused from a quarter: either way it owes nothing for the period.</summary>
public enum FilingWaiverKind
{
    Withdrawn,
    Exempt,
}

/// <summary>
/// A regulator's decision that one firm owes no filing for one period, with the reason the firm reads. A demand
/// is withdrawn, a quarter is exempted: the period's kind decides which. Refused once the firm has submitted a
/// filing for it (that filing stands and is reviewed). Written once, never changed (see docs/filings.md).
/// </summary>
public sealed class FilingWaiver
{
    public const int MaxReasonLength = 1000;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid FirmId { get; private set; }
    public Guid PeriodId { get; private set; }
    public FilingWaiverKind Kind { get; private set; }
    public string Reason { get; private set; } = "";
    public string CreatedById { get; private set; } = "";
    public string CreatedByName { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }

    public static FilingWaiverKind KindFor(FilingPeriod period) =>
        period.Kind == FilingPeriodKind.Demand ? FilingWaiverKind.Withdrawn : FilingWaiverKind.Exempt;

    public static FilingWaiver Grant(FilingPeriod period, Guid firmId, string? reason, bool alreadySubmitted, bool alreadyWaived,
        UserRef by, DateTimeOffset now)
    {
        if (alreadyWaived)
            throw new DomainException(DomainText.Get("FilingWaiver_AlreadyWaived"));
        if (alreadySubmitted)
            throw new DomainException(DomainText.Get(period.Kind == FilingPeriodKind.Demand ? "FilingWaiver_SubmittedDemand" : "FilingWaiver_SubmittedQuarter"));
        if (string.IsNullOrWhiteSpace(reason))
            throw new DomainException(DomainText.Get("FilingWaiver_ReasonRequired"));
        if (reason.Trim().Length > MaxReasonLength)
            throw new DomainException(DomainText.Get("FilingWaiver_ReasonTooLong", MaxReasonLength));
        return new FilingWaiver
        {
            FirmId = firmId,
            PeriodId = period.Id,
            Kind = KindFor(period),
            Reason = reason.Trim(),
            CreatedById = by.Id,
            CreatedByName = by.Name,
            CreatedAt = now,
        };
    }
}
