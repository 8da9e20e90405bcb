namespace SpecialistRegistry.Domain;

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
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid FirmId { get; set; }
    public Firm? Firm { get; set; }
    /// <summary>Reporting period, for example "2026-Q4".</summary>
    public string Period { get; set; } = "";
    public FilingStatus Status { get; set; }
    public Guid? PreviousFilingId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? SubmittedAt { get; set; }
    public string? SubmittedById { get; set; }
    public DateTimeOffset? ReviewedAt { get; set; }
    public string? ReviewedById { get; set; }
    public string? ReviewComment { get; set; }
    public Guid Version { get; set; } = Guid.NewGuid();

    public List<FilingEntry> Entries { get; set; } = [];
}

public enum FilingChange
{
    Added,
    Changed,
    Unchanged,
    Removed,
}

/// <summary>One specialist as frozen in a submitted filing, with how they differ from the previous filing.</summary>
public sealed class FilingEntry
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid FilingId { get; set; }
    public Guid SpecialistId { get; set; }
    public string EmployeeNumber { get; set; } = "";
    public string FullName { get; set; } = "";
    public FilingChange Change { get; set; }
    /// <summary>The specialist's record at submission, as JSON with sensitive numbers masked.</summary>
    public string Snapshot { get; set; } = "";
}
