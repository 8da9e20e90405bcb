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

    [Required(ErrorMessage = "Enter the employee number."), StringLength(40)]
    public string EmployeeNumber { get; set; } = "";

    [Required(ErrorMessage = "Enter the full name."), StringLength(100)]
    public string FullName { get; set; } = "";

    [Required(ErrorMessage = "Enter the name in Latin script (as in the passport)."), StringLength(100)]
    public string LatinName { get; set; } = "";

    public Gender Gender { get; set; }

    [Required(ErrorMessage = "Enter the date of birth.")]
    public DateTime? DateOfBirth { get; set; }

    [Required(ErrorMessage = "Enter the nationality."), StringLength(60)]
    public string Nationality { get; set; } = "China";

    /// <summary>The stored number as "••••1234"; empty when none is on record.</summary>
    public string NationalIdMasked { get; set; } = "";

    /// <summary>A new number typed in (or the stored one, once revealed). Empty keeps the stored number.</summary>
    [StringLength(40)]
    public string NationalIdNumber { get; set; } = "";

    [StringLength(40)]
    public string Phone { get; set; } = "";

    /// <summary>Optional; when given it must look like an address (checked by the service).</summary>
    [StringLength(256)]
    public string Email { get; set; } = "";

    [StringLength(100)]
    public string Position { get; set; } = "";

    [StringLength(100)]
    public string Department { get; set; } = "";

    [Required(ErrorMessage = "Enter the hire date.")]
    public DateTime? HireDate { get; set; }

    public EmploymentStatus Status { get; set; }
    public DateOnly? LeftOn { get; set; }
    public string? LeftReason { get; set; }

    public List<ExpertiseForm> Expertise { get; set; } = [];
    public List<EducationForm> Education { get; set; } = [];
    public List<ResearchForm> Research { get; set; } = [];
    public List<PassportForm> Passports { get; set; } = [];
}

public sealed class ExpertiseForm
{
    public Guid? Id { get; set; }
    public ExpertiseArea Area { get; set; }
    public ExpertiseLevel Level { get; set; }
    [Range(0, 70, ErrorMessage = "Years must be between 0 and 70.")]
    public int Years { get; set; }
}

public sealed class EducationForm
{
    public Guid? Id { get; set; }
    public Degree Degree { get; set; } = Degree.Bachelor;
    [Required(ErrorMessage = "Enter the field of study."), StringLength(150)]
    public string Field { get; set; } = "";
    [Required(ErrorMessage = "Enter the institution."), StringLength(200)]
    public string Institution { get; set; } = "";
    [Required(ErrorMessage = "Enter the country."), StringLength(60)]
    public string Country { get; set; } = "China";
    [Range(1940, 2100, ErrorMessage = "Enter a graduation year between 1940 and 2100.")]
    public int GraduationYear { get; set; } = DateTime.UtcNow.Year;
}

public sealed class ResearchForm
{
    public Guid? Id { get; set; }
    public ResearchKind Kind { get; set; }
    [Required(ErrorMessage = "Enter the title."), StringLength(300)]
    public string Title { get; set; } = "";
    [Range(1940, 2100, ErrorMessage = "Enter a year between 1940 and 2100.")]
    public int Year { get; set; } = DateTime.UtcNow.Year;
    [StringLength(100)]
    public string Role { get; set; } = "";
    [StringLength(200)]
    public string Reference { get; set; } = "";
}

public sealed class PassportForm
{
    public Guid? Id { get; set; }
    public string NumberMasked { get; set; } = "";
    /// <summary>Required for a new passport; for a stored one, empty keeps the stored number.</summary>
    [StringLength(40)]
    public string Number { get; set; } = "";
    [Required(ErrorMessage = "Enter the issuing country."), StringLength(60)]
    public string IssuingCountry { get; set; } = "China";
    [Required(ErrorMessage = "Enter the issue date.")]
    public DateTime? IssuedOn { get; set; }
    [Required(ErrorMessage = "Enter the expiry date.")]
    public DateTime? ExpiresOn { get; set; }
    public bool IsCurrent { get; set; } = true;
    /// <summary>Read-only here: only the custody office changes it.</summary>
    public CustodyStatus CustodyStatus { get; set; }
}
