using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using SpecialistRegistry.Auth;
using SpecialistRegistry.Data;
using SpecialistRegistry.Domain;

namespace SpecialistRegistry.Features.Travel;

/// <summary>
/// Every change to a travel request: HR requests, answers and withdraws (for their own firm only: their context
/// is narrowed to it, so another firm's request is "not found"); a regulator approves, denies or asks. Each is
/// one save, audited with it, guarded by the request's Version: of two regulators deciding at once exactly one
/// decision stands. Bad input is refused before anything is written.
/// </summary>
public sealed class TravelService(
    IDbContextFactory<RegistryDb> dbFactory, CurrentUser currentUser, TimeProvider clock, IOptions<TravelRules> rules,
    ApprovalNumbers approvalNumbers, IStringLocalizer<TravelRequestText> T, IOptions<RequestLocalizationOptions> localization)
{
    public const int MaxTextLength = 2000;
    private const int NumberAttempts = 3;

    public async Task<TravelOutcome> RequestAsync(TravelRequestInput input, CancellationToken ct = default)
    {
        if (RoleRefusal(Roles.FirmHR, T["E_OnlyHrRequest"]) is { } refused)
            return refused;
        var today = Today;
        var errors = new Dictionary<string, string>();
        var details = CheckDetails(errors, input.DestinationCountry, input.DestinationCity, input.Purpose, input.PurposeDetail,
            input.InvitingOrganisation, input.DepartureOn, input.ReturnOn, input.Itinerary, input.ContactsAbroad, input.Note, today);
        if (details is null)
            return new TravelOutcome.Invalid(errors);

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var person = await Person(db, input.SpecialistId, ct);
        if (person is null)
            return new TravelOutcome.NotFound();
        CheckPerson(errors, person, details.ReturnOn);
        if (errors.Count == 0 && await OverlappingApprovedAsync(db, input.SpecialistId, null, details.DepartureOn, details.ReturnOn, ct) is { } overlap)
            errors[nameof(TravelRequestInput.DepartureOn)] = overlap;
        if (errors.Count > 0)
            return new TravelOutcome.Invalid(errors);

        var actor = db.Actor;
        var trip = TravelRequest.Submit(person.Id, person.FirmId, details, actor.Id, actor.Name, clock.GetUtcNow());
        db.TravelRequests.Add(trip);
        await db.SaveChangesAsync(ct);
        return new TravelOutcome.Saved(trip.Id);
    }

    public async Task<TravelOutcome> WithdrawAsync(Guid travelRequestId, Guid version, string? reason, CancellationToken ct = default)
    {
        if (RoleRefusal(Roles.FirmHR, T["E_OnlyHrWithdraw"]) is { } refused)
            return refused;
        if (reason?.Trim().Length > 1000)
            return TravelOutcome.Error("Reason", T["E_ReasonLength", 1000]);
        return await ChangeAsync(travelRequestId, version, (db, trip, now) =>
        {
            trip.Withdraw(reason, now);
            return Task.FromResult<TravelOutcome?>(null);
        }, ct);
    }

    /// <summary>HR answers the regulator's question, possibly changing the dates and itinerary, and resubmits.</summary>
    public async Task<TravelOutcome> AnswerAsync(TravelAnswerInput input, CancellationToken ct = default)
    {
        if (RoleRefusal(Roles.FirmHR, T["E_OnlyHrAnswer"]) is { } refused)
            return refused;
        var errors = new Dictionary<string, string>();
        if (string.IsNullOrWhiteSpace(input.Answer))
            errors[nameof(input.Answer)] = T["E_AnswerMissing"];
        else if (input.Answer.Trim().Length > MaxTextLength)
            errors[nameof(input.Answer)] = T["E_AnswerLength", MaxTextLength];
        if (errors.Count > 0)
            return new TravelOutcome.Invalid(errors);

        return await ChangeAsync(input.TravelRequestId, input.Version, async (db, trip, now) =>
        {
            // Checked first, so a request that is no longer waiting for an answer says so rather than naming a field.
            trip.Require(TravelStatus.Pending);
            var was = trip.Details;
            var details = CheckDetails(errors, was.DestinationCountry, was.DestinationCity, was.Purpose, was.PurposeDetail,
                was.InvitingOrganisation, input.DepartureOn, input.ReturnOn, input.Itinerary, input.ContactsAbroad, was.Note, Today);
            if (details is null)
                return new TravelOutcome.Invalid(errors);
            var person = await Person(db, trip.SpecialistId, ct);
            if (person is null)
                return new TravelOutcome.NotFound();
            CheckPerson(errors, person, details.ReturnOn);
            if (errors.Count == 0 && await OverlappingApprovedAsync(db, trip.SpecialistId, trip.Id, details.DepartureOn, details.ReturnOn, ct) is { } overlap)
                errors[nameof(TravelAnswerInput.DepartureOn)] = overlap;
            if (errors.Count > 0)
                return new TravelOutcome.Invalid(errors);

            var asker = await db.TravelMessages.Where(m => m.TravelRequestId == trip.Id && m.IsQuestion)
                .OrderByDescending(m => m.At).Select(m => m.AuthorId).FirstOrDefaultAsync(ct);
            trip.Answer(input.Answer, details, db.Actor.Id, db.Actor.Name, now);
            if (asker is not null)
                TravelNotices.Add(db, await TravelNotices.ActiveAsync(db, asker, ct), NotificationKind.TravelAnswered, trip.SpecialistId,
                    () => T["N_Answered", person.Name, trip.Destination, Day(trip.DepartureOn), Day(trip.ReturnOn)], now, localization.Value);
            return null;
        }, ct);
    }

    /// <summary>A regulator approves, denies or asks for more information. Only a request waiting for a decision can be decided.</summary>
    public async Task<TravelOutcome> DecideAsync(TravelDecisionInput input, CancellationToken ct = default)
    {
        if (RoleRefusal(Roles.Regulator, T["E_OnlyRegulator"]) is { } refused)
            return refused;
        var today = Today;
        var errors = new Dictionary<string, string>();
        switch (input.Decision)
        {
            case TravelDecision.Approve:
                if (input.ApprovedDepartureOn is not { } departure)
                    errors[nameof(input.ApprovedDepartureOn)] = T["E_ApprovedDepartureMissing"];
                else if (departure < today)
                    errors[nameof(input.ApprovedDepartureOn)] = T["E_ApprovedDeparturePast", Day(today)];
                if (input.ApprovedReturnOn is not { } returnOn)
                    errors[nameof(input.ApprovedReturnOn)] = T["E_ApprovedReturnMissing"];
                else if (input.ApprovedDepartureOn is { } dep && returnOn < dep)
                    errors[nameof(input.ApprovedReturnOn)] = T["E_ApprovedReturnBeforeDeparture"];
                if (input.Conditions?.Trim().Length > 1000)
                    errors[nameof(input.Conditions)] = T["E_ConditionsLength", 1000];
                break;
            case TravelDecision.Deny:
                if (string.IsNullOrWhiteSpace(input.Reason))
                    errors[nameof(input.Reason)] = T["E_DenialReasonMissing"];
                else if (input.Reason.Trim().Length > 1000)
                    errors[nameof(input.Reason)] = T["E_ReasonLength", 1000];
                break;
            case TravelDecision.AskForInformation:
                if (string.IsNullOrWhiteSpace(input.Question))
                    errors[nameof(input.Question)] = T["E_QuestionMissing"];
                else if (input.Question.Trim().Length > MaxTextLength)
                    errors[nameof(input.Question)] = T["E_QuestionLength", MaxTextLength];
                break;
            default:
                errors[""] = T["E_ChooseDecision"];
                break;
        }
        if (errors.Count > 0)
            return new TravelOutcome.Invalid(errors);

        // A fresh attempt (new context, new number) only when the drawn approval number was already taken.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await ChangeAsync(input.TravelRequestId, input.Version, (db, trip, now) => ApplyDecisionAsync(db, trip, input, today, now, ct), ct);
            }
            catch (DbUpdateException e) when (attempt < NumberAttempts && IsApprovalNumberClash(e))
            {
            }
        }
    }

    private async Task<TravelOutcome?> ApplyDecisionAsync(RegistryDb db, TravelRequest trip, TravelDecisionInput input, DateOnly today,
        DateTimeOffset now, CancellationToken ct)
    {
        trip.Require(input.Decision switch
        {
            TravelDecision.Approve => TravelStatus.Approved,
            TravelDecision.Deny => TravelStatus.Denied,
            _ => TravelStatus.InformationRequested,
        });
        var actor = db.Actor;
        var person = await Person(db, trip.SpecialistId, ct);
        if (person is null)
            return new TravelOutcome.NotFound();
        var hr = await TravelNotices.FirmHrAsync(db, trip.FirmId, ct);
        switch (input.Decision)
        {
            case TravelDecision.Approve:
                var errors = new Dictionary<string, string>();
                var (departure, returnOn) = (input.ApprovedDepartureOn!.Value, input.ApprovedReturnOn!.Value);
                if (departure < trip.DepartureOn || returnOn > trip.ReturnOn)
                    errors[nameof(input.ApprovedReturnOn)] = T["E_ApprovedOutsideRequested", Day(trip.DepartureOn), Day(trip.ReturnOn)];
                CheckPerson(errors, person, returnOn, nameof(input.ApprovedReturnOn));
                // From here to the commit no other approval of this person can run: the overlap check stays true.
                if (errors.Count == 0)
                    await TravelLock.ForSpecialistAsync(db, trip.SpecialistId, ct);
                if (errors.Count == 0 && await OverlappingApprovedAsync(db, trip.SpecialistId, trip.Id, departure, returnOn, ct) is { } overlap)
                    errors[nameof(input.ApprovedDepartureOn)] = overlap;
                if (errors.Count > 0)
                    return new TravelOutcome.Invalid(errors);
                trip.Approve(approvalNumbers.Next(today), departure, returnOn, input.Conditions, actor.Id, actor.Name, now);
                var from = trip.ReleaseWindow(rules.Value).From;
                TravelNotices.Add(db, hr, NotificationKind.TravelApproved, trip.SpecialistId,
                    () => T[trip.Conditions is null ? "N_Approved" : "N_ApprovedWithConditions", person.Name, trip.Destination, trip.ApprovalNumber ?? "", Day(departure), Day(returnOn), Day(from)], now, localization.Value);
                TravelNotices.Add(db, await TravelNotices.CustodyOfficersAsync(db, ct), NotificationKind.TravelApproved, trip.SpecialistId,
                    () => T["N_ApprovedOfficer", trip.ApprovalNumber ?? "", person.Name, person.FirmName, trip.Destination, Day(departure), Day(from)], now, localization.Value);
                return null;
            case TravelDecision.Deny:
                trip.Deny(input.Reason!, actor.Id, actor.Name, now);
                TravelNotices.Add(db, hr, NotificationKind.TravelDenied, trip.SpecialistId,
                    () => T["N_Denied", person.Name, trip.Destination, Day(trip.DepartureOn), Day(trip.ReturnOn), trip.DenialReason ?? ""], now, localization.Value);
                return null;
            default:
                trip.AskForInformation(input.Question!, actor.Id, actor.Name, now);
                TravelNotices.Add(db, hr, NotificationKind.TravelQuestioned, trip.SpecialistId,
                    () => T["N_Questioned", person.Name, trip.Destination, Day(trip.DepartureOn), Day(trip.ReturnOn)], now, localization.Value);
                return null;
        }
    }

    /// <summary>
    /// Loads the request through the user's own (firm-scoped) context, refuses a stale version, applies the
    /// change (the entity refuses a transition its status does not allow) and saves. <paramref name="apply"/>
    /// returns a refusal, or null to save.
    /// </summary>
    private async Task<TravelOutcome> ChangeAsync(Guid travelRequestId, Guid version,
        Func<RegistryDb, TravelRequest, DateTimeOffset, Task<TravelOutcome?>> apply, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var trip = await db.TravelRequests.SingleOrDefaultAsync(t => t.Id == travelRequestId, ct);
        if (trip is null)
            return new TravelOutcome.NotFound();
        if (trip.Version != version)
            return ConflictMessage(trip);
        // Guards the race between this check and the write: the UPDATE matches only the version the user saw.
        db.Entry(trip).Property(t => t.Version).OriginalValue = version;
        try
        {
            if (await apply(db, trip, clock.GetUtcNow()) is { } refusal)
                return refusal;
        }
        catch (DomainException e)
        {
            return TravelOutcome.Error("", e.Message);
        }
        try
        {
            await db.SaveChangesAsync(ct);
            // An approval runs in a transaction holding the person's travel lock (TravelLock); it ends here.
            if (db.Database.CurrentTransaction is { } transaction)
                await transaction.CommitAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            await using var fresh = await dbFactory.CreateDbContextAsync(ct);
            var now = await fresh.TravelRequests.AsNoTracking().SingleOrDefaultAsync(t => t.Id == travelRequestId, ct);
            return now is null ? new TravelOutcome.NotFound() : ConflictMessage(now);
        }
        return new TravelOutcome.Saved(trip.Id, trip.ApprovalNumber);
    }

    private TravelOutcome.Conflict ConflictMessage(TravelRequest now) => new(now.Status switch
    {
        TravelStatus.Approved or TravelStatus.Denied when now.DecidedByName is { } who => now.ApprovalNumber is { } n
            ? T["E_DecidedByNumbered", who, T[$"Now_{now.Status}"], n]
            : T["E_DecidedBy", who, T[$"Now_{now.Status}"]],
        _ => T["E_Changed", T[$"Now_{now.Status}"]],
    });

    // SQLite: "UNIQUE constraint failed: TravelRequests.ApprovalNumber"; PostgreSQL: 23505 on IX_TravelRequests_ApprovalNumber.
    internal static bool IsApprovalNumberClash(DbUpdateException e) => e.InnerException switch
    {
        Npgsql.PostgresException pg => pg.SqlState == "23505" && pg.ConstraintName?.Contains(nameof(TravelRequest.ApprovalNumber), StringComparison.Ordinal) == true,
        Microsoft.Data.Sqlite.SqliteException lite => lite.SqliteErrorCode == 19 && lite.Message.Contains(nameof(TravelRequest.ApprovalNumber), StringComparison.Ordinal),
        _ => false,
    };

    private sealed record PersonFacts(Guid Id, Guid FirmId, string Name, string FirmName, EmploymentStatus Status, DateOnly? PassportExpiresOn);

    private static Task<PersonFacts?> Person(RegistryDb db, Guid specialistId, CancellationToken ct) =>
        db.Specialists.AsNoTracking().Where(s => s.Id == specialistId)
            .Select(s => new PersonFacts(s.Id, s.FirmId, s.FullName + " (" + s.LatinName + ")", s.Firm!.Name, s.Status,
                s.Passports.Where(p => p.IsCurrent).Select(p => (DateOnly?)p.ExpiresOn).FirstOrDefault()))
            .SingleOrDefaultAsync(ct);

    /// <summary>The person must still work for the firm and hold a passport valid until the return date.</summary>
    private void CheckPerson(Dictionary<string, string> errors, PersonFacts person, DateOnly returnOn, string returnField = nameof(TravelRequestInput.ReturnOn))
    {
        if (person.Status == EmploymentStatus.Left)
            errors[nameof(TravelRequestInput.SpecialistId)] = T["E_HasLeft", person.Name];
        else if (person.PassportExpiresOn is not { } expires)
            errors[nameof(TravelRequestInput.SpecialistId)] = T["E_NoPassport", person.Name];
        else if (expires < returnOn)
            errors[returnField] = T["E_PassportExpiresFirst", person.Name, Day(expires), Day(returnOn)];
    }

    /// <summary>A sentence naming an approved (or under-way) trip of the same person that overlaps these days, if any.</summary>
    private async Task<string?> OverlappingApprovedAsync(RegistryDb db, Guid specialistId, Guid? except, DateOnly from, DateOnly to, CancellationToken ct)
    {
        var other = await db.TravelRequests.AsNoTracking()
            .Where(t => t.SpecialistId == specialistId && t.Id != except && (t.Status == TravelStatus.Approved || t.Status == TravelStatus.Released))
            .Where(t => t.ApprovedDepartureOn <= to && t.ApprovedReturnOn >= from)
            .OrderBy(t => t.ApprovedDepartureOn)
            .Select(t => new { t.ApprovalNumber, t.ApprovedDepartureOn, t.ApprovedReturnOn, t.DestinationCity, t.DestinationCountry })
            .FirstOrDefaultAsync(ct);
        return other is null ? null
            : T["E_Overlap", other.ApprovalNumber ?? "", $"{other.DestinationCity}, {other.DestinationCountry}", other.ApprovedDepartureOn is { } f ? Day(f) : "—", other.ApprovedReturnOn is { } u ? Day(u) : "—"].Value;
    }

    /// <summary>Field checks of a request's details; returns them when all pass.</summary>
    private TravelDetails? CheckDetails(Dictionary<string, string> errors, string? country, string? city, TravelPurpose? purpose,
        string? purposeDetail, string? inviting, DateOnly? departure, DateOnly? returnOn, string? itinerary, string? contacts, string? note, DateOnly today)
    {
        Text(errors, nameof(TravelRequestInput.DestinationCountry), country, 60, T["E_CountryMissing"]);
        Text(errors, nameof(TravelRequestInput.DestinationCity), city, 100, T["E_CityMissing"]);
        if (purpose is not { } p || !Enum.IsDefined(p))
            errors[nameof(TravelRequestInput.Purpose)] = T["E_PurposeMissing"];
        else if (p == TravelPurpose.Other)
            Text(errors, nameof(TravelRequestInput.PurposeDetail), purposeDetail, 200, T["E_PurposeDetailMissing"]);
        if (purpose is not TravelPurpose.PersonalOrFamily)
            Text(errors, nameof(TravelRequestInput.InvitingOrganisation), inviting, 200, T["E_InvitingMissing"]);
        else
            Optional(errors, nameof(TravelRequestInput.InvitingOrganisation), inviting, 200);
        if (departure is not { } dep)
            errors[nameof(TravelRequestInput.DepartureOn)] = T["E_DepartureMissing"];
        else if (dep < today)
            errors[nameof(TravelRequestInput.DepartureOn)] = T["E_DeparturePast", Day(today)];
        if (returnOn is not { } ret)
            errors[nameof(TravelRequestInput.ReturnOn)] = T["E_ReturnMissing"];
        else if (departure is { } d && ret < d)
            errors[nameof(TravelRequestInput.ReturnOn)] = T["E_ReturnBeforeDeparture"];
        Text(errors, nameof(TravelRequestInput.Itinerary), itinerary, MaxTextLength, T["E_ItineraryMissing"]);
        Optional(errors, nameof(TravelRequestInput.ContactsAbroad), contacts, 1000);
        Optional(errors, nameof(TravelRequestInput.Note), note, 1000);
        if (errors.Count > 0)
            return null;
        return new TravelDetails(country!.Trim(), city!.Trim(), purpose!.Value, purpose == TravelPurpose.Other ? purposeDetail : null,
            inviting, departure!.Value, returnOn!.Value, itinerary!.Trim(), contacts, note);
    }

    private void Text(Dictionary<string, string> errors, string field, string? value, int max, string missing)
    {
        if (string.IsNullOrWhiteSpace(value))
            errors.TryAdd(field, missing);
        else
            Optional(errors, field, value, max);
    }

    private void Optional(Dictionary<string, string> errors, string field, string? value, int max)
    {
        if (value?.Trim().Length > max)
            errors.TryAdd(field, T["E_TooLong", max]);
    }

    private TravelOutcome? RoleRefusal(string role, string message) =>
        currentUser.Get().Principal.IsInRole(role) ? null : TravelOutcome.Error("", message);

    private DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
