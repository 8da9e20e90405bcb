using Microsoft.EntityFrameworkCore;
using SpecialistRegistry.Data;
using SpecialistRegistry.Domain;
using SpecialistRegistry.Domain.Records;

namespace SpecialistRegistry.Features.Roster.Import;

/// <summary>A specialist of the firm as the import compares them: their record (numbers masked) and its version.</summary>
internal sealed class ExistingPerson
{
    public Guid Id { get; init; }
    public Guid Version { get; init; }
    public SpecialistRecord Record { get; init; } = new();
    public string EmployeeNumber => Record.EmployeeNumber;
    public string FullName => Record.FullName;
}

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
            Record = new SpecialistRecord
            {
                EmployeeNumber = s.EmployeeNumber,
                FullName = s.FullName,
                LatinName = s.LatinName,
                Gender = s.Gender,
                DateOfBirth = s.DateOfBirth,
                Nationality = s.Nationality,
                NationalId = new MaskedNumber(s.NationalId.Last4, s.NationalId.LookupHash),
                Phone = s.Phone,
                Email = s.Email,
                Position = s.Position,
                Department = s.Department,
                HireDate = s.HireDate,
                Status = s.Status,
                LeftOn = s.LeftOn,
                LeftReason = s.LeftReason ?? "",
            },
        });
        await foreach (var person in people.AsAsyncEnumerable().WithCancellation(ct))
        {
            byId[person.Id] = person;
            snapshot.ByEmployee.TryAdd(person.EmployeeNumber, person);
            if (!person.Record.NationalId.IsEmpty)
                Add(snapshot.ByNationalIdHash, person.Record.NationalId.Hash, person);
        }
        if (byId.Count == 0)
            return snapshot;

        // Ordered by Id so that a list reads back in the same order every time (the comparison itself ignores order).
        var expertise = db.Expertise.AsNoTracking().OrderBy(e => e.Id).Select(e => new { e.SpecialistId, e.Area, e.Level, e.Years });
        await foreach (var e in expertise.AsAsyncEnumerable().WithCancellation(ct))
            byId[e.SpecialistId].Record.Expertise.Add(new ExpertiseItem(e.Area, e.Level, e.Years));
        var education = db.Education.AsNoTracking().OrderBy(e => e.Id)
            .Select(e => new { e.SpecialistId, e.Degree, e.Field, e.Institution, e.Country, e.GraduationYear });
        await foreach (var e in education.AsAsyncEnumerable().WithCancellation(ct))
            byId[e.SpecialistId].Record.Education.Add(EducationItem.Of(e.Degree, e.Field, e.Institution, e.Country, e.GraduationYear));
        var research = db.ResearchRecords.AsNoTracking().OrderBy(r => r.Id)
            .Select(r => new { r.SpecialistId, r.Kind, r.Title, r.Year, r.Role, r.Reference });
        await foreach (var r in research.AsAsyncEnumerable().WithCancellation(ct))
            byId[r.SpecialistId].Record.Research.Add(ResearchItem.Of(r.Kind, r.Title, r.Year, r.Role, r.Reference));
        var passports = db.Passports.AsNoTracking()
            .Select(p => new { p.SpecialistId, p.IsCurrent, p.Number.LookupHash, p.Number.Last4, p.IssuingCountry, p.IssuedOn, p.ExpiresOn });
        await foreach (var p in passports.AsAsyncEnumerable().WithCancellation(ct))
        {
            var owner = byId[p.SpecialistId];
            if (p.IsCurrent)
                owner.Record.Passport = new PassportRecord(new MaskedNumber(p.Last4, p.LookupHash), p.IssuingCountry.Trim(), p.IssuedOn, p.ExpiresOn);
            if (p.LookupHash.Length > 0)
                Add(snapshot.ByPassportHash, p.LookupHash, owner);
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
