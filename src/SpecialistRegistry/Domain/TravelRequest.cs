namespace SpecialistRegistry.Domain;

public enum TravelPurpose
{
    Conference,
    BusinessNegotiation,
    Training,
    AcademicExchange,
    PersonalOrFamily,
    Other,
}

/// <summary>
/// Pending → InformationRequested ↔ (answered) Pending → Approved | Denied | Withdrawn;
/// Approved → Released (by one custody release) → Returned (or NotReturned when the passport is reported lost or
/// retired while out), or Approved → Expired when never collected.
/// </summary>
public enum TravelStatus
{
    Pending,
    InformationRequested,
    Approved,
    Denied,
    Withdrawn,
    Released,
    Returned,
    Expired,
    /// <summary>Closed without a return: the passport was reported lost or retired while released for the trip.</summary>
    NotReturned,
}

/// <summary>What HR asks for. The same shape is kept as the request's details and amended on a resubmission.</summary>
public sealed record TravelDetails(
    string DestinationCountry,
    string DestinationCity,
    TravelPurpose Purpose,
    string? PurposeDetail,
    string? InvitingOrganisation,
    DateOnly DepartureOn,
    DateOnly ReturnOn,
    string Itinerary,
    string? ContactsAbroad,
    string? Note);

/// <summary>The settings the release of a passport against an approved trip obeys ("Registry:Travel").</summary>
public sealed class TravelRules
{
    public const string Section = "Registry:Travel";

    /// <summary>Days after the approved return date by which the passport is due back.</summary>
    public int GraceDays { get; set; } = 2;

    /// <summary>How many days before the approved departure the passport may be collected.</summary>
    public int ReleaseLeadDays { get; set; } = 7;

    /// <summary>An approved trip not collected this many days after its approved departure expires.</summary>
    public int ExpireAfterDays { get; set; } = 3;

    /// <summary>The custody office's to-release list shows trips departing within this many days.</summary>
    public int ToReleaseWithinDays { get; set; } = 7;

    /// <summary>Hour of the day (UTC) at which the expiry job runs.</summary>
    public int DailyRunHourUtc { get; set; } = 2;
}

/// <summary>A question from the regulator, or HR's answer, in the order they were written.</summary>
public sealed class TravelMessage
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid TravelRequestId { get; set; }
    public bool IsQuestion { get; set; }
    public string Text { get; set; } = "";
    public string AuthorId { get; set; } = "";
    public string AuthorName { get; set; } = "";
    public DateTimeOffset At { get; set; }
}

