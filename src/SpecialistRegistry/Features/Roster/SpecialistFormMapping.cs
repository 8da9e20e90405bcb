using SpecialistRegistry.Domain;

namespace SpecialistRegistry.Features.Roster;

/// <summary>Entity ↔ form. Sensitive numbers never go into the form in full: only masked, until revealed.</summary>
internal static class SpecialistFormMapping
{
    public static SpecialistForm ToForm(Specialist s) => new()
    {
        Id = s.Id,
        Version = s.Version,
        EmployeeNumber = s.EmployeeNumber,
        FullName = s.FullName,
        LatinName = s.LatinName,
        Gender = s.Gender,
        DateOfBirth = s.DateOfBirth.ToDateTime(TimeOnly.MinValue),
        Nationality = s.Nationality,
        NationalIdMasked = s.NationalId.Masked,
        Phone = s.Phone,
        Email = s.Email,
        Position = s.Position,
        Department = s.Department,
        HireDate = s.HireDate.ToDateTime(TimeOnly.MinValue),
        Status = s.Status,
        LeftOn = s.LeftOn,
        LeftReason = s.LeftReason,
        Expertise = s.Expertise.OrderByDescending(e => e.Level).ThenBy(e => e.Area)
            .Select(e => new ExpertiseForm { Id = e.Id, Area = e.Area, Level = e.Level, Years = e.Years }).ToList(),
        Education = s.Education.OrderBy(e => e.GraduationYear)
            .Select(e => new EducationForm { Id = e.Id, Degree = e.Degree, Field = e.Field, Institution = e.Institution, Country = e.Country, GraduationYear = e.GraduationYear }).ToList(),
        Research = s.Research.OrderByDescending(r => r.Year)
            .Select(r => new ResearchForm { Id = r.Id, Kind = r.Kind, Title = r.Title, Year = r.Year, Role = r.Role, Reference = r.Reference }).ToList(),
        Passports = s.Passports.OrderByDescending(p => p.IsCurrent).ThenByDescending(p => p.IssuedOn)
            .Select(p => new PassportForm
            {
                Id = p.Id, NumberMasked = p.Number.Masked, IssuingCountry = p.IssuingCountry,
                IssuedOn = p.IssuedOn.ToDateTime(TimeOnly.MinValue), ExpiresOn = p.ExpiresOn.ToDateTime(TimeOnly.MinValue),
                IsCurrent = p.IsCurrent, CustodyStatus = p.CustodyStatus,
            }).ToList(),
    };

    public static DateOnly ToDate(DateTime? value) => DateOnly.FromDateTime(value!.Value);
}
