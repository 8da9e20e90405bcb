using SpecialistRegistry.Data;
using SpecialistRegistry.Domain;
using SpecialistRegistry.Domain.Records;
using SpecialistRegistry.Files.Roster;

namespace SpecialistRegistry.Features.Roster.Import;

/// <summary>
/// Writes checked rows into entities: a new <see cref="Specialist"/> for a new person, and for a known one only
/// the fields and list items that differ, so that the audit trail shows exactly what the import changed.
/// Numbers are encrypted only when their keyed hash differs (a new ciphertext would be a change of its own).
/// </summary>
internal sealed class RosterApplier(RegistryDb db, FieldProtector protector, Guid firmId, DateTimeOffset now)
{
    public Specialist Create(RosterPerson p)
    {
        var specialist = new Specialist
        {
            FirmId = firmId,
            EmployeeNumber = p.EmployeeNumber,
            FullName = p.FullName,
            LatinName = p.LatinName,
            Gender = p.Gender,
            DateOfBirth = p.DateOfBirth,
            Nationality = p.Nationality,
            NationalId = protector.Protect(p.NationalIdNumber),
            Phone = p.Phone,
            Email = p.Email,
            Position = p.Position,
            Department = p.Department,
            HireDate = p.HireDate,
            Status = p.Status,
            LeftOn = p.LeftOn,
            LeftReason = p.LeftReason,
            UpdatedAt = now,
        };
        specialist.Expertise.AddRange(p.Expertise.Select(e => NewExpertise(specialist.Id, e)));
        specialist.Education.AddRange(p.Education.Select(e => NewEducation(specialist.Id, e)));
        specialist.Research.AddRange(p.Research.Select(r => NewResearch(specialist.Id, r)));
        if (p.Passport is { } passport)
            specialist.Passports.Add(NewPassport(specialist.Id, passport, replaces: null));
        return specialist;
    }

    /// <summary>Brings a tracked specialist, loaded with all four lists, in line with the file.</summary>
    public void Update(Specialist s, ImportedRow row)
    {
        var p = row.Person;
        s.FullName = p.FullName;
        s.LatinName = p.LatinName;
        s.Gender = p.Gender;
        s.DateOfBirth = p.DateOfBirth;
        s.Nationality = p.Nationality;
        if (s.NationalId.LookupHash != row.NationalIdHash)
            s.NationalId = protector.Protect(p.NationalIdNumber);
        s.Phone = p.Phone;
        s.Email = p.Email;
        s.Position = p.Position;
        s.Department = p.Department;
        s.HireDate = p.HireDate;
        s.Status = p.Status;
        s.LeftOn = p.LeftOn;
        s.LeftReason = p.LeftReason;
        s.UpdatedAt = now;

        Sync(s.Expertise, p.Expertise, e => new ExpertiseItem(e.Area, e.Level, e.Years), e => NewExpertise(s.Id, e));
        Sync(s.Education, p.Education, e => EducationItem.Of(e.Degree, e.Field, e.Institution, e.Country, e.GraduationYear), e => NewEducation(s.Id, e));
        Sync(s.Research, p.Research, r => ResearchItem.Of(r.Kind, r.Title, r.Year, r.Role, r.Reference), r => NewResearch(s.Id, r));
        if (p.Passport is { } passport)
            SyncPassport(s, passport, row.PassportHash);
    }

    /// <summary>Keeps items present in both, deletes the ones the file no longer has, adds the new ones.</summary>
    private void Sync<TEntity, TRecord>(List<TEntity> entities, List<TRecord> wanted, Func<TEntity, TRecord> toRecord, Func<TRecord, TEntity> create)
        where TEntity : class where TRecord : notnull
    {
        var remaining = new List<TRecord>(wanted);
        foreach (var entity in entities.ToList())
        {
            var index = remaining.IndexOf(toRecord(entity));
            if (index >= 0)
            {
                remaining.RemoveAt(index);
                continue;
            }
            entities.Remove(entity);
            db.Remove(entity);
        }
        foreach (var record in remaining)
        {
            var entity = create(record);
            entities.Add(entity);
            db.Add(entity);
        }
    }

    /// <summary>
    /// The file names the current passport. The same number updates it; a number the person had before becomes
    /// current again; a new number adds a passport that replaces the old one, which stays on record (with its
    /// custody history) as no longer current.
    /// </summary>
    private void SyncPassport(Specialist s, RosterPassport wanted, string hash)
    {
        var current = s.Passports.FirstOrDefault(p => p.IsCurrent);
        var target = current?.Number.LookupHash == hash ? current : s.Passports.FirstOrDefault(p => p.Number.LookupHash == hash);
        if (target is null)
        {
            target = NewPassport(s.Id, wanted, current?.Id);
            s.Passports.Add(target);
            db.Add(target);
        }
        if (current is not null && current != target)
            current.IsCurrent = false;
        target.IsCurrent = true;
        // The comparison refused a file that changes a passport in custody, so this refuses nothing it lets through.
        target.UpdateDetails(SensitiveValue.Empty, wanted.IssuingCountry, wanted.IssuedOn, wanted.ExpiresOn);
    }

    private static Expertise NewExpertise(Guid specialistId, ExpertiseItem e) =>
        new() { SpecialistId = specialistId, Area = e.Area, Level = e.Level, Years = e.Years };

    private static Education NewEducation(Guid specialistId, EducationItem e) => new()
    {
        SpecialistId = specialistId, Degree = e.Degree, Field = e.Field, Institution = e.Institution, Country = e.Country, GraduationYear = e.GraduationYear,
    };

    private static ResearchRecord NewResearch(Guid specialistId, ResearchItem r) => new()
    {
        SpecialistId = specialistId, Kind = r.Kind, Title = r.Title, Year = r.Year, Role = r.Role, Reference = r.Reference,
    };

    private Passport NewPassport(Guid specialistId, RosterPassport p, Guid? replaces) => new()
    {
        SpecialistId = specialistId,
        Number = protector.Protect(p.Number),
        IssuingCountry = p.IssuingCountry,
        IssuedOn = p.IssuedOn,
        ExpiresOn = p.ExpiresOn,
        IsCurrent = true,
        ReplacesPassportId = replaces,
    };
}
