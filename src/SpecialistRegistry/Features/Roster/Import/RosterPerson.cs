using SpecialistRegistry.Domain;

namespace SpecialistRegistry.Features.Roster.Import;

/// <summary>
/// One specialist as the roster file carries them, with numbers in plain text: what the importer reads and
/// the exporter writes. Never stored; the numbers are protected on the way into the database.
/// </summary>
public sealed class RosterPerson
{
    public string EmployeeNumber { get; set; } = "";
    public string FullName { get; set; } = "";
    public string LatinName { get; set; } = "";
    public Gender Gender { get; set; }
    public DateOnly DateOfBirth { get; set; }
    public string Nationality { get; set; } = "";
    /// <summary>Normalized (upper case, no spaces or hyphens); empty when the person has none on file.</summary>
    public string NationalIdNumber { get; set; } = "";
    public string Phone { get; set; } = "";
    public string Email { get; set; } = "";
    public string Position { get; set; } = "";
    public string Department { get; set; } = "";
    public DateOnly HireDate { get; set; }
    public EmploymentStatus Status { get; set; }
    public DateOnly? LeftOn { get; set; }
    public string? LeftReason { get; set; }
    public RosterPassport? Passport { get; set; }
    public List<RosterExpertise> Expertise { get; } = [];
    public List<RosterEducation> Education { get; } = [];
    public List<RosterResearch> Research { get; } = [];
}

/// <summary>The current passport; <see cref="Number"/> normalized.</summary>
public sealed record RosterPassport(string Number, string IssuingCountry, DateOnly IssuedOn, DateOnly ExpiresOn);

public sealed record RosterExpertise(ExpertiseArea Area, ExpertiseLevel Level, int Years);

public sealed record RosterEducation(Degree Degree, string Field, string Institution, string Country, int GraduationYear);

public sealed record RosterResearch(ResearchKind Kind, string Title, int Year, string Role, string Reference);
