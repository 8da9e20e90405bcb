namespace SpecialistRegistry.Domain;

public enum Gender
{
    Female,
    Male,
    Other,
}

public enum EmploymentStatus
{
    Current,
    Left,
}

public sealed class Specialist
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid FirmId { get; set; }
    public Firm? Firm { get; set; }

    /// <summary>Unique within the firm.</summary>
    public string EmployeeNumber { get; set; } = "";
    public string FullName { get; set; } = "";
    public string LatinName { get; set; } = "";
    public Gender Gender { get; set; }
    public DateOnly DateOfBirth { get; set; }
    public string Nationality { get; set; } = "";
    public SensitiveValue NationalId { get; set; } = SensitiveValue.Empty;
    public string Phone { get; set; } = "";
    public string Email { get; set; } = "";
    public string Position { get; set; } = "";
    public string Department { get; set; } = "";
    public DateOnly HireDate { get; set; }
    public EmploymentStatus Status { get; set; }
    public DateOnly? LeftOn { get; set; }
    public string? LeftReason { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public Guid Version { get; set; } = Guid.NewGuid();

    public List<Expertise> Expertise { get; set; } = [];
    public List<Education> Education { get; set; } = [];
    public List<ResearchRecord> Research { get; set; } = [];
    public List<Passport> Passports { get; set; } = [];
    public List<Flag> Flags { get; set; } = [];

    /// <summary>Leaving keeps the person and their history; only the status changes.</summary>
    public void RecordLeaving(DateOnly leftOn, string reason)
    {
        if (Status == EmploymentStatus.Left)
            throw new DomainException(DomainText.Get("Specialist_AlreadyLeft", $"{FullName} ({LatinName})"));
        if (leftOn < HireDate)
            throw new DomainException(DomainText.Get("Specialist_LeftBeforeHired"));
        if (string.IsNullOrWhiteSpace(reason))
            throw new DomainException(DomainText.Get("Specialist_LeavingReasonRequired"));
        if (CleanText.Problem(reason, multiline: true) is { } unclean)
            throw new DomainException(unclean);
        Status = EmploymentStatus.Left;
        LeftOn = leftOn;
        LeftReason = reason.Trim();
    }
}
