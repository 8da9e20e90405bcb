using Microsoft.EntityFrameworkCore;
using SpecialistRegistry.Domain;
using SpecialistRegistry.Domain.Records;

namespace SpecialistRegistry.Data;

/// <summary>A specialist as a record, with what identifies the row it came from.</summary>
public sealed class LoadedRecord
{
    public Guid Id { get; init; }
    public Guid Version { get; init; }
    public SpecialistRecord Record { get; init; } = new();
    /// <summary>The keyed hash of every passport the person has had, current or not.</summary>
    public List<string> PassportHashes { get; } = [];
    /// <summary>The passports the custody office has taken in, by keyed hash: their details are the office's to change.</summary>
    public Dictionary<string, PassportRecord> PassportsInCustody { get; } = new(StringComparer.Ordinal);
}

/// <summary>
/// Reads specialists as <see cref="SpecialistRecord"/>s in five queries (people, then each list and the
/// passports for the same people, no N+1), read-only. The import compares files with these; filings freeze them.
/// </summary>
public static class SpecialistRecords
{
    /// <summary>The records of <paramref name="people"/> (a query over <paramref name="db"/>'s specialists), in the order of the query.</summary>
    public static async Task<List<LoadedRecord>> LoadAsync(RegistryDb db, IQueryable<Specialist> people, CancellationToken ct)
    {
        var loaded = new List<LoadedRecord>();
        var byId = new Dictionary<Guid, LoadedRecord>();
        var rows = people.AsNoTracking().Select(s => new LoadedRecord
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
        await foreach (var person in rows.AsAsyncEnumerable().WithCancellation(ct))
        {
            loaded.Add(person);
            byId[person.Id] = person;
        }
        if (loaded.Count == 0)
            return loaded;

        var ids = people.Select(s => s.Id);
        // Ordered by Id so that a list reads back in the same order every time (comparisons ignore the order).
        var expertise = db.Expertise.AsNoTracking().Where(e => ids.Contains(e.SpecialistId)).OrderBy(e => e.Id)
            .Select(e => new { e.SpecialistId, e.Area, e.Level, e.Years });
        await foreach (var e in expertise.AsAsyncEnumerable().WithCancellation(ct))
            byId[e.SpecialistId].Record.Expertise.Add(new ExpertiseItem(e.Area, e.Level, e.Years));
        var education = db.Education.AsNoTracking().Where(e => ids.Contains(e.SpecialistId)).OrderBy(e => e.Id)
            .Select(e => new { e.SpecialistId, e.Degree, e.Field, e.Institution, e.Country, e.GraduationYear });
        await foreach (var e in education.AsAsyncEnumerable().WithCancellation(ct))
            byId[e.SpecialistId].Record.Education.Add(EducationItem.Of(e.Degree, e.Field, e.Institution, e.Country, e.GraduationYear));
        var research = db.ResearchRecords.AsNoTracking().Where(r => ids.Contains(r.SpecialistId)).OrderBy(r => r.Id)
            .Select(r => new { r.SpecialistId, r.Kind, r.Title, r.Year, r.Role, r.Reference });
        await foreach (var r in research.AsAsyncEnumerable().WithCancellation(ct))
            byId[r.SpecialistId].Record.Research.Add(ResearchItem.Of(r.Kind, r.Title, r.Year, r.Role, r.Reference));
        var passports = db.Passports.AsNoTracking().Where(p => ids.Contains(p.SpecialistId))
            .Select(p => new { p.SpecialistId, p.IsCurrent, p.Number.LookupHash, p.Number.Last4, p.IssuingCountry, p.IssuedOn, p.ExpiresOn, p.CustodyStatus });
        await foreach (var p in passports.AsAsyncEnumerable().WithCancellation(ct))
        {
            var owner = byId[p.SpecialistId];
            if (p.IsCurrent)
                owner.Record.Passport = new PassportRecord(new MaskedNumber(p.Last4, p.LookupHash), p.IssuingCountry.Trim(), p.IssuedOn, p.ExpiresOn);
            if (p.LookupHash.Length > 0)
                owner.PassportHashes.Add(p.LookupHash);
            if (p.LookupHash.Length > 0 && p.CustodyStatus != CustodyStatus.NotHeld)
                owner.PassportsInCustody[p.LookupHash] = new PassportRecord(new MaskedNumber(p.Last4, p.LookupHash), p.IssuingCountry.Trim(), p.IssuedOn, p.ExpiresOn);
        }
        return loaded;
    }
}
