namespace SpecialistRegistry.Domain;

public enum CustodyEventKind
{
    HandIn,
    Release,
    Return,
    Lost,
    Retired,
}

/// <summary>Append-only: a custody event is never edited or deleted once saved.</summary>
public sealed class CustodyEvent
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid PassportId { get; set; }
    public CustodyEventKind Kind { get; set; }
    public DateTimeOffset OccurredAt { get; set; }
    public string OfficerId { get; set; } = "";
    public string OfficerName { get; set; } = "";
    public string? StorageLocation { get; set; }
    public string? Condition { get; set; }
    public string? ApprovalReference { get; set; }
    public string? Destination { get; set; }
    public DateOnly? DepartureOn { get; set; }
    public DateOnly? DueBackOn { get; set; }
    public string? ReceiptNumber { get; set; }
    public string? VerificationCode { get; set; }
    public string? Note { get; set; }

    /// <summary>
    /// The holder (or the person bringing or collecting the passport on their behalf) who acknowledged the
    /// event; with <see cref="OfficerName"/> this is the acknowledgement of both parties printed on the receipt.
    /// </summary>
    public string? AcknowledgedBy { get; set; }

    /// <summary>On a return: whole days after the due-back date (0 when on time).</summary>
    public int? LateByDays { get; set; }

    /// <summary>On a retirement because of renewal: the passport that replaces this one.</summary>
    public Guid? ReplacedByPassportId { get; set; }

    /// <summary>
    /// On a release: the approved trip it was made for (its approval number is copied to
    /// <see cref="ApprovalReference"/>); on the return that closed that trip, the same trip. Releases logged
    /// before travel approvals existed have none and keep only their free-text reference.
    /// </summary>
    public Guid? TravelRequestId { get; set; }
}