/// <summary>
/// One specialist's request to travel abroad, filed by their firm's HR and decided by a regulator. Every
/// change of status goes through a method here, so a refused transition can never be saved. The workflow, the
/// release window and why approval numbers are unique by index: docs/travel-approvals.md.
/// </summary>
public sealed class TravelRequest
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid SpecialistId { get; set; }
    public Specialist? Specialist { get; set; }
    /// <summary>The firm that asked (the employer at the time); kept for the figures if the person later moves.</summary>
    public Guid FirmId { get; set; }

    public string DestinationCountry { get; private set; } = "";
    public string DestinationCity { get; private set; } = "";
    public TravelPurpose Purpose { get; private set; }
    public string? PurposeDetail { get; private set; }
    public string? InvitingOrganisation { get; private set; }
    public DateOnly DepartureOn { get; private set; }
    public DateOnly ReturnOn { get; private set; }
    public string Itinerary { get; private set; } = "";
    public string? ContactsAbroad { get; private set; }
    public string? Note { get; private set; }

    public TravelStatus Status { get; private set; } = TravelStatus.Pending;
    public string RequestedById { get; private set; } = "";
    public string RequestedByName { get; private set; } = "";
    /// <summary>When HR first asked; the regulator's queue is ordered by it, so an answered request keeps its place.</summary>
    public DateTimeOffset RequestedAt { get; private set; }

    public string? DecidedById { get; private set; }
    public string? DecidedByName { get; private set; }
    public DateTimeOffset? DecidedAt { get; private set; }
    /// <summary>Unique across all requests (a unique index, so two servers can never hand out one number twice).</summary>
    public string? ApprovalNumber { get; private set; }
    public DateOnly? ApprovedDepartureOn { get; private set; }
    public DateOnly? ApprovedReturnOn { get; private set; }
    public string? Conditions { get; private set; }
    public string? DenialReason { get; private set; }

    public DateTimeOffset? WithdrawnAt { get; private set; }
    public string? WithdrawalReason { get; private set; }

    public Guid? PassportId { get; private set; }
    /// <summary>The one custody release that used this approval (unique index).</summary>
    public Guid? ReleaseEventId { get; private set; }
    public DateTimeOffset? ReleasedAt { get; private set; }
    public DateOnly? DueBackOn { get; private set; }
    public Guid? ReturnEventId { get; private set; }
    public DateTimeOffset? ReturnedAt { get; private set; }
    public int? LateByDays { get; private set; }
    public DateTimeOffset? ExpiredAt { get; private set; }

    public Guid Version { get; set; } = Guid.NewGuid();

    public List<TravelMessage> Messages { get; set; } = [];

    /// <summary>"Osaka, Japan": the destination as custody entries and messages name it.</summary>
    public string Destination => $"{DestinationCity}, {DestinationCountry}";

    public bool IsOpen => Status is TravelStatus.Pending or TravelStatus.InformationRequested;

    public static TravelRequest Submit(Guid specialistId, Guid firmId, TravelDetails details, string byId, string byName, DateTimeOffset at)
    {
        var request = new TravelRequest
        {
            SpecialistId = specialistId,
            FirmId = firmId,
            RequestedById = byId,
            RequestedByName = byName,
            RequestedAt = at,
        };
        request.SetDetails(details);
        return request;
    }

    public void AskForInformation(string question, string byId, string byName, DateTimeOffset at)
    {
        Require(TravelStatus.InformationRequested);
        if (string.IsNullOrWhiteSpace(question))
            throw new DomainException(DomainText.Get("Travel_QuestionMissing"));
        Messages.Add(new TravelMessage { TravelRequestId = Id, IsQuestion = true, Text = question.Trim(), AuthorId = byId, AuthorName = byName, At = at });
        Status = TravelStatus.InformationRequested;
    }

    /// <summary>HR answers the regulator's question and sends the request back, amended when <paramref name="amended"/> is given.</summary>
    public void Answer(string answer, TravelDetails? amended, string byId, string byName, DateTimeOffset at)
    {
        Require(TravelStatus.Pending);
        if (string.IsNullOrWhiteSpace(answer))
            throw new DomainException(DomainText.Get("Travel_AnswerMissing"));
        if (amended is not null)
            SetDetails(amended);
        Messages.Add(new TravelMessage { TravelRequestId = Id, IsQuestion = false, Text = answer.Trim(), AuthorId = byId, AuthorName = byName, At = at });
        Status = TravelStatus.Pending;
    }

    /// <summary>Approves the trip, for the requested dates or a shorter stay within them.</summary>
    public void Approve(string approvalNumber, DateOnly departure, DateOnly returnOn, string? conditions, string byId, string byName, DateTimeOffset at)
    {
        Require(TravelStatus.Approved);
        if (string.IsNullOrWhiteSpace(approvalNumber))
            throw new ArgumentException("An approval needs its number.", nameof(approvalNumber));
        if (returnOn < departure)
            throw new DomainException(DomainText.Get("Travel_ApprovedReturnBeforeDeparture"));
        if (departure < DepartureOn || returnOn > ReturnOn)
            throw new DomainException(DomainText.Get("Travel_ApprovedOutsideRequested", DepartureOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), ReturnOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)));
        ApprovalNumber = approvalNumber;
        ApprovedDepartureOn = departure;
        ApprovedReturnOn = returnOn;
        Conditions = Clean(conditions);
        Decided(TravelStatus.Approved, byId, byName, at);
    }

    public void Deny(string reason, string byId, string byName, DateTimeOffset at)
    {
        Require(TravelStatus.Denied);
        if (string.IsNullOrWhiteSpace(reason))
            throw new DomainException(DomainText.Get("Travel_DenialReasonMissing"));
        DenialReason = reason.Trim();
        Decided(TravelStatus.Denied, byId, byName, at);
    }

    /// <summary>HR takes the request back before the regulator has decided.</summary>
    public void Withdraw(string? reason, DateTimeOffset at)
    {
        Require(TravelStatus.Withdrawn);
        WithdrawnAt = at;
        WithdrawalReason = Clean(reason);
        Status = TravelStatus.Withdrawn;
    }

    /// <summary>
    /// The person left the firm: a request not yet decided, or approved but not yet collected, can no longer be
    /// used, so it is withdrawn with <paramref name="reason"/> (the one way an approved trip becomes withdrawn).
    /// A trip under way is left alone: its passport must still come back. True when the request was withdrawn.
    /// </summary>
    public bool WithdrawBecausePersonLeft(string reason, DateTimeOffset at)
    {
        if (Status is not (TravelStatus.Pending or TravelStatus.InformationRequested or TravelStatus.Approved))
            return false;
        WithdrawnAt = at;
        WithdrawalReason = Clean(reason);
        Status = TravelStatus.Withdrawn;
        return true;
    }

    /// <summary>
    /// The days on which the passport may be collected: from <see cref="TravelRules.ReleaseLeadDays"/> before the
    /// approved departure until the approved return, and never later than <see cref="TravelRules.ExpireAfterDays"/>
    /// after the approved departure. Only for an approved trip.
    /// </summary>
    public (DateOnly From, DateOnly Until) ReleaseWindow(TravelRules rules)
    {
        if (ApprovedDepartureOn is not { } departure || ApprovedReturnOn is not { } returnOn)
            throw new InvalidOperationException("Only an approved trip has a release window.");
        var latest = departure.AddDays(Math.Max(0, rules.ExpireAfterDays));
        return (departure.AddDays(-Math.Max(0, rules.ReleaseLeadDays)), returnOn < latest ? returnOn : latest);
    }

    /// <summary>Throws, with a sentence for the custody officer, unless the passport may leave for this trip today.</summary>
    public void CheckReleasable(DateOnly today, TravelRules rules)
    {
        switch (Status)
        {
            case TravelStatus.Approved:
                break;
            case TravelStatus.Released or TravelStatus.Returned or TravelStatus.NotReturned:
                throw new DomainException(DomainText.Get("Travel_AlreadyUsed", ApprovalNumber));
            case TravelStatus.Expired:
                throw new DomainException(DomainText.Get("Travel_ApprovalExpired", ApprovalNumber));
            case TravelStatus.Denied:
                throw new DomainException(DomainText.Get("Travel_WasDenied"));
            case TravelStatus.Withdrawn:
                throw new DomainException(DomainText.Get("Travel_WasWithdrawn"));
            default:
                throw new DomainException(DomainText.Get("Travel_NotApprovedYet"));
        }
        var (from, until) = ReleaseWindow(rules);
        if (today < from)
            throw new DomainException(DomainText.Get("Travel_TooEarly", ApprovalNumber, ApprovedDepartureOn!.Value.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), from.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)));
        if (today > until)
            throw new DomainException(DomainText.Get("Travel_WindowEnded", ApprovalNumber, until.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)));
    }

    /// <summary>Called by <see cref="Passport.ReleaseFor"/> once the release is applied: the approval is used.</summary>
    internal void MarkReleased(Guid passportId, Guid releaseEventId, DateTimeOffset at, DateOnly dueBack)
    {
        Require(TravelStatus.Released);
        PassportId = passportId;
        ReleaseEventId = releaseEventId;
        ReleasedAt = at;
        DueBackOn = dueBack;
        Status = TravelStatus.Released;
    }

    /// <summary>The passport is back: the trip is closed, on time or late by the days the return was late.</summary>
    public void CloseWithReturn(Guid returnEventId, DateTimeOffset at, int lateByDays)
    {
        Require(TravelStatus.Returned);
        ReturnEventId = returnEventId;
        ReturnedAt = at;
        LateByDays = Math.Max(0, lateByDays);
        Status = TravelStatus.Returned;
    }

    /// <summary>
    /// The passport was reported lost or retired while released for this trip: it will never come back, so the trip
    /// closes as not returned instead of staying "abroad" for ever. <paramref name="closingEventId"/> is that custody entry.
    /// </summary>
    public void CloseNotReturned(Guid closingEventId)
    {
        Require(TravelStatus.NotReturned);
        ReturnEventId = closingEventId;
        Status = TravelStatus.NotReturned;
    }

    /// <summary>An approved trip whose window passed without a release.</summary>
    public bool IsExpiredOn(DateOnly today, TravelRules rules) => Status == TravelStatus.Approved && today > ReleaseWindow(rules).Until;

    public void Expire(DateOnly today, TravelRules rules, DateTimeOffset at)
    {
        Require(TravelStatus.Expired);
        if (!IsExpiredOn(today, rules))
            throw new DomainException(DomainText.Get("Travel_StillCollectable", ApprovalNumber, ReleaseWindow(rules).Until.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)));
        ExpiredAt = at;
        Status = TravelStatus.Expired;
    }

    /// <summary>Overlap of two trips by their days (approved days when approved); a trip touching another's last day overlaps it.</summary>
    public static bool Overlap(DateOnly fromA, DateOnly toA, DateOnly fromB, DateOnly toB) => fromA <= toB && fromB <= toA;

    /// <summary>The days the trip covers now: approved days once approved, else the requested ones.</summary>
    public (DateOnly From, DateOnly To) Days => (ApprovedDepartureOn ?? DepartureOn, ApprovedReturnOn ?? ReturnOn);

    private void SetDetails(TravelDetails d)
    {
        if (string.IsNullOrWhiteSpace(d.DestinationCountry) || string.IsNullOrWhiteSpace(d.DestinationCity))
            throw new DomainException(DomainText.Get("Travel_NeedsDestination"));
        if (d.ReturnOn < d.DepartureOn)
            throw new DomainException(DomainText.Get("Travel_ReturnBeforeDeparture"));
        if (string.IsNullOrWhiteSpace(d.Itinerary))
            throw new DomainException(DomainText.Get("Travel_NeedsItinerary"));
        DestinationCountry = d.DestinationCountry.Trim();
        DestinationCity = d.DestinationCity.Trim();
        Purpose = d.Purpose;
        PurposeDetail = Clean(d.PurposeDetail);
        InvitingOrganisation = Clean(d.InvitingOrganisation);
        DepartureOn = d.DepartureOn;
        ReturnOn = d.ReturnOn;
        Itinerary = d.Itinerary.Trim();
        ContactsAbroad = Clean(d.ContactsAbroad);
        Note = Clean(d.Note);
    }

    public TravelDetails Details => new(DestinationCountry, DestinationCity, Purpose, PurposeDetail, InvitingOrganisation,
        DepartureOn, ReturnOn, Itinerary, ContactsAbroad, Note);

    private void Decided(TravelStatus status, string byId, string byName, DateTimeOffset at)
    {
        DecidedById = byId;
        DecidedByName = byName;
        DecidedAt = at;
        Status = status;
    }

    /// <summary>The state machine: from which statuses a request may move to <paramref name="next"/>.</summary>
    public static IReadOnlyList<TravelStatus> AllowedFrom(TravelStatus next) => next switch
    {
        TravelStatus.Pending => [TravelStatus.InformationRequested],
        TravelStatus.InformationRequested => [TravelStatus.Pending],
        TravelStatus.Approved or TravelStatus.Denied => [TravelStatus.Pending],
        TravelStatus.Withdrawn => [TravelStatus.Pending, TravelStatus.InformationRequested],
        TravelStatus.Released or TravelStatus.Expired => [TravelStatus.Approved],
        TravelStatus.Returned or TravelStatus.NotReturned => [TravelStatus.Released],
        _ => [],
    };

    public bool CanBecome(TravelStatus next) => AllowedFrom(next).Contains(Status);

    /// <summary>Throws the refusal a person reads ("A travel request that is withdrawn cannot be approved.").</summary>
    public void Require(TravelStatus next)
    {
        if (!CanBecome(next))
            throw new DomainException(DomainText.Get("Travel_CannotBecome", Status.Describe(), next.Becoming()));
    }

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}

