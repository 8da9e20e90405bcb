using SpecialistRegistry.Domain;
using SpecialistRegistry.Domain.Records;

namespace SpecialistRegistry.Files.Roster;

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
    public List<ExpertiseItem> Expertise { get; } = [];
    public List<EducationItem> Education { get; } = [];
    public List<ResearchItem> Research { get; } = [];

    /// <summary>The person as a record, numbers masked, given the keyed hashes of their numbers.</summary>
    public SpecialistRecord ToRecord(string nationalIdHash, string passportHash) => new()
    {
        EmployeeNumber = EmployeeNumber,
        FullName = FullName,
        LatinName = LatinName,
        Gender = Gender,
        DateOfBirth = DateOfBirth,
        Nationality = Nationality,
        NationalId = Masked(NationalIdNumber, nationalIdHash),
        Phone = Phone,
        Email = Email,
        Position = Position,
        Department = Department,
        HireDate = HireDate,
        Status = Status,
        LeftOn = LeftOn,
        LeftReason = LeftReason ?? "",
        Passport = Passport is { } p ? new PassportRecord(Masked(p.Number, passportHash), p.IssuingCountry, p.IssuedOn, p.ExpiresOn) : null,
        Expertise = [.. Expertise],
        Education = [.. Education],
        Research = [.. Research],
    };

    /// <summary>
    /// A frozen record in the file's shape, for exports of what was recorded (a filing): the numbers are the
    /// masked ones, so such a file shows them but can never carry them back in.
    /// </summary>
    public static RosterPerson FromRecord(SpecialistRecord r)
    {
        var person = new RosterPerson
        {
            EmployeeNumber = r.EmployeeNumber,
            FullName = r.FullName,
            LatinName = r.LatinName,
            Gender = r.Gender,
            DateOfBirth = r.DateOfBirth,
            Nationality = r.Nationality,
            NationalIdNumber = r.NationalId.ToString(),
            Phone = r.Phone,
            Email = r.Email,
            Position = r.Position,
            Department = r.Department,
            HireDate = r.HireDate,
            Status = r.Status,
            LeftOn = r.LeftOn,
            LeftReason = r.LeftReason.Length == 0 ? null : r.LeftReason,
            Passport = r.Passport is { } p ? new RosterPassport(p.Number.ToString(), p.IssuingCountry, p.IssuedOn, p.ExpiresOn) : null,
        };
        person.Expertise.AddRange(r.Expertise);
        person.Education.AddRange(r.Education);
        person.Research.AddRange(r.Research);
        return person;
    }

    private static MaskedNumber Masked(string number, string hash) =>
        number.Length == 0 ? MaskedNumber.None : new MaskedNumber(number[^Math.Min(4, number.Length)..], hash);
}

/// <summary>The current passport; <see cref="Number"/> normalized.</summary>
public sealed record RosterPassport(string Number, string IssuingCountry, DateOnly IssuedOn, DateOnly ExpiresOn);
