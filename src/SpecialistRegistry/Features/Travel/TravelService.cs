using Microsoft.EntityFrameworkCore;
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
    ApprovalNumbers approvalNumbers)
{
    public const int MaxTextLength = 2000;
    private const int NumberAttempts = 3;

    public async Task<TravelOutcome> RequestAsync(TravelRequestInput input, CancellationToken ct = default)
    {
        if (RoleRefusal(Roles.FirmHR, "Only the firm's HR can request travel.") is { } refused)
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
        if (RoleRefusal(Roles.FirmHR, "Only the firm's HR can withdraw its travel requests.") is { } refused)
            return refused;
        if (reason?.Trim().Length > 1000)
            return TravelOutcome.Error("Reason", "Keep the reason to 1000 characters.");
        return await ChangeAsync(travelRequestId, version, (db, trip, now) =>
        {
            trip.Withdraw(reason, now);
            return Task.FromResult<TravelOutcome?>(null);
        }, ct);
    }

    /// <summary>HR answers the regulator's question, possibly changing the dates and itinerary, and resubmits.</summary>
    public async Task<TravelOutcome> AnswerAsync(TravelAnswerInput input, CancellationToken ct = default)
    {
        if (RoleRefusal(Roles.FirmHR, "Only the firm's HR can answer the regulator's questions.") is { } refused)
            return refused;
        var errors = new Dictionary<string, string>();
        if (string.IsNullOrWhiteSpace(input.Answer))
            errors[nameof(input.Answer)] = "Write your answer to the regulator's question.";
        else if (input.Answer.Trim().Length > MaxTextLength)
            errors[nameof(input.Answer)] = $"Keep the answer to {MaxTextLength} characters.";
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
                    $"The firm answered your question about the travel request for {person.Name} to {trip.Destination} ({trip.DepartureOn:yyyy-MM-dd} to {trip.ReturnOn:yyyy-MM-dd}); it is waiting for a decision again.", now);
            return null;
        }, ct);
    }

    /// <summary>A regulator approves, denies or asks for more information. Only a request waiting for a decision can be decided.</summary>
    public async Task<TravelOutcome> DecideAsync(TravelDecisionInput input, CancellationToken ct = default)
    {
        if (RoleRefusal(Roles.Regulator, "Only regulators decide travel requests.") is { } refused)
            return refused;
        var today = Today;
        var errors = new Dictionary<string, string>();
        switch (input.Decision)
        {
            case TravelDecision.Approve:
                if (input.ApprovedDepartureOn is not { } departure)
                    errors[nameof(input.ApprovedDepartureOn)] = "Enter the approved departure date.";
                else if (departure < today)
                    errors[nameof(input.ApprovedDepartureOn)] = $"The approved departure date cannot be in the past (today is {today:yyyy-MM-dd}).";
                if (input.ApprovedReturnOn is not { } returnOn)
                    errors[nameof(input.ApprovedReturnOn)] = "Enter the approved return date.";
                else if (input.ApprovedDepartureOn is { } dep && returnOn < dep)
                    errors[nameof(input.ApprovedReturnOn)] = "The approved return date cannot be before the approved departure date.";
                if (input.Conditions?.Trim().Length > 1000)
                    errors[nameof(input.Conditions)] = "Keep the conditions to 1000 characters.";
                break;
            case TravelDecision.Deny:
                if (string.IsNullOrWhiteSpace(input.Reason))
                    errors[nameof(input.Reason)] = "Give the reason for denying the request; the firm is told it.";
                else if (input.Reason.Trim().Length > 1000)
                    errors[nameof(input.Reason)] = "Keep the reason to 1000 characters.";
                break;
            case TravelDecision.AskForInformation:
                if (string.IsNullOrWhiteSpace(input.Question))
                    errors[nameof(input.Question)] = "Write the question for the firm.";
                else if (input.Question.Trim().Length > MaxTextLength)
                    errors[nameof(input.Question)] = $"Keep the question to {MaxTextLength} characters.";
                break;
            default:
                errors[""] = "Choose a decision.";
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
                    errors[nameof(input.ApprovedReturnOn)] = $"The approved dates must lie within the requested trip ({trip.DepartureOn:yyyy-MM-dd} to {trip.ReturnOn:yyyy-MM-dd}); they may be shorter, never longer.";
                CheckPerson(errors, person, returnOn, nameof(input.ApprovedReturnOn));
                if (errors.Count == 0 && await OverlappingApprovedAsync(db, trip.SpecialistId, trip.Id, departure, returnOn, ct) is { } overlap)
                    errors[nameof(input.ApprovedDepartureOn)] = overlap;
                if (errors.Count > 0)
                    return new TravelOutcome.Invalid(errors);
                trip.Approve(approvalNumbers.Next(today), departure, returnOn, input.Conditions, actor.Id, actor.Name, now);
                var from = trip.ReleaseWindow(rules.Value).From;
                TravelNotices.Add(db, hr, NotificationKind.TravelApproved, trip.SpecialistId,
                    $"Travel of {person.Name} to {trip.Destination} was approved: {trip.ApprovalNumber}, {departure:yyyy-MM-dd} to {returnOn:yyyy-MM-dd}{(trip.Conditions is null ? "" : ", with conditions")}. The passport can be collected from the custody office from {from:yyyy-MM-dd}.", now);
                TravelNotices.Add(db, await TravelNotices.CustodyOfficersAsync(db, ct), NotificationKind.TravelApproved, trip.SpecialistId,
                    $"Travel approval {trip.ApprovalNumber}: {person.Name}, {person.FirmName}, to {trip.Destination}, departing {departure:yyyy-MM-dd}. The passport may be released from {from:yyyy-MM-dd}.", now);
                return null;
            case TravelDecision.Deny:
                trip.Deny(input.Reason!, actor.Id, actor.Name, now);
                TravelNotices.Add(db, hr, NotificationKind.TravelDenied, trip.SpecialistId,
                    $"Travel of {person.Name} to {trip.Destination} ({trip.DepartureOn:yyyy-MM-dd} to {trip.ReturnOn:yyyy-MM-dd}) was denied: {trip.DenialReason}", now);
                return null;
            default:
                trip.AskForInformation(input.Question!, actor.Id, actor.Name, now);
                TravelNotices.Add(db, hr, NotificationKind.TravelQuestioned, trip.SpecialistId,
                    $"The regulator asked a question about the travel request for {person.Name} to {trip.Destination} ({trip.DepartureOn:yyyy-MM-dd} to {trip.ReturnOn:yyyy-MM-dd}). Answer it under Travel.", now);
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
        }
        catch (DbUpdateConcurrencyException)
        {
            await using var fresh = await dbFactory.CreateDbContextAsync(ct);
            var now = await fresh.TravelRequests.AsNoTracking().SingleOrDefaultAsync(t => t.Id == travelRequestId, ct);
            return now is null ? new TravelOutcome.NotFound() : ConflictMessage(now);
        }
        return new TravelOutcome.Saved(trip.Id, trip.ApprovalNumber);
    }

    private static TravelOutcome.Conflict ConflictMessage(TravelRequest now) => new(now.Status switch
    {
        TravelStatus.Approved or TravelStatus.Denied when now.DecidedByName is { } who =>
            $"{who} decided this request after you opened it: it is {now.Status.Describe()}{(now.ApprovalNumber is { } n ? $" ({n})" : "")}. Nothing was saved.",
        _ => $"This travel request changed after you opened it; it is now {now.Status.Describe()}. Nothing was saved. Reload to see it as it is.",
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
    private static void CheckPerson(Dictionary<string, string> errors, PersonFacts person, DateOnly returnOn, string returnField = nameof(TravelRequestInput.ReturnOn))
    {
        if (person.Status == EmploymentStatus.Left)
            errors[nameof(TravelRequestInput.SpecialistId)] = $"{person.Name} has left the firm; travel can be requested and approved only for current staff.";
        else if (person.PassportExpiresOn is not { } expires)
            errors[nameof(TravelRequestInput.SpecialistId)] = $"{person.Name} has no current passport on file. Add it to their record first.";
        else if (expires < returnOn)
            errors[returnField] = $"The passport of {person.Name} expires on {expires:yyyy-MM-dd}, before the return date {returnOn:yyyy-MM-dd}. Renew it first.";
    }

    /// <summary>A sentence naming an approved (or under-way) trip of the same person that overlaps these days, if any.</summary>
    private static async Task<string?> OverlappingApprovedAsync(RegistryDb db, Guid specialistId, Guid? except, DateOnly from, DateOnly to, CancellationToken ct)
    {
        var other = await db.TravelRequests.AsNoTracking()
            .Where(t => t.SpecialistId == specialistId && t.Id != except && (t.Status == TravelStatus.Approved || t.Status == TravelStatus.Released))
            .Where(t => t.ApprovedDepartureOn <= to && t.ApprovedReturnOn >= from)
            .OrderBy(t => t.ApprovedDepartureOn)
            .Select(t => new { t.ApprovalNumber, t.ApprovedDepartureOn, t.ApprovedReturnOn, t.DestinationCity, t.DestinationCountry })
            .FirstOrDefaultAsync(ct);
        return other is null ? null
            : $"These dates overlap approved travel {other.ApprovalNumber} to {other.DestinationCity}, {other.DestinationCountry} ({other.ApprovedDepartureOn:yyyy-MM-dd} to {other.ApprovedReturnOn:yyyy-MM-dd}). One person cannot have two approved trips at the same time.";
    }

    /// <summary>Field checks of a request's details; returns them when all pass.</summary>
    private static TravelDetails? CheckDetails(Dictionary<string, string> errors, string? country, string? city, TravelPurpose? purpose,
        string? purposeDetail, string? inviting, DateOnly? departure, DateOnly? returnOn, string? itinerary, string? contacts, string? note, DateOnly today)
    {
        Text(errors, nameof(TravelRequestInput.DestinationCountry), country, 60, "Enter the destination country.");
        Text(errors, nameof(TravelRequestInput.DestinationCity), city, 100, "Enter the destination city.");
        if (purpose is not { } p || !Enum.IsDefined(p))
            errors[nameof(TravelRequestInput.Purpose)] = "Choose the purpose of the trip.";
        else if (p == TravelPurpose.Other)
            Text(errors, nameof(TravelRequestInput.PurposeDetail), purposeDetail, 200, "Describe the purpose of the trip.");
        if (purpose is not TravelPurpose.PersonalOrFamily)
            Text(errors, nameof(TravelRequestInput.InvitingOrganisation), inviting, 200, "Enter the inviting organisation (for personal or family travel it may be left empty).");
        else
            Optional(errors, nameof(TravelRequestInput.InvitingOrganisation), inviting, 200);
        if (departure is not { } dep)
            errors[nameof(TravelRequestInput.DepartureOn)] = "Enter the departure date.";
        else if (dep < today)
            errors[nameof(TravelRequestInput.DepartureOn)] = $"The departure date cannot be in the past (today is {today:yyyy-MM-dd}).";
        if (returnOn is not { } ret)
            errors[nameof(TravelRequestInput.ReturnOn)] = "Enter the return date.";
        else if (departure is { } d && ret < d)
            errors[nameof(TravelRequestInput.ReturnOn)] = "The return date cannot be before the departure date.";
        Text(errors, nameof(TravelRequestInput.Itinerary), itinerary, MaxTextLength, "Describe the itinerary: where the person will be on which days.");
        Optional(errors, nameof(TravelRequestInput.ContactsAbroad), contacts, 1000);
        Optional(errors, nameof(TravelRequestInput.Note), note, 1000);
        if (errors.Count > 0)
            return null;
        return new TravelDetails(country!.Trim(), city!.Trim(), purpose!.Value, purpose == TravelPurpose.Other ? purposeDetail : null,
            inviting, departure!.Value, returnOn!.Value, itinerary!.Trim(), contacts, note);
    }

    private static void Text(Dictionary<string, string> errors, string field, string? value, int max, string missing)
    {
        if (string.IsNullOrWhiteSpace(value))
            errors.TryAdd(field, missing);
        else
            Optional(errors, field, value, max);
    }

    private static void Optional(Dictionary<string, string> errors, string field, string? value, int max)
    {
        if (value?.Trim().Length > max)
            errors.TryAdd(field, $"Keep this to {max} characters.");
    }

    private TravelOutcome? RoleRefusal(string role, string message) =>
        currentUser.Get().Principal.IsInRole(role) ? null : TravelOutcome.Error("", message);

    private DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
}
