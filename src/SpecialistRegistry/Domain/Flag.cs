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

    /// <summary>Closing a flag must say why, so whoever reads it later knows what settled it.</summary>
    public void Resolve(string resolvedById, string note, DateTimeOffset at)
    {
        if (Status == FlagStatus.Resolved)
            throw new DomainException(DomainText.Get("Flag_AlreadyResolved"));
        if (string.IsNullOrWhiteSpace(note))
            throw new DomainException(DomainText.Get("Flag_ResolutionNoteRequired"));
        Status = FlagStatus.Resolved;
        ResolvedById = resolvedById;
        ResolvedAt = at;
        ResolutionNote = note.Trim();
    }

    /// <summary>Reopening clears the resolution; the audit trail keeps what it said.</summary>
    public void Reopen()
    {
        if (Status == FlagStatus.Open)
            throw new DomainException(DomainText.Get("Flag_AlreadyOpen"));
        Status = FlagStatus.Open;
        ResolvedById = null;
        ResolvedAt = null;
        ResolutionNote = null;
    }
}

public static class FlagText
{
    public static string Of(FlagReason reason) => EnumText.Of(reason);

    public static string Of(FlagSeverity severity) => EnumText.Of(severity);

    public static string Of(FlagStatus status) => EnumText.Of(status);
}
