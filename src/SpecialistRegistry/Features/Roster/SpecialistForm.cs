using System.ComponentModel.DataAnnotations;
using SpecialistRegistry.Domain;

namespace SpecialistRegistry.Features.Roster;

/// <summary>
/// Everything the editor shows and edits about one specialist. Mutable because the form binds to it;
/// <see cref="Version"/> is the version the user started from, so a save on top of someone else's is caught.
/// Limits mirror the database's (Data/Configurations).
/// </summary>
public sealed class SpecialistForm
{
    public Guid? Id { get; set; }
    public Guid Version { get; set; }

    [Required(ErrorMessageResourceType = typeof(RosterValidation), ErrorMessageResourceName = nameof(RosterValidation.EnterEmployeeNumber)), StringLength(40, ErrorMessageResourceType = typeof(RosterValidation), ErrorMessageResourceName = nameof(RosterValidation.TooLongField))]
    [CleanText]
    public string EmployeeNumber { get; set; } = "";

    [Required(ErrorMessageResourceType = typeof(RosterValidation), ErrorMessageResourceName = nameof(RosterValidation.EnterFullName)), StringLength(100, ErrorMessageResourceType = typeof(RosterValidation), ErrorMessageResourceName = nameof(RosterValidation.TooLongField))]
    [CleanText]
    public string FullName { get; set; } = "";

    [Required(ErrorMessageResourceType = typeof(RosterValidation), ErrorMessageResourceName = nameof(RosterValidation.EnterLatinName)), StringLength(100, ErrorMessageResourceType = typeof(RosterValidation), ErrorMessageResourceName = nameof(RosterValidation.TooLongField))]
    [CleanText]
    public string LatinName { get; set; } = "";

    /// <summary>Empty on a new person until HR chooses: a default would record a gender nobody stated.</summary>
    [Required(ErrorMessageResourceType = typeof(RosterValidation), ErrorMessageResourceName = nameof(RosterValidation.ChooseGender))]
    public Gender? Gender { get; set; }

    [Required(ErrorMessageResourceType = typeof(RosterValidation), ErrorMessageResourceName = nameof(RosterValidation.EnterDateOfBirth))]
    public DateTime? DateOfBirth { get; set; }

    [Required(ErrorMessageResourceType = typeof(RosterValidation), ErrorMessageResourceName = nameof(RosterValidation.EnterNationality)), StringLength(60, ErrorMessageResourceType = typeof(RosterValidation), ErrorMessageResourceName = nameof(RosterValidation.TooLongField))]
    [CleanText]
    public string Nationality { get; set; } = "China";

    /// <summary>The stored number as "••••1234"; empty when none is on record.</summary>
    public string NationalIdMasked { get; set; } = "";

    /// <summary>A new number typed in (or the stored one, once revealed). Empty keeps the stored number.</summary>
    [StringLength(40, ErrorMessageResourceType = typeof(RosterValidation), ErrorMessageResourceName = nameof(RosterValidation.TooLongField))]
    [CleanText]
    public string NationalIdNumber { get; set; } = "";

    [StringLength(40, ErrorMessageResourceType = typeof(RosterValidation), ErrorMessageResourceName = nameof(RosterValidation.TooLongField))]
    [CleanText]
    public string Phone { get; set; } = "";

    /// <summary>Optional; when given it must look like an address (checked by the service).</summary>
    [StringLength(256, ErrorMessageResourceType = typeof(RosterValidation), ErrorMessageResourceName = nameof(RosterValidation.TooLongField))]
    [CleanText]
    public string Email { get; set; } = "";

    [StringLength(100, ErrorMessageResourceType = typeof(RosterValidation), ErrorMessageResourceName = nameof(RosterValidation.TooLongField))]
    [CleanText]
    public string Position { get; set; } = "";

    [StringLength(100, ErrorMessageResourceType = typeof(RosterValidation), ErrorMessageResourceName = nameof(RosterValidation.TooLongField))]
    [CleanText(Multiline = true)]
    public string Department { get; set; } = "";

    [Required(ErrorMessageResourceType = typeof(RosterValidation), ErrorMessageResourceName = nameof(RosterValidation.EnterHireDate))]
    public DateTime? HireDate { get; set; }

    public EmploymentStatus Status { get; set; }
    public DateOnly? LeftOn { get; set; }
    [CleanText(Multiline = true)]
    public string? LeftReason { get; set; }

    [MaxItems]
    public List<ExpertiseForm> Expertise { get; set; } = [];
    [MaxItems]
    public List<EducationForm> Education { get; set; } = [];
    [MaxItems]
    public List<ResearchForm> Research { get; set; } = [];
    [MaxItems]
    public List<PassportForm> Passports { get; set; } = [];
}

