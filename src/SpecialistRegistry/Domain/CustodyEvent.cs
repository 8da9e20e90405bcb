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
}
