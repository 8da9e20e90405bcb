namespace SpecialistRegistry.Features.Custody;

// Inputs carry the passport's Version as the officer saw it: a save on top of another officer's entry is refused.
// OccurredAt is UTC; null means "now".

public sealed record HandInInput
{
    public Guid PassportId { get; set; }
    public Guid Version { get; set; }
    /// <summary>What the officer reads off the passport in hand, compared with the registry.</summary>
    public string Number { get; set; } = "";
    public string IssuingCountry { get; set; } = "";
    public DateOnly? ExpiresOn { get; set; }
    public string Safe { get; set; } = "";
    public string Slot { get; set; } = "";
    public string Condition { get; set; } = "Good";
    public DateTimeOffset? OccurredAt { get; set; }
    public string AcknowledgedBy { get; set; } = "";
    public bool BothPartiesAcknowledge { get; set; }
    public string? Note { get; set; }
}

/// <summary>A release for one of the holder's approved trips: destination, departure and due-back date come from the approval.</summary>
public sealed record ReleaseInput
{
    public Guid PassportId { get; set; }
    public Guid Version { get; set; }
    public Guid? TravelRequestId { get; set; }
    public string AcknowledgedBy { get; set; } = "";
    public bool BothPartiesAcknowledge { get; set; }
    public string? Note { get; set; }
}

public sealed record ReturnInput
{
    public Guid PassportId { get; set; }
    public Guid Version { get; set; }
    public string Safe { get; set; } = "";
    public string Slot { get; set; } = "";
    public string Condition { get; set; } = "Good";
    public DateTimeOffset? OccurredAt { get; set; }
    public string AcknowledgedBy { get; set; } = "";
    public bool BothPartiesAcknowledge { get; set; }
    public string? Note { get; set; }
}

/// <summary>Reported lost, or retired (expired, cancelled): the note says why.</summary>
public sealed record CloseInput
{
    public Guid PassportId { get; set; }
    public Guid Version { get; set; }
    public string Note { get; set; } = "";
}

/// <summary>A renewed passport replacing the current one; custody continues on the new one.</summary>
/// <summary>The office's correction of a passport it holds or has held: the details as on the passport, and why.</summary>
public sealed record CorrectDetailsInput
{
    public Guid PassportId { get; set; }
    public Guid Version { get; set; }
    /// <summary>Blank keeps the number on record.</summary>
    public string Number { get; set; } = "";
    public string IssuingCountry { get; set; } = "";
    public DateOnly? IssuedOn { get; set; }
    public DateOnly? ExpiresOn { get; set; }
    public string Reason { get; set; } = "";
}

public sealed record ReplaceInput
{
    public Guid PassportId { get; set; }
    public Guid Version { get; set; }
    public string Number { get; set; } = "";
    public string IssuingCountry { get; set; } = "China";
    public DateOnly? IssuedOn { get; set; }
    public DateOnly? ExpiresOn { get; set; }
    public string Note { get; set; } = "Renewed";
}
