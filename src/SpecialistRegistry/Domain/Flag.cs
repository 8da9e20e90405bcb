namespace SpecialistRegistry.Domain;

public enum FlagReason
{
    IncompleteRecord,
    PassportNotDeposited,
    OverdueReturn,
    UnreportedTravel,
    UnreportedEmployerChange,
    ForeignContact,
    Other,
}

public enum FlagSeverity
{
    Low,
    Medium,
    High,
}

public enum FlagStatus
{
    Open,
    Resolved,
}

public sealed class Flag
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid SpecialistId { get; set; }
    public Specialist? Specialist { get; set; }
    public FlagReason Reason { get; set; }
    public FlagSeverity Severity { get; set; }
    public string Note { get; set; } = "";
    public FlagStatus Status { get; set; }
    public string RaisedById { get; set; } = "";
    public DateTimeOffset RaisedAt { get; set; }
    public string? ResolvedById { get; set; }
    public DateTimeOffset? ResolvedAt { get; set; }
    public string? ResolutionNote { get; set; }
    public Guid Version { get; set; } = Guid.NewGuid();
}
