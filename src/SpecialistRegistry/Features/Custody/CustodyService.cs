using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using SpecialistRegistry.Auth;
using SpecialistRegistry.Components.Shared;
using SpecialistRegistry.Data;
using SpecialistRegistry.Domain;
using SpecialistRegistry.Features.Travel;

namespace SpecialistRegistry.Features.Custody;

/// <summary>
/// The custody officer's entries: hand-in, release, return, lost, retired, replaced. Each is one save (the
/// audit entry rides along) guarded by the passport's Version, so of two officers logging the same passport
/// at once exactly one succeeds. Bad input is refused before anything is written. A release needs an approved,
/// unused trip of the holder (its approval is then used, in the same save); the return closes that trip.
/// </summary>
public sealed class CustodyService(
    IDbContextFactory<RegistryDb> dbFactory, FieldProtector protector, CurrentUser currentUser, TimeProvider clock,
    IOptions<TravelRules> travelRules, IStringLocalizer<CustodyText> T, IOptions<RequestLocalizationOptions> localization)
{
    // A clock a few seconds apart between browser and server must not make "now" look like the future.
    private static readonly TimeSpan FutureTolerance = TimeSpan.FromMinutes(2);

    public async Task<CustodyOutcome> HandInAsync(HandInInput input, CancellationToken ct = default)
    {
        var errors = new Dictionary<string, string>();
        Require(errors, nameof(input.Safe), input.Safe, T["E_Safe"]);
        Require(errors, nameof(input.Slot), input.Slot, T["E_Slot"]);
        Require(errors, nameof(input.Condition), input.Condition, T["E_Condition"]);
        RequireAcknowledgement(errors, input.AcknowledgedBy, input.BothPartiesAcknowledge, T["E_NameHandingIn"]);
        var at = CheckTime(errors, input.OccurredAt, "E_FutureHandIn");

        return await WriteAsync(input.PassportId, input.Version, errors, async (db, passport) =>
        {
            var differences = Compare(passport, input);
            if (differences.Count > 0)
                return CustodyOutcome.Error("", T["E_Mismatch", string.Join(" ", differences)]);
            if (await NotBeforeLastEventAsync(db, passport, at, ct) is { } order)
                return CustodyOutcome.Error(nameof(input.OccurredAt), order);
            var wasReleased = passport.CustodyStatus == CustodyStatus.Released;
            var dueBack = passport.DueBackOn;
            var handedIn = passport.HandIn(WithReceipt(new CustodyEvent
            {
                Kind = CustodyEventKind.HandIn,
                OccurredAt = at,
                StorageLocation = KeptAt.Stored(input.Safe, input.Slot),
                Condition = input.Condition.Trim(),
                AcknowledgedBy = input.AcknowledgedBy.Trim(),
                Note = Clean(input.Note),
            }));
            // Handed in while out for travel: it is back, so the trip it left for is closed as a return would close it.
            if (wasReleased)
            {
                var lateBy = dueBack is { } due ? Math.Max(0, DateOnly.FromDateTime(at.UtcDateTime).DayNumber - due.DayNumber) : 0;
                await CloseTripAsync(db, passport, handedIn, lateBy, ct);
            }
            return handedIn;
        }, ct);
    }

    /// <summary>
    /// Releases a held passport for one of its holder's approved, unused trips, within the trip's window. The
    /// destination, departure and due-back date (approved return + grace days) come from the approval.
    /// </summary>
    public async Task<CustodyOutcome> ReleaseAsync(ReleaseInput input, CancellationToken ct = default)
    {
        var errors = new Dictionary<string, string>();
        if (input.TravelRequestId is null)
            errors[nameof(input.TravelRequestId)] = T["E_ChooseTrip"];
        RequireAcknowledgement(errors, input.AcknowledgedBy, input.BothPartiesAcknowledge, T["E_NameCollecting"]);
        var at = clock.GetUtcNow();

        return await WriteAsync(input.PassportId, input.Version, errors, async (db, passport) =>
        {
            var trip = await db.TravelRequests.SingleOrDefaultAsync(t => t.Id == input.TravelRequestId, ct);
            if (trip is null || trip.SpecialistId != passport.SpecialistId)
                return CustodyOutcome.Error(nameof(input.TravelRequestId), T["E_NoSuchTrip"]);
            return passport.ReleaseFor(trip, WithReceipt(new CustodyEvent
            {
                Kind = CustodyEventKind.Release,
                OccurredAt = at,
                AcknowledgedBy = input.AcknowledgedBy.Trim(),
                Note = Clean(input.Note),
            }), Today, travelRules.Value);
        }, ct);
    }

    public async Task<CustodyOutcome> ReturnAsync(ReturnInput input, CancellationToken ct = default)
    {
        var errors = new Dictionary<string, string>();
        Require(errors, nameof(input.Safe), input.Safe, T["E_Safe"]);
        Require(errors, nameof(input.Slot), input.Slot, T["E_Slot"]);
        Require(errors, nameof(input.Condition), input.Condition, T["E_Condition"]);
        RequireAcknowledgement(errors, input.AcknowledgedBy, input.BothPartiesAcknowledge, T["E_NameReturning"]);
        var at = CheckTime(errors, input.OccurredAt, "E_FutureReturn");

        return await WriteAsync(input.PassportId, input.Version, errors, async (db, passport) =>
        {
            if (await NotBeforeLastEventAsync(db, passport, at, ct) is { } order)
                return CustodyOutcome.Error(nameof(input.OccurredAt), order);
            var returned = passport.Return(WithReceipt(new CustodyEvent
            {
                Kind = CustodyEventKind.Return,
                OccurredAt = at,
                StorageLocation = KeptAt.Stored(input.Safe, input.Slot),
                Condition = input.Condition.Trim(),
                AcknowledgedBy = input.AcknowledgedBy.Trim(),
                Note = Clean(input.Note),
            }));
            await CloseTripAsync(db, passport, returned, returned.LateByDays ?? 0, ct);
            return returned;
        }, ct);
    }

    /// <summary>The trip the passport was released for (none for a release logged before travel approvals) ends with this entry.</summary>
    private static async Task CloseTripAsync(RegistryDb db, Passport passport, CustodyEvent back, int lateByDays, CancellationToken ct)
    {
        var trip = await db.TravelRequests.SingleOrDefaultAsync(t => t.PassportId == passport.Id && t.Status == TravelStatus.Released, ct);
        if (trip is null)
            return;
        back.TravelRequestId = trip.Id;
        trip.CloseWithReturn(back.Id, back.OccurredAt, lateByDays);
    }

    public Task<CustodyOutcome> ReportLostAsync(CloseInput input, CancellationToken ct = default) =>
        CloseAsync(input, CustodyEventKind.Lost, T["E_LostNote"], ct);

    public Task<CustodyOutcome> RetireAsync(CloseInput input, CancellationToken ct = default) =>
        CloseAsync(input, CustodyEventKind.Retired, T["E_RetireNote"], ct);

    /// <summary>Records the renewed passport, retires the old one with a link to it, and carries custody over.</summary>
    /// <summary>
    /// Corrects the number, issuing country or dates of a passport the office holds or has held (a typing error
    /// at registration, say). Not a custody event: earlier entries keep the details they recorded; the correction
    /// and its reason are in the audit trail.
    /// </summary>
    public async Task<CustodyOutcome> CorrectDetailsAsync(CorrectDetailsInput input, CancellationToken ct = default)
    {
        // Only the office corrects what its receipts name; anyone else is told there is no such passport.
        if (!currentUser.Get().Principal.IsInRole(Roles.CustodyOfficer))
            return new CustodyOutcome.NotFound();
        var errors = new Dictionary<string, string>();
        Require(errors, nameof(input.IssuingCountry), input.IssuingCountry, T["E_IssuingCountry"]);
        CheckPassportDates(errors, input.IssuedOn, input.ExpiresOn);
        var reason = input.Reason.Trim();
        if (reason.Length < 10)
            errors[nameof(input.Reason)] = T["E_CorrectionReason"];
        else if (CleanText.Problem(reason, multiline: true) is { } unclean)
            errors[nameof(input.Reason)] = unclean;
        if (errors.Count > 0)
            return new CustodyOutcome.Invalid(errors);

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var passport = await db.Passports.SingleOrDefaultAsync(p => p.Id == input.PassportId, ct);
        if (passport is null)
            return new CustodyOutcome.NotFound();
        if (passport.Version != input.Version)
            return StaleMessage(passport);
        db.Entry(passport).Property(p => p.Version).OriginalValue = input.Version;
        var number = string.IsNullOrWhiteSpace(input.Number) ? SensitiveValue.Empty : protector.Protect(input.Number);
        if (!number.IsEmpty && number.LookupHash != passport.Number.LookupHash
            && await db.Passports.AnyAsync(p => p.Id != passport.Id && p.Number.LookupHash == number.LookupHash, ct))
            return CustodyOutcome.Error(nameof(input.Number), T["E_NumberTaken"]);
        var country = Countries.Canonical(input.IssuingCountry);
        if (passport.SameDetails(number, country, input.IssuedOn!.Value, input.ExpiresOn!.Value))
            return CustodyOutcome.Error("", T["E_CorrectionChangesNothing"]);
        try
        {
            passport.CorrectDetails(number, country, input.IssuedOn.Value, input.ExpiresOn.Value);
        }
        catch (DomainException e)
        {
            return CustodyOutcome.Error("", e.Message);
        }
        db.RecordAuditEvent("CorrectedPassportDetails", nameof(Passport), passport.Id.ToString(), new Dictionary<string, string?> { ["reason"] = reason });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            await using var fresh = await dbFactory.CreateDbContextAsync(ct);
            var now = await fresh.Passports.AsNoTracking().SingleOrDefaultAsync(p => p.Id == input.PassportId, ct);
            return now is null ? new CustodyOutcome.NotFound() : StaleMessage(now);
        }
        // No custody event was logged: the outcome names the passport only.
        return new CustodyOutcome.Logged(passport.Id, Guid.Empty, null);
    }

    public async Task<CustodyOutcome> ReplaceAsync(ReplaceInput input, CancellationToken ct = default)
    {
        var errors = new Dictionary<string, string>();
        Require(errors, nameof(input.Number), input.Number, T["E_NewNumber"]);
        Require(errors, nameof(input.IssuingCountry), input.IssuingCountry, T["E_IssuingCountry"]);
        CheckPassportDates(errors, input.IssuedOn, input.ExpiresOn);
        var at = clock.GetUtcNow();

        Guid successorId = default;
        string? successorReceipt = null;
        var outcome = await WriteAsync(input.PassportId, input.Version, errors, async (db, passport) =>
        {
            var hash = protector.LookupHash(input.Number);
            if (await db.Passports.AnyAsync(p => p.Number.LookupHash == hash, ct))
                return CustodyOutcome.Error(nameof(input.Number), T["E_NumberTaken"]);
            var successor = new Passport
            {
                SpecialistId = passport.SpecialistId,
                Number = protector.Protect(input.Number),
                IssuingCountry = Countries.Canonical(input.IssuingCountry),
                IssuedOn = input.IssuedOn!.Value,
                ExpiresOn = input.ExpiresOn!.Value,
            };
            var lastLocation = passport.CustodyStatus == CustodyStatus.Held
                ? await db.CustodyEvents.Where(e => e.PassportId == passport.Id && e.StorageLocation != null)
                    .OrderByDescending(e => e.OccurredAt).Select(e => e.StorageLocation).FirstOrDefaultAsync(ct)
                : null;
            var retired = Stamp(new CustodyEvent { Kind = CustodyEventKind.Retired, OccurredAt = at, Note = Clean(input.Note) ?? T["RenewedNote"] });
            var handIn = passport.CustodyStatus == CustodyStatus.Held
                ? WithReceipt(new CustodyEvent
                {
                    Kind = CustodyEventKind.HandIn, OccurredAt = at, StorageLocation = lastLocation, Condition = T["NewCondition"],
                    Note = T["ReplacesNote"],
                })
                : null;
            db.Passports.Add(successor);
            var applied = passport.ReplaceWith(successor, retired, handIn);
            if (handIn is not null)
                db.CustodyEvents.Add(handIn);
            successorId = successor.Id;
            successorReceipt = handIn?.ReceiptNumber;
            return applied;
        }, ct);
        return outcome is CustodyOutcome.Logged logged ? logged with { PassportId = successorId, ReceiptNumber = successorReceipt } : outcome;
    }

    private async Task<CustodyOutcome> CloseAsync(CloseInput input, CustodyEventKind kind, string noteMissing, CancellationToken ct)
    {
        var errors = new Dictionary<string, string>();
        Require(errors, nameof(input.Note), input.Note, noteMissing);
        var at = clock.GetUtcNow();
        return await WriteAsync(input.PassportId, input.Version, errors, async (db, passport) =>
        {
            var wasReleased = passport.CustodyStatus == CustodyStatus.Released;
            var e = Stamp(new CustodyEvent { Kind = kind, OccurredAt = at, Note = input.Note.Trim() });
            var applied = kind == CustodyEventKind.Lost ? passport.ReportLost(e) : passport.Retire(e);
            if (wasReleased)
                await CloseTripNotReturnedAsync(db, passport, applied, ct);
            return (object)applied;
        }, ct);
    }

    /// <summary>
    /// A passport reported lost or retired while out for a trip never comes back: the trip closes as not returned
    /// (in the same save, so audited with the entry) and the firm's HR is told, in each one's language.
    /// </summary>
    private async Task CloseTripNotReturnedAsync(RegistryDb db, Passport passport, CustodyEvent closing, CancellationToken ct)
    {
        var trip = await db.TravelRequests.SingleOrDefaultAsync(t => t.PassportId == passport.Id && t.Status == TravelStatus.Released, ct);
        if (trip is null)
            return;
        closing.TravelRequestId = trip.Id;
        trip.CloseNotReturned(closing.Id);
        var holder = passport.Specialist!;
        var key = closing.Kind == CustodyEventKind.Lost ? "N_TripLost" : "N_TripRetired";
        var (from, to) = trip.Days;
        TravelNotices.Add(db, await TravelNotices.FirmHrAsync(db, holder.FirmId, ct), NotificationKind.TravelNotReturned, holder.Id,
            () => T[key, $"{holder.FullName} ({holder.LatinName})", trip.ApprovalNumber ?? "", trip.Destination,
                from.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), to.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)], closing.OccurredAt, localization.Value);
    }

    private Task<CustodyOutcome> WriteAsync(Guid passportId, Guid version, Dictionary<string, string> errors,
        Func<RegistryDb, Passport, object> apply, CancellationToken ct) =>
        WriteAsync(passportId, version, errors, (db, p) => Task.FromResult(apply(db, p)), ct);

    /// <summary>
    /// Loads the passport, refuses a stale version, applies the event (the domain refuses an event the
    /// status does not allow) and saves. <paramref name="apply"/> returns the new event or a refusal.
    /// </summary>
    private async Task<CustodyOutcome> WriteAsync(Guid passportId, Guid version, Dictionary<string, string> errors,
        Func<RegistryDb, Passport, Task<object>> apply, CancellationToken ct)
    {
        if (errors.Count > 0)
            return new CustodyOutcome.Invalid(errors);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        // With its holder and firm: each event freezes them as they stand (receipts never show today's values).
        var passport = await db.Passports.Include(p => p.Specialist!).ThenInclude(s => s.Firm).SingleOrDefaultAsync(p => p.Id == passportId, ct);
        if (passport is null)
            return new CustodyOutcome.NotFound();
        if (passport.Version != version)
            return StaleMessage(passport);
        // Guards the race between this check and the write: the UPDATE matches only the version the officer saw.
        db.Entry(passport).Property(p => p.Version).OriginalValue = version;

        object result;
        try
        {
            result = await apply(db, passport);
        }
        catch (DomainException e)
        {
            return CustodyOutcome.Error("", e.Message);
        }
        if (result is CustodyOutcome refusal)
            return refusal;
        var logged = (CustodyEvent)result;
        db.CustodyEvents.Add(logged);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException e)
        {
            await using var fresh = await dbFactory.CreateDbContextAsync(ct);
            // The trip, not the passport, may be what changed: expired by the daily job, or used by another officer.
            if (e.Entries.Select(x => x.Entity).OfType<TravelRequest>().FirstOrDefault() is { } trip)
            {
                var status = await fresh.TravelRequests.AsNoTracking().Where(t => t.Id == trip.Id).Select(t => (TravelStatus?)t.Status).SingleOrDefaultAsync(ct);
                return new CustodyOutcome.Conflict(status is { } current
                    ? T["E_TripChanged", trip.ApprovalNumber ?? "", T[$"TripNow_{current}"]]
                    : T["E_TripGone", trip.ApprovalNumber ?? ""]);
            }
            var now = await fresh.Passports.AsNoTracking().SingleOrDefaultAsync(p => p.Id == passportId, ct);
            return now is null ? new CustodyOutcome.NotFound() : StaleMessage(now);
        }
        return new CustodyOutcome.Logged(passport.Id, logged.Id, logged.ReceiptNumber);
    }

    private CustodyOutcome.Conflict StaleMessage(Passport now) => new(T["E_Stale", T[$"StatusNow_{now.CustodyStatus}"]]);

    /// <summary>
    /// Exactly what differs between the passport in hand and the registry, one sentence each. The registry's number
    /// is shown masked and its expiry not at all: a guess must not be answered with the values to copy.
    /// </summary>
    private List<string> Compare(Passport passport, HandInInput input)
    {
        var differences = new List<string>();
        if (protector.LookupHash(input.Number) != passport.Number.LookupHash)
            differences.Add(T["E_DiffNumber", FieldProtector.Normalize(input.Number), passport.Number.Masked]);
        // "中国" in hand is the registry's "China": the officer reads the country in either language.
        if (!string.Equals(Countries.Canonical(input.IssuingCountry), Countries.Canonical(passport.IssuingCountry), StringComparison.OrdinalIgnoreCase))
            differences.Add(T["E_DiffCountry", input.IssuingCountry.Trim(), Countries.Display(passport.IssuingCountry)]);
        if (input.ExpiresOn != passport.ExpiresOn)
            differences.Add(T["E_DiffExpiry", input.ExpiresOn?.ToString("yyyy-MM-dd") ?? "—"]);
        return differences;
    }

    /// <summary>A back-dated entry may not jump ahead of one already in the chain: the chain reads in time order.</summary>
    private async Task<string?> NotBeforeLastEventAsync(RegistryDb db, Passport passport, DateTimeOffset at, CancellationToken ct)
    {
        var last = await db.CustodyEvents.Where(e => e.PassportId == passport.Id)
            .OrderByDescending(e => e.OccurredAt).Select(e => (DateTimeOffset?)e.OccurredAt).FirstOrDefaultAsync(ct);
        return last is { } l && at < l ? T["E_BeforeLast", l.UtcDateTime.ToString("yyyy-MM-dd HH:mm")].Value : null;
    }

    /// <param name="futureKey">The message for a time in the future ("The hand-in time cannot be in the future …").</param>
    private DateTimeOffset CheckTime(Dictionary<string, string> errors, DateTimeOffset? occurredAt, string futureKey)
    {
        var now = clock.GetUtcNow();
        if (occurredAt is not { } at)
            return now;
        if (at > now + FutureTolerance)
            errors[nameof(HandInInput.OccurredAt)] = T[futureKey, now.UtcDateTime.ToString("yyyy-MM-dd HH:mm")];
        return at.ToUniversalTime();
    }

    private CustodyEvent WithReceipt(CustodyEvent e)
    {
        e.ReceiptNumber = ReceiptCodes.NewReceiptNumber("CR", e.OccurredAt);
        e.VerificationCode = ReceiptCodes.NewVerificationCode();
        return Stamp(e);
    }

    private CustodyEvent Stamp(CustodyEvent e)
    {
        var officer = currentUser.Get().Actor;
        e.OfficerId = officer.Id;
        e.OfficerName = officer.Name;
        return e;
    }

    private DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    private static string? Clean(string? note) => string.IsNullOrWhiteSpace(note) ? null : note.Trim();

    /// <summary>A passport's issue and expiry dates as typed off the passport (a new one, or a correction).</summary>
    private void CheckPassportDates(Dictionary<string, string> errors, DateOnly? issuedOn, DateOnly? expiresOn)
    {
        if (issuedOn is not { } issued)
            errors[nameof(ReplaceInput.IssuedOn)] = T["E_IssuedOn"];
        else if (issued > Today)
            errors[nameof(ReplaceInput.IssuedOn)] = T["E_IssuedInFuture"];
        if (expiresOn is not { } expires)
            errors[nameof(ReplaceInput.ExpiresOn)] = T["E_ExpiresOn"];
        else if (issuedOn is { } iss && expires <= iss)
            errors[nameof(ReplaceInput.ExpiresOn)] = T["E_ExpiresBeforeIssued"];
    }

    private static void Require(Dictionary<string, string> errors, string field, string? value, string message)
    {
        if (string.IsNullOrWhiteSpace(value))
            errors.TryAdd(field, message);
    }

    private void RequireAcknowledgement(Dictionary<string, string> errors, string name, bool both, string nameMissing)
    {
        if (string.IsNullOrWhiteSpace(name))
            errors.TryAdd(nameof(HandInInput.AcknowledgedBy), nameMissing);
        if (!both)
            errors.TryAdd(nameof(HandInInput.BothPartiesAcknowledge), T["E_BothAcknowledge"]);
    }
}
