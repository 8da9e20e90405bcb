namespace SpecialistRegistry.Domain;

/// <summary>A regulator's interest in one specialist; drives <see cref="Notification"/>s.</summary>
public sealed class Watch
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public string UserId { get; set; } = "";
    public Guid SpecialistId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

public enum NotificationKind
{
    PassportReleased,
    PassportOverdue,
    EmployerChanged,
    AppearedOnFiling,
    FlagChanged,
    PassportDueBack,
    TravelRequested,
    TravelQuestioned,
    TravelAnswered,
    TravelApproved,
    TravelDenied,
    TravelExpired,
    FilingSubmitted,
    FilingReturned,
    FilingAccepted,
    FilingDueSoon,
    FilingOverdue,
    DisclosureLimitPassed,
    TravelNotReturned,
    FilingWaived,
}

public sealed class Notification
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public string UserId { get; set; } = "";
    public NotificationKind Kind { get; set; }
    public Guid? SpecialistId { get; set; }
    public string Message { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? ReadAt { get; set; }
}
