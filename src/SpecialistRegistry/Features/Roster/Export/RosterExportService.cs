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

/// <summary>The people whose full numbers one export may carry, as recorded in the audit trail before it was sent.</summary>
public sealed record FullNumbersExport(Guid ExportId, IReadOnlySet<Guid> People);

/// <summary>
/// The current Firm HR user's roster in the import format. By default passport and national ID numbers are
/// masked (<c>••••1234</c>; importing such a file keeps the numbers on record). Full numbers need a reason, and
/// are audited per person before the first byte is sent. People are read a chunk at a time, once per sheet,
/// so a large roster streams to the response and is never held whole.
/// </summary>
public sealed class RosterExportService(IDbContextFactory<RegistryDb> dbFactory, CurrentUser currentUser, FieldProtector protector,
    IStringLocalizer<RosterText> text, DisclosureWatch disclosures)
{
    private const int ChunkSize = 1000;
    public const int MinReasonLength = 10;
    public const int MaxReasonLength = 500;

    /// <summary>Records a masked export in the audit trail; call before the first byte is sent.</summary>
    public async Task<int> RecordExportAsync(TableFormat format, RosterLanguage language, CancellationToken ct = default)
    {
        var firmId = RequireFirm();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var count = await db.Specialists.CountAsync(ct);
        db.RecordAuditEvent("RosterExported", nameof(Firm), firmId.ToString(), new Dictionary<string, string?>
        {
            ["format"] = format.Extension(),
            ["language"] = language.Code(),
            ["numbers"] = "masked",
            ["specialists"] = count.ToString(CultureInfo.InvariantCulture),
        });
        await disclosures.NoteAsync(db, DisclosureKind.Export, ct);
        await db.SaveChangesAsync(ct);
        return count;
    }

    /// <summary>Why <paramref name="reason"/> cannot justify a full-number export, or null when it can.</summary>
    public string? ReasonProblem(string? reason)
    {
        var trimmed = reason?.Trim() ?? "";
        return trimmed.Length < MinReasonLength ? text["FullExportReasonTooShort", MinReasonLength].Value
            : trimmed.Length > MaxReasonLength ? text["FullExportReasonTooLong", MaxReasonLength].Value
            : CleanText.Problem(trimmed, multiline: true);
    }

    /// <summary>
    /// Records an export with full numbers: one entry for the export (format, reason, how many people) and one
    /// per person whose numbers it carries, so each person's history says who took their numbers and why.
    /// Only these people's numbers are written in full; anyone added after this moment is masked.
    /// </summary>
    public async Task<FullNumbersExport> RecordFullExportAsync(TableFormat format, RosterLanguage language, string? reason, CancellationToken ct = default)
    {
        var firmId = RequireFirm();
        if (ReasonProblem(reason) is { } problem)
            throw new DomainException(problem);
        var why = reason!.Trim();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var people = await db.Specialists.AsNoTracking()
            .Where(s => s.NationalId.Cipher != "" || s.Passports.Any(p => p.IsCurrent && p.Number.Cipher != ""))
            .Select(s => s.Id).ToListAsync(ct);
        var exportId = Guid.CreateVersion7();
        db.RecordAuditEvent("RosterExported", nameof(Firm), firmId.ToString(), new Dictionary<string, string?>
        {
            ["export"] = exportId.ToString(),
            ["format"] = format.Extension(),
            ["language"] = language.Code(),
            ["numbers"] = "full",
            ["reason"] = why,
            ["specialists"] = people.Count.ToString(CultureInfo.InvariantCulture),
        });
        foreach (var id in people)
            db.RecordAuditEvent("FullNumbersExported", nameof(Specialist), id.ToString(), new Dictionary<string, string?>
            {
                ["export"] = exportId.ToString(),
                ["reason"] = why,
            });
        await disclosures.NoteAsync(db, DisclosureKind.Export, ct);
        await db.SaveChangesAsync(ct);
        return new FullNumbersExport(exportId, people.ToHashSet());
    }

    /// <summary>Writes the roster; numbers in full only for the people of <paramref name="full"/>, masked for everyone else.</summary>
    public async Task WriteAsync(TableFormat format, RosterLanguage language, Stream output, FullNumbersExport? full = null, CancellationToken ct = default)
    {
        RequireFirm();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var writer = await TableWriter.CreateAsync(format, output, ct);
        await RosterFileWriter.WriteAsync(writer, () => ReadAsync(db, full?.People, ct), withExplanations: false, language, ct);
    }

    /// <summary>The firm's specialists by employee number, with their lists and current passport.</summary>
    internal async IAsyncEnumerable<RosterPerson> ReadAsync(RegistryDb db, IReadOnlySet<Guid>? fullNumbersOf, [EnumeratorCancellation] CancellationToken ct)
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
                yield return ToPerson(specialist, fullNumbersOf?.Contains(specialist.Id) == true);
            if (chunk.Count < ChunkSize)
                yield break;
            after = chunk[^1].EmployeeNumber;
        }
    }

    private RosterPerson ToPerson(Specialist s, bool fullNumbers)
    {
        string Number(SensitiveValue v) => fullNumbers ? protector.Reveal(v) : v.Masked;
        var person = new RosterPerson
        {
            EmployeeNumber = s.EmployeeNumber,
            FullName = s.FullName,
            LatinName = s.LatinName,
            Gender = s.Gender,
            DateOfBirth = s.DateOfBirth,
            Nationality = s.Nationality,
            NationalIdNumber = Number(s.NationalId),
            Phone = s.Phone,
            Email = s.Email,
            Position = s.Position,
            Department = s.Department,
            HireDate = s.HireDate,
            Status = s.Status,
            LeftOn = s.LeftOn,
            LeftReason = s.LeftReason,
            Passport = s.Passports.FirstOrDefault() is { } p
                ? new RosterPassport(Number(p.Number), p.IssuingCountry, p.IssuedOn, p.ExpiresOn)
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