public sealed class ExpertiseForm
{
    public Guid? Id { get; set; }
    public ExpertiseArea Area { get; set; }
    public ExpertiseLevel Level { get; set; }
    [Range(0, 70, ErrorMessageResourceType = typeof(RosterValidation), ErrorMessageResourceName = nameof(RosterValidation.YearsRange))]
    public int Years { get; set; }
}

public sealed class EducationForm
{
    public Guid? Id { get; set; }
    public Degree Degree { get; set; } = Degree.Bachelor;
    [Required(ErrorMessageResourceType = typeof(RosterValidation), ErrorMessageResourceName = nameof(RosterValidation.EnterFieldOfStudy)), StringLength(150, ErrorMessageResourceType = typeof(RosterValidation), ErrorMessageResourceName = nameof(RosterValidation.TooLongField))]
    [CleanText]
    public string Field { get; set; } = "";
    [Required(ErrorMessageResourceType = typeof(RosterValidation), ErrorMessageResourceName = nameof(RosterValidation.EnterInstitution)), StringLength(200, ErrorMessageResourceType = typeof(RosterValidation), ErrorMessageResourceName = nameof(RosterValidation.TooLongField))]
    [CleanText]
    public string Institution { get; set; } = "";
    [Required(ErrorMessageResourceType = typeof(RosterValidation), ErrorMessageResourceName = nameof(RosterValidation.EnterCountry)), StringLength(60, ErrorMessageResourceType = typeof(RosterValidation), ErrorMessageResourceName = nameof(RosterValidation.TooLongField))]
    [CleanText]
    public string Country { get; set; } = "China";
    [Range(1940, 2100, ErrorMessageResourceType = typeof(RosterValidation), ErrorMessageResourceName = nameof(RosterValidation.GraduationYearRange))]
    public int GraduationYear { get; set; } = DateTime.UtcNow.Year;
}

public sealed class ResearchForm
{
    public Guid? Id { get; set; }
    public ResearchKind Kind { get; set; }
    [Required(ErrorMessageResourceType = typeof(RosterValidation), ErrorMessageResourceName = nameof(RosterValidation.EnterTitle)), StringLength(300, ErrorMessageResourceType = typeof(RosterValidation), ErrorMessageResourceName = nameof(RosterValidation.TooLongField))]
    [CleanText(Multiline = true)]
    public string Title { get; set; } = "";
    [Range(1940, 2100, ErrorMessageResourceType = typeof(RosterValidation), ErrorMessageResourceName = nameof(RosterValidation.ResearchYearRange))]
    public int Year { get; set; } = DateTime.UtcNow.Year;
    [StringLength(100, ErrorMessageResourceType = typeof(RosterValidation), ErrorMessageResourceName = nameof(RosterValidation.TooLongField))]
    [CleanText]
    public string Role { get; set; } = "";
    [StringLength(200, ErrorMessageResourceType = typeof(RosterValidation), ErrorMessageResourceName = nameof(RosterValidation.TooLongField))]
    [CleanText(Multiline = true)]
    public string Reference { get; set; } = "";
}

public sealed class PassportForm
{
    public Guid? Id { get; set; }
    [CleanText]
    public string NumberMasked { get; set; } = "";
    /// <summary>Required for a new passport; for a stored one, empty keeps the stored number.</summary>
    [StringLength(40, ErrorMessageResourceType = typeof(RosterValidation), ErrorMessageResourceName = nameof(RosterValidation.TooLongField))]
    [CleanText]
    public string Number { get; set; } = "";
    [Required(ErrorMessageResourceType = typeof(RosterValidation), ErrorMessageResourceName = nameof(RosterValidation.EnterIssuingCountry)), StringLength(60, ErrorMessageResourceType = typeof(RosterValidation), ErrorMessageResourceName = nameof(RosterValidation.TooLongField))]
    [CleanText]
    public string IssuingCountry { get; set; } = "China";
    [Required(ErrorMessageResourceType = typeof(RosterValidation), ErrorMessageResourceName = nameof(RosterValidation.EnterIssueDate))]
    public DateTime? IssuedOn { get; set; }
    [Required(ErrorMessageResourceType = typeof(RosterValidation), ErrorMessageResourceName = nameof(RosterValidation.EnterExpiryDate))]
    public DateTime? ExpiresOn { get; set; }
    public bool IsCurrent { get; set; } = true;
    /// <summary>Read-only here: only the custody office changes it.</summary>
    public CustodyStatus CustodyStatus { get; set; }
    /// <summary>The custody office has taken it in: its number, country and dates are read-only here (the server refuses changes too).</summary>
    public bool DetailsLocked => CustodyStatus != CustodyStatus.NotHeld;
}