public static class TravelText
{
    /// <summary>The status inside a sentence ("… that is approved …"), in the current UI culture.</summary>
    public static string Describe(this TravelStatus status) => DomainText.Get($"TravelStatusIs_{status}");

    /// <summary>"… cannot be approved", "… cannot be sent back to the regulator", in the current UI culture.</summary>
    public static string Becoming(this TravelStatus status) => DomainText.Get($"TravelBecoming_{status}");

    public static string Of(TravelStatus status) => EnumText.Of(status);

    public static string Of(TravelPurpose purpose) => EnumText.Of(purpose);

    /// <summary>
    /// How a trip ended, as the reviewer reads it: "Returned on time", "Returned 3 days late", "Not collected".
    /// <paramref name="closedBy"/> is the kind of the custody entry that closed a trip not returned (lost or retired).
    /// </summary>
    public static string Outcome(TravelStatus status, int? lateByDays, CustodyEventKind? closedBy = null) => status switch
    {
        // English says "1 day" but "2 days"; Chinese has one form.
        TravelStatus.Returned when lateByDays is 1 => DomainText.Get("Travel_ReturnedLateOne"),
        TravelStatus.Returned when lateByDays is > 0 => DomainText.Get("Travel_ReturnedLate", lateByDays),
        TravelStatus.Returned => DomainText.Get("Travel_ReturnedOnTime"),
        TravelStatus.Expired => DomainText.Get("Travel_NotCollected"),
        TravelStatus.NotReturned when closedBy is CustodyEventKind.Lost or CustodyEventKind.Retired => DomainText.Get($"Travel_NotReturned_{closedBy}"),
        TravelStatus.NotReturned => DomainText.Get("Travel_NotReturned"),
        TravelStatus.Released => DomainText.Get("Travel_Abroad"),
        _ => Of(status),
    };
}
