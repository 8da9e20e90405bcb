using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using SpecialistRegistry.Auth;
using SpecialistRegistry.Data;
using SpecialistRegistry.Domain;
using SpecialistRegistry.Files.Roster;
using SpecialistRegistry.Web;

namespace SpecialistRegistry.Features.Roster;

public enum SensitiveField
{
    NationalId,
    Passport,
}

/// <summary>A revealed number (null when there is none to show), or why the reveal was refused.</summary>
public sealed record RevealResult(string? Number, string? Refusal);

/// <summary>
/// Loads and saves one specialist of the Firm HR user's firm. One save is one transaction (the audit entries
/// ride along); a save on top of someone else's newer save is refused and the other version returned.
/// </summary>
public sealed class SpecialistEditorService(
    IDbContextFactory<RegistryDb> dbFactory, FieldProtector protector, CurrentUser currentUser, TimeProvider clock,
    IStringLocalizer<RosterText> text, DisclosureWatch disclosures, ActionThrottle throttle)
{
    public async Task<SpecialistForm?> LoadAsync(Guid id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var specialist = await WithLists(db.Specialists.AsNoTracking()).SingleOrDefaultAsync(s => s.Id == id, ct);
        return specialist is null ? null : SpecialistFormMapping.ToForm(specialist);
    }

    /// <summary>Shows a stored number in full. Every reveal is an audit entry; too many in a row are refused for a while.</summary>
    public async Task<RevealResult> RevealAsync(Guid specialistId, SensitiveField field, Guid? passportId = null, CancellationToken ct = default)
    {
        if (throttle.Refusal(ThrottledAction.Reveal, currentUser.Get()) is { } tooMany)
            return new RevealResult(null, tooMany);
        return new RevealResult(await RevealNumberAsync(specialistId, field, passportId, ct), null);
    }

    private async Task<string?> RevealNumberAsync(Guid specialistId, SensitiveField field, Guid? passportId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var specialist = await db.Specialists.Include(s => s.Passports).SingleOrDefaultAsync(s => s.Id == specialistId, ct);
        if (specialist is null)
            return null;
        var value = field == SensitiveField.NationalId
            ? specialist.NationalId
            : specialist.Passports.SingleOrDefault(p => p.Id == passportId)?.Number;
        if (value is null || value.IsEmpty)
            return null;
        db.RecordAuditEvent(field == SensitiveField.NationalId ? "RevealedNationalId" : "RevealedPassportNumber",
            field == SensitiveField.NationalId ? nameof(Specialist) : nameof(Passport),
            (field == SensitiveField.NationalId ? specialistId : passportId!.Value).ToString(),
            // Recorded as a code-like fixed text so the trail reads the same whatever language the user had.
            new Dictionary<string, string?> { ["Reason"] = "Opened in the roster editor by the specialist's own firm" });
        await disclosures.NoteAsync(db, DisclosureKind.Reveal, ct);
        await db.SaveChangesAsync(ct);
        return protector.Reveal(value);
    }

    public async Task<SaveOutcome> SaveAsync(SpecialistForm form, CancellationToken ct = default)
    {
        if (currentUser.Get().FirmId is not { } firmId)
            return SaveOutcome.Error("", text["AccountNoFirm"]);
        var errors = Validate(form);
        if (errors.Count > 0)
            return new SaveOutcome.Invalid(errors);

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        Specialist specialist;
        if (form.Id is { } id)
        {
            var existing = await WithLists(db.Specialists).SingleOrDefaultAsync(s => s.Id == id, ct);
            if (existing is null)
                return new SaveOutcome.NotFound();
            if (existing.Version != form.Version)
                return new SaveOutcome.Conflict(SpecialistFormMapping.ToForm(existing));
            specialist = existing;
            // Guards the race between this check and the write: the UPDATE matches only the version the user started from.
            db.Entry(specialist).Property(s => s.Version).OriginalValue = form.Version;
        }
        else
        {
            specialist = new Specialist { FirmId = firmId };
            db.Specialists.Add(specialist);
        }

        errors = await CheckUniquenessAsync(db, specialist.Id, form, ct);
        foreach (var (field, message) in CheckPassportsInCustody(specialist, form))
            errors.TryAdd(field, message);
        if (errors.Count > 0)
            return new SaveOutcome.Invalid(errors);

        Apply(db, specialist, form);
        try
        {
            await db.SaveChangesAsync(ct);
            return new SaveOutcome.Saved(specialist.Id);
        }
        catch (DbUpdateConcurrencyException)
        {
            return await LoadAsync(specialist.Id, ct) is { } theirs ? new SaveOutcome.Conflict(theirs) : new SaveOutcome.NotFound();
        }
    }

    /// <summary>The person leaves the firm: status, date and reason are recorded; their history stays.</summary>
    public async Task<SaveOutcome> RecordLeavingAsync(Guid id, Guid version, DateOnly leftOn, string reason, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var specialist = await db.Specialists.SingleOrDefaultAsync(s => s.Id == id, ct);
        if (specialist is null)
            return new SaveOutcome.NotFound();
        if (specialist.Version != version)
            return await LoadAsync(id, ct) is { } theirs ? new SaveOutcome.Conflict(theirs) : new SaveOutcome.NotFound();
        if (leftOn > Today.AddDays(31))
            return SaveOutcome.Error(nameof(SpecialistForm.LeftOn), text["LeavingTooFar"]);
        try
        {
            specialist.RecordLeaving(leftOn, reason);
        }
        catch (DomainException e)
        {
            return SaveOutcome.Error(nameof(SpecialistForm.LeftOn), e.Message);
        }
        db.Entry(specialist).Property(s => s.Version).OriginalValue = version;
        specialist.UpdatedAt = clock.GetUtcNow();
        await Features.Travel.TravelOnLeaving.WithdrawAsync(db, id, leftOn, specialist.UpdatedAt, ct);
        try
        {
            await db.SaveChangesAsync(ct);
            return new SaveOutcome.Saved(id);
        }
        catch (DbUpdateConcurrencyException)
        {
            return await LoadAsync(id, ct) is { } theirs ? new SaveOutcome.Conflict(theirs) : new SaveOutcome.NotFound();
        }
    }

    private DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    private static IQueryable<Specialist> WithLists(IQueryable<Specialist> specialists) => specialists
        .Include(s => s.Expertise).Include(s => s.Education).Include(s => s.Research).Include(s => s.Passports)
        .AsSplitQuery();

    /// <summary>Everything that can be checked without the database, keyed by field path.</summary>
    private Dictionary<string, string> Validate(SpecialistForm form)
    {
        var errors = new Dictionary<string, string>();
        void Check(object model, string prefix)
        {
            var results = new List<ValidationResult>();
            Validator.TryValidateObject(model, new ValidationContext(model), results, validateAllProperties: true);
            foreach (var r in results)
                foreach (var member in r.MemberNames)
                    errors.TryAdd(prefix + member, r.ErrorMessage ?? text["InvalidValue"]);
        }
        Check(form, "");
        for (var i = 0; i < form.Expertise.Count; i++) Check(form.Expertise[i], $"Expertise[{i}].");
        for (var i = 0; i < form.Education.Count; i++) Check(form.Education[i], $"Education[{i}].");
        for (var i = 0; i < form.Research.Count; i++) Check(form.Research[i], $"Research[{i}].");
        for (var i = 0; i < form.Passports.Count; i++) Check(form.Passports[i], $"Passports[{i}].");

        // Ranges first (PersonDates): the age arithmetic below would overflow on 9999-12-31.
        DateOnly? dob = form.DateOfBirth is { } born ? DateOnly.FromDateTime(born) : null;
        DateOnly? hire = form.HireDate is { } hired ? DateOnly.FromDateTime(hired) : null;
        if (dob is { } d && PersonDates.IsBeforeEarliest(d))
            errors.TryAdd(nameof(form.DateOfBirth), text["BirthBefore1900"]);
        else if (dob > Today)
            errors.TryAdd(nameof(form.DateOfBirth), text["BirthInFuture"]);
        else if (dob is { } d2 && !PersonDates.WasOfAge(d2, Today))
            errors.TryAdd(nameof(form.DateOfBirth), text["BirthAtLeast16"]);
        if (hire is { } h && PersonDates.IsBeforeEarliest(h))
            errors.TryAdd(nameof(form.HireDate), text["HireBefore1900"]);
        else if (hire is { } h2 && PersonDates.IsTooFarAhead(h2, Today))
            errors.TryAdd(nameof(form.HireDate), text["HireAtMostYearAhead"]);
        else if (hire is { } h3 && dob is { } d3 && !errors.ContainsKey(nameof(form.DateOfBirth)) && !PersonDates.WasOfAge(d3, h3))
            errors.TryAdd(nameof(form.HireDate), text["HireAfter16"]);
        if (form.Email.Trim() is { Length: > 0 } email && !new EmailAddressAttribute().IsValid(email))
            errors.TryAdd(nameof(form.Email), text["EnterValidEmail"]);
        // Roster files read a row whose first cell starts with # as a note: such a number would vanish from an export's re-import.
        if (form.EmployeeNumber.TrimStart().StartsWith(RosterFormat.NoteMarker))
            errors.TryAdd(nameof(form.EmployeeNumber), text["NoHashEmployeeNumber", RosterFormat.NoteMarker]);
        var duplicateAreas = form.Expertise.GroupBy(e => e.Area).Where(g => g.Count() > 1).Select(g => DisplayText.Of(g.Key)).ToList();
        if (duplicateAreas.Count > 0)
            errors.TryAdd("Expertise", text["AreaTwice", string.Join(text["ListSeparator"], duplicateAreas)]);
        for (var i = 0; i < form.Passports.Count; i++)
        {
            var p = form.Passports[i];
            if (p.Id is null && string.IsNullOrWhiteSpace(p.Number))
                errors.TryAdd($"Passports[{i}].Number", text["EnterPassportNumber"]);
            else if (!string.IsNullOrWhiteSpace(p.Number) && FieldProtector.Normalize(p.Number) is var typed && !typed.All(char.IsAsciiLetterOrDigit))
                errors.TryAdd($"Passports[{i}].Number", text["NumberLettersDigits", text["Noun_PassportNumber"]]);
            else if (!string.IsNullOrWhiteSpace(p.Number) && FieldProtector.Normalize(p.Number).Length == 0)
                errors.TryAdd($"Passports[{i}].Number", text["NumberBlank", text["Noun_PassportNumber"]]);
            DateOnly? issuedOn = p.IssuedOn is { } issued ? DateOnly.FromDateTime(issued) : null;
            DateOnly? expiresOn = p.ExpiresOn is { } expires ? DateOnly.FromDateTime(expires) : null;
            if (issuedOn is { } io && PersonDates.IsBeforeEarliest(io))
                errors.TryAdd($"Passports[{i}].IssuedOn", text["PassportIssuedBefore1900"]);
            else if (issuedOn > Today)
                errors.TryAdd($"Passports[{i}].IssuedOn", text["PassportIssuedInFuture"]);
            if (issuedOn is { } io2 && expiresOn is { } eo && eo <= io2)
                errors.TryAdd($"Passports[{i}].ExpiresOn", text["ExpiryAfterIssue"]);
            // Only from an issue date in range: 9999-12-31 plus the validity does not exist.
            else if (issuedOn is { } io3 && !PersonDates.IsBeforeEarliest(io3) && io3 <= Today && expiresOn is { } eo2 && PersonDates.ExpiresTooLate(io3, eo2))
                errors.TryAdd($"Passports[{i}].ExpiresOn", text["PassportValidityTooLong", PersonDates.MaxPassportValidityYears]);
        }
        if (form.Passports.Count(p => p.IsCurrent) > 1)
            errors.TryAdd("Passports", text["OneCurrentPassport"]);
        return errors;
    }

    /// <summary>Employee number, national ID and passport numbers may belong to one person of the firm only.</summary>
    private async Task<Dictionary<string, string>> CheckUniquenessAsync(RegistryDb db, Guid selfId, SpecialistForm form, CancellationToken ct)
    {
        var errors = new Dictionary<string, string>();
        var employeeNumber = form.EmployeeNumber.Trim();
        if (await db.Specialists.AnyAsync(s => s.Id != selfId && s.EmployeeNumber == employeeNumber, ct))
            errors[nameof(form.EmployeeNumber)] = text["EmployeeNumberTaken", employeeNumber];
        if (!string.IsNullOrWhiteSpace(form.NationalIdNumber))
        {
            var hash = protector.LookupHash(form.NationalIdNumber);
            var holder = await db.Specialists.Where(s => s.Id != selfId && s.NationalId.LookupHash == hash).Select(s => s.FullName).FirstOrDefaultAsync(ct);
            if (holder is not null)
                errors[nameof(form.NationalIdNumber)] = text["NationalIdTaken", holder];
        }
        var typed = form.Passports.Select((p, i) => (p, i)).Where(x => !string.IsNullOrWhiteSpace(x.p.Number)).ToList();
        foreach (var (p, i) in typed)
        {
            var hash = protector.LookupHash(p.Number);
            if (typed.Any(o => o.i != i && protector.LookupHash(o.p.Number) == hash))
                errors.TryAdd($"Passports[{i}].Number", text["PassportTwice"]);
            var holder = await db.Passports.Where(x => x.SpecialistId != selfId && x.Number.LookupHash == hash)
                .Select(x => x.Specialist!.FullName).FirstOrDefaultAsync(ct);
            if (holder is not null)
                errors.TryAdd($"Passports[{i}].Number", text["PassportTaken", holder]);
        }
        return errors;
    }

    /// <summary>A passport the custody office has taken in keeps the details on its receipts: the firm may not change them.</summary>
    private IEnumerable<(string Field, string Message)> CheckPassportsInCustody(Specialist s, SpecialistForm form)
    {
        for (var i = 0; i < form.Passports.Count; i++)
        {
            var pf = form.Passports[i];
            if (pf.Id is not { } id || s.Passports.SingleOrDefault(p => p.Id == id) is not { DetailsLocked: true } held)
                continue;
            var number = string.IsNullOrWhiteSpace(pf.Number) ? SensitiveValue.Empty : protector.Protect(pf.Number);
            if (!held.SameDetails(number, Countries.Canonical(pf.IssuingCountry), SpecialistFormMapping.ToDate(pf.IssuedOn), SpecialistFormMapping.ToDate(pf.ExpiresOn)))
                yield return ($"Passports[{i}].Number", DomainText.Get("Passport_DetailsLocked", held.Number.Masked));
        }
    }

    private void Apply(RegistryDb db, Specialist s, SpecialistForm f)
    {
        s.EmployeeNumber = f.EmployeeNumber.Trim();
        s.FullName = f.FullName.Trim();
        s.LatinName = f.LatinName.Trim();
        s.Gender = f.Gender!.Value; // Validate refused a form without one.
        s.DateOfBirth = SpecialistFormMapping.ToDate(f.DateOfBirth);
        s.Nationality = Countries.Canonical(f.Nationality);
        if (!string.IsNullOrWhiteSpace(f.NationalIdNumber) && protector.LookupHash(f.NationalIdNumber) != s.NationalId.LookupHash)
            s.NationalId = protector.Protect(f.NationalIdNumber);
        s.Phone = f.Phone.Trim();
        s.Email = f.Email.Trim();
        s.Position = f.Position.Trim();
        s.Department = f.Department.Trim();
        s.HireDate = SpecialistFormMapping.ToDate(f.HireDate);
        // The row counts as changed even when only a list changed, so its Version is renewed and a
        // concurrent edit of the lists is caught too.
        s.UpdatedAt = clock.GetUtcNow();
        if (db.Entry(s).State == EntityState.Unchanged)
            db.Entry(s).Property(x => x.UpdatedAt).IsModified = true;

        ListSync.Apply(db, s.Expertise, f.Expertise, e => e.Id, x => x.Id,
            x => new Expertise { SpecialistId = s.Id },
            (x, e) => { e.Area = x.Area; e.Level = x.Level; e.Years = x.Years; });
        ListSync.Apply(db, s.Education, f.Education, e => e.Id, x => x.Id,
            x => new Education { SpecialistId = s.Id },
            (x, e) => { e.Degree = x.Degree; e.Field = x.Field.Trim(); e.Institution = x.Institution.Trim(); e.Country = Countries.Canonical(x.Country); e.GraduationYear = x.GraduationYear; });
        ListSync.Apply(db, s.Research, f.Research, r => r.Id, x => x.Id,
            x => new ResearchRecord { SpecialistId = s.Id },
            (x, r) => { r.Kind = x.Kind; r.Title = x.Title.Trim(); r.Year = x.Year; r.Role = x.Role.Trim(); r.Reference = x.Reference.Trim(); });
        ApplyPassports(s, f);
    }

    // Passports are never deleted here: their custody history must stay. A replaced one is marked not current.
    private void ApplyPassports(Specialist s, SpecialistForm f)
    {
        foreach (var pf in f.Passports)
        {
            // The same number typed again keeps its stored ciphertext (UpdateDetails compares look-up hashes).
            var number = string.IsNullOrWhiteSpace(pf.Number) ? SensitiveValue.Empty : protector.Protect(pf.Number);
            var (country, issued, expires) = (Countries.Canonical(pf.IssuingCountry), SpecialistFormMapping.ToDate(pf.IssuedOn), SpecialistFormMapping.ToDate(pf.ExpiresOn));
            var passport = pf.Id is { } pid ? s.Passports.Single(p => p.Id == pid) : null;
            if (passport is null)
            {
                passport = new Passport { SpecialistId = s.Id, Number = number, IssuingCountry = country, IssuedOn = issued, ExpiresOn = expires };
                s.Passports.Add(passport);
            }
            else
            {
                // Checked above for a passport in custody, so this refuses nothing the form could send.
                passport.UpdateDetails(number, country, issued, expires);
            }
            passport.IsCurrent = pf.IsCurrent;
        }
    }
}
