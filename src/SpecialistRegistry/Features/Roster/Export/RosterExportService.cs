using Microsoft.Extensions.Localization;
using System.Globalization;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using SpecialistRegistry.Auth;
using SpecialistRegistry.Data;
using SpecialistRegistry.Domain;
using SpecialistRegistry.Domain.Records;
using SpecialistRegistry.Files;
using SpecialistRegistry.Files.Roster;

namespace SpecialistRegistry.Features.Roster.Export;

/// <summary>
/// The current Firm HR user's roster in the import format, numbers in plain text (the user's role may see
/// them). Every export is an audited event. People are read a chunk at a time, once per sheet, so a large
/// roster streams to the response and is never held whole.
/// </summary>
public sealed class RosterExportService(IDbContextFactory<RegistryDb> dbFactory, CurrentUser currentUser, FieldProtector protector,
    IStringLocalizer<RosterText> text)
{
    private const int ChunkSize = 1000;

    /// <summary>Records the export in the audit trail; call before the first byte is sent.</summary>
    public async Task<int> RecordExportAsync(TableFormat format, RosterLanguage language, CancellationToken ct = default)
    {
        var firmId = RequireFirm();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var count = await db.Specialists.CountAsync(ct);
        db.RecordAuditEvent("RosterExported", nameof(Firm), firmId.ToString(), new Dictionary<string, string?>
        {
            ["format"] = format.Extension(),
            ["language"] = language.Code(),
            ["specialists"] = count.ToString(CultureInfo.InvariantCulture),
        });
        await db.SaveChangesAsync(ct);
        return count;
    }

    public async Task WriteAsync(TableFormat format, RosterLanguage language, Stream output, CancellationToken ct = default)
    {
        RequireFirm();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var writer = await TableWriter.CreateAsync(format, output, ct);
        await RosterFileWriter.WriteAsync(writer, () => ReadAsync(db, ct), withExplanations: false, language, ct);
    }

    /// <summary>The firm's specialists by employee number, with their lists and current passport.</summary>
    internal async IAsyncEnumerable<RosterPerson> ReadAsync(RegistryDb db, [EnumeratorCancellation] CancellationToken ct)
    {
        string? after = null;
        while (true)
        {
            var page = db.Specialists.AsNoTracking();
            if (after is not null)
                page = page.Where(s => string.Compare(s.EmployeeNumber, after) > 0);
            var chunk = await page.OrderBy(s => s.EmployeeNumber).Take(ChunkSize)
                .Include(s => s.Expertise.OrderBy(e => e.Id))
                .Include(s => s.Education.OrderBy(e => e.Id))
                .Include(s => s.Research.OrderBy(r => r.Id))
                .Include(s => s.Passports.Where(p => p.IsCurrent))
                .AsSplitQuery()
                .ToListAsync(ct);
            foreach (var specialist in chunk)
                yield return ToPerson(specialist);
            if (chunk.Count < ChunkSize)
                yield break;
            after = chunk[^1].EmployeeNumber;
        }
    }

    private RosterPerson ToPerson(Specialist s)
    {
        var person = new RosterPerson
        {
            EmployeeNumber = s.EmployeeNumber,
            FullName = s.FullName,
            LatinName = s.LatinName,
            Gender = s.Gender,
            DateOfBirth = s.DateOfBirth,
            Nationality = s.Nationality,
            NationalIdNumber = protector.Reveal(s.NationalId),
            Phone = s.Phone,
            Email = s.Email,
            Position = s.Position,
            Department = s.Department,
            HireDate = s.HireDate,
            Status = s.Status,
            LeftOn = s.LeftOn,
            LeftReason = s.LeftReason,
            Passport = s.Passports.FirstOrDefault() is { } p
                ? new RosterPassport(protector.Reveal(p.Number), p.IssuingCountry, p.IssuedOn, p.ExpiresOn)
                : null,
        };
        person.Expertise.AddRange(s.Expertise.Select(e => new ExpertiseItem(e.Area, e.Level, e.Years)));
        person.Education.AddRange(s.Education.Select(e => EducationItem.Of(e.Degree, e.Field, e.Institution, e.Country, e.GraduationYear)));
        person.Research.AddRange(s.Research.Select(r => ResearchItem.Of(r.Kind, r.Title, r.Year, r.Role, r.Reference)));
        return person;
    }

    private Guid RequireFirm()
    {
        var user = currentUser.Get();
        if (user.Role != Roles.FirmHR || user.FirmId is not { } firmId)
            throw new DomainException(text["ExportFirmHrOnly"]);
        return firmId;
    }
}
