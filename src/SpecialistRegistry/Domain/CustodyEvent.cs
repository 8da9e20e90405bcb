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

    // The passport and its holder as they stood when the event was logged. Receipts and the chain of custody show
    // these, never today's values: a later correction or a move to another firm does not rewrite what was signed.
    public SensitiveValue PassportNumber { get; set; } = SensitiveValue.Empty;
    public string PassportCountry { get; set; } = "";
    public DateOnly PassportIssuedOn { get; set; }
    public DateOnly PassportExpiresOn { get; set; }
    public string HolderName { get; set; } = "";
    public string HolderLatinName { get; set; } = "";
    public string FirmName { get; set; } = "";

    /// <summary>Freezes the passport's details (and its holder's, when loaded with the passport) into the event.</summary>
    public void RecordPassportAsItStands(Passport passport)
    {
        PassportNumber = passport.Number;
        PassportCountry = passport.IssuingCountry;
        PassportIssuedOn = passport.IssuedOn;
        PassportExpiresOn = passport.ExpiresOn;
        if (passport.Specialist is { } holder)
        {
            HolderName = holder.FullName;
            HolderLatinName = holder.LatinName;
            FirmName = holder.Firm?.Name ?? FirmName;
        }
    }
}
