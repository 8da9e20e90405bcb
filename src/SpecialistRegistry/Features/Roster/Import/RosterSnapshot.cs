using Microsoft.EntityFrameworkCore;
using SpecialistRegistry.Data;
using SpecialistRegistry.Domain;

namespace SpecialistRegistry.Features.Roster.Import;

/// <summary>A specialist of the firm as far as the import compares them: numbers only as keyed hashes.</summary>
internal sealed class ExistingPerson
{
    public Guid Id { get; init; }
    public Guid Version { get; init; }
    public string EmployeeNumber { get; init; } = "";
    public string FullName { get; init; } = "";
    public string LatinName { get; init; } = "";
    public Gender Gender { get; init; }
    public DateOnly DateOfBirth { get; init; }
    public string Nationality { get; init; } = "";
    public string NationalIdHash { get; init; } = "";
    public string Phone { get; init; } = "";
    public string Email { get; init; } = "";
    public string Position { get; init; } = "";
    public string Department { get; init; } = "";
    public DateOnly HireDate { get; init; }
    public EmploymentStatus Status { get; init; }
    public DateOnly? LeftOn { get; init; }
    public string? LeftReason { get; init; }
    public ExistingPassport? CurrentPassport { get; set; }
    public List<RosterExpertise> Expertise { get; } = [];
    public List<RosterEducation> Education { get; } = [];
    public List<RosterResearch> Research { get; } = [];
}

internal sealed record ExistingPassport(Guid SpecialistId, bool IsCurrent, string Hash, string Last4, string IssuingCountry, DateOnly IssuedOn, DateOnly ExpiresOn);

/// <summary>
/// The firm's whole roster, read once with no tracking (five queries, no N+1), indexed for the comparison:
/// by employee number, and by the keyed hash of every national ID and passport number.
/// </summary>
internal sealed class RosterSnapshot
{
    public Dictionary<string, ExistingPerson> ByEmployee { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, List<ExistingPerson>> ByNationalIdHash { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, List<ExistingPerson>> ByPassportHash { get; } = new(StringComparer.Ordinal);

    /// <summary>Reads through <paramref name="db"/>, whose firm scope limits every query to the user's firm.</summary>
    public static async Task<RosterSnapshot> LoadAsync(RegistryDb db, CancellationToken ct)
    {
        var snapshot = new RosterSnapshot();
        var byId = new Dictionary<Guid, ExistingPerson>();
        var people = db.Specialists.AsNoTracking().Select(s => new ExistingPerson
        {
            Id = s.Id,
            Version = s.Version,
            EmployeeNumber = s.EmployeeNumber,
            FullName = s.FullName,
            LatinName = s.LatinName,
            Gender = s.Gender,
            DateOfBirth = s.DateOfBirth,
            Nationality = s.Nationality,
            NationalIdHash = s.NationalId.LookupHash,
            Phone = s.Phone,
            Email = s.Email,
            Position = s.Position,
            Department = s.Department,
            HireDate = s.HireDate,
            Status = s.Status,
            LeftOn = s.LeftOn,
            LeftReason = s.LeftReason,
        });
        await foreach (var person in people.AsAsyncEnumerable().WithCancellation(ct))
        {
            byId[person.Id] = person;
            snapshot.ByEmployee.TryAdd(person.EmployeeNumber, person);
            if (person.NationalIdHash.Length > 0)
                Add(snapshot.ByNationalIdHash, person.NationalIdHash, person);
        }
        if (byId.Count == 0)
            return snapshot;

        // Ordered by Id so that a list reads back in the same order every time (the comparison itself ignores order).
        var expertise = db.Expertise.AsNoTracking().OrderBy(e => e.Id).Select(e => new { e.SpecialistId, e.Area, e.Level, e.Years });
        await foreach (var e in expertise.AsAsyncEnumerable().WithCancellation(ct))
            byId[e.SpecialistId].Expertise.Add(new RosterExpertise(e.Area, e.Level, e.Years));
        var education = db.Education.AsNoTracking().OrderBy(e => e.Id)
            .Select(e => new { e.SpecialistId, e.Degree, e.Field, e.Institution, e.Country, e.GraduationYear });
        await foreach (var e in education.AsAsyncEnumerable().WithCancellation(ct))
            byId[e.SpecialistId].Education.Add(RosterApplier.ToRecord(e.Degree, e.Field, e.Institution, e.Country, e.GraduationYear));
        var research = db.ResearchRecords.AsNoTracking().OrderBy(r => r.Id)
            .Select(r => new { r.SpecialistId, r.Kind, r.Title, r.Year, r.Role, r.Reference });
        await foreach (var r in research.AsAsyncEnumerable().WithCancellation(ct))
            byId[r.SpecialistId].Research.Add(RosterApplier.ToRecord(r.Kind, r.Title, r.Year, r.Role, r.Reference));
        var passports = db.Passports.AsNoTracking()
            .Select(p => new ExistingPassport(p.SpecialistId, p.IsCurrent, p.Number.LookupHash, p.Number.Last4, p.IssuingCountry, p.IssuedOn, p.ExpiresOn));
        await foreach (var p in passports.AsAsyncEnumerable().WithCancellation(ct))
        {
            var owner = byId[p.SpecialistId];
            if (p.IsCurrent)
                owner.CurrentPassport = p;
            if (p.Hash.Length > 0)
                Add(snapshot.ByPassportHash, p.Hash, owner);
        }
        return snapshot;
    }

    private static void Add(Dictionary<string, List<ExistingPerson>> index, string key, ExistingPerson person)
    {
        if (index.TryGetValue(key, out var list))
        {
            if (!list.Contains(person))
                list.Add(person);
        }
        else
        {
            index[key] = [person];
        }
    }
}
