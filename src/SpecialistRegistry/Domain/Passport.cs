namespace SpecialistRegistry.Domain;

public enum CustodyStatus
{
    NotHeld,
    Held,
    Released,
    Lost,
    Retired,
}

public sealed class Passport
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid SpecialistId { get; set; }
    public Specialist? Specialist { get; set; }
    // What identifies the passport is set when it is created and changed only by the two methods below: once the
    // custody office has taken a passport in, its receipts name these values, so the firm may no longer change them.
    // (Init-only, so a new passport is still written with an object initializer; EF reads and writes the fields.)
    private SensitiveValue _number = SensitiveValue.Empty;
    private string _issuingCountry = "";
    private DateOnly _issuedOn;
    private DateOnly _expiresOn;

    public SensitiveValue Number { get => _number; init => _number = value; }
    public string IssuingCountry { get => _issuingCountry; init => _issuingCountry = value; }
    public DateOnly IssuedOn { get => _issuedOn; init => _issuedOn = value; }
    public DateOnly ExpiresOn { get => _expiresOn; init => _expiresOn = value; }
    /// <summary>A person may hold several passports over time; exactly one is current.</summary>
    public bool IsCurrent { get; set; } = true;
    public Guid? ReplacesPassportId { get; set; }

    /// <summary>Derived from the custody events; changed only by the methods below.</summary>
    public CustodyStatus CustodyStatus { get; private set; } = CustodyStatus.NotHeld;
    public DateOnly? DueBackOn { get; private set; }
    public Guid Version { get; set; } = Guid.NewGuid();

    public List<CustodyEvent> CustodyEvents { get; set; } = [];

    /// <summary>Whether the custody office has ever taken this passport in: from then on only the office corrects its details.</summary>
    public bool DetailsLocked => CustodyStatus != CustodyStatus.NotHeld;

    /// <summary>
    /// The firm's edit of the number, issuing country and dates. A passport the custody office holds or has held is
    /// refused (its receipts and chain of custody name these values): the office corrects it, or a renewed passport
    /// replaces it. A number given again in another form (same look-up hash) keeps the stored ciphertext.
    /// </summary>
    public void UpdateDetails(SensitiveValue number, string issuingCountry, DateOnly issuedOn, DateOnly expiresOn)
    {
        if (SameDetails(number, issuingCountry, issuedOn, expiresOn))
            return;
        if (DetailsLocked)
            throw new DomainException(DomainText.Get("Passport_DetailsLocked", Number.Masked));
        SetDetails(number, issuingCountry, issuedOn, expiresOn);
    }

    /// <summary>The custody office's correction of a passport it holds or has held; the service records the reason.</summary>
    public void CorrectDetails(SensitiveValue number, string issuingCountry, DateOnly issuedOn, DateOnly expiresOn)
    {
        if (expiresOn <= issuedOn)
            throw new DomainException(DomainText.Get("Passport_ExpiryAfterIssue"));
        if (CustodyStatus == CustodyStatus.Retired)
            throw new DomainException(DomainText.Get("Passport_RetiredNotCorrected"));
        SetDetails(number, issuingCountry, issuedOn, expiresOn);
    }

    public bool SameDetails(SensitiveValue number, string issuingCountry, DateOnly issuedOn, DateOnly expiresOn) =>
        (number.IsEmpty || number.LookupHash == Number.LookupHash) && issuingCountry == IssuingCountry && issuedOn == IssuedOn && expiresOn == ExpiresOn;

    private void SetDetails(SensitiveValue number, string issuingCountry, DateOnly issuedOn, DateOnly expiresOn)
    {
        if (!number.IsEmpty && number.LookupHash != _number.LookupHash)
            _number = number;
        _issuingCountry = issuingCountry;
        _issuedOn = issuedOn;
        _expiresOn = expiresOn;
    }

    public bool IsOverdue(DateOnly today) => CustodyStatus == CustodyStatus.Released && DueBackOn < today;

    public CustodyEvent HandIn(CustodyEvent handIn) =>
        Apply(handIn, CustodyEventKind.HandIn, CustodyStatus.Held, CustodyStatus.NotHeld, CustodyStatus.Released);

    /// <summary>
    /// Releases the passport for an approved, unused trip of its holder, within the trip's window: the approval
    /// number becomes the release's authority and the passport is due back on the approved return date plus
    /// the grace days. The trip is marked as used by this release in the same step.
    /// </summary>
    public CustodyEvent ReleaseFor(TravelRequest trip, CustodyEvent release, DateOnly today, TravelRules rules)
    {
        if (CustodyStatus != CustodyStatus.Held)
            throw new DomainException(DomainText.Get("Passport_CannotBe", CustodyStatus.Describe(), CustodyEventKind.Release.PastTense()));
        if (trip.SpecialistId != SpecialistId)
            throw new DomainException(DomainText.Get("Passport_TripOfSomeoneElse"));
        trip.CheckReleasable(today, rules);
        var dueBack = trip.ApprovedReturnOn!.Value.AddDays(Math.Max(0, rules.GraceDays));
        if (ExpiresOn < dueBack)
            throw new DomainException(DomainText.Get("Passport_ExpiresBeforeDueBack", ExpiresOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), dueBack.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)));
        release.TravelRequestId = trip.Id;
        release.ApprovalReference = trip.ApprovalNumber;
        release.Destination = trip.Destination.Length <= 100 ? trip.Destination : trip.Destination[..100];
        release.DepartureOn = trip.ApprovedDepartureOn;
        release.DueBackOn = dueBack;
        var applied = Release(release);
        trip.MarkReleased(Id, applied.Id, applied.OccurredAt, dueBack);
        return applied;
    }

    /// <summary>
    /// The custody state change of a release with its own reference. The custody office releases only through
    /// <see cref="ReleaseFor"/>; this remains for history recorded before travel approvals existed (free-text references).
    /// </summary>
    public CustodyEvent Release(CustodyEvent release)
    {
        if (release.DueBackOn is not { } dueBack || release.DepartureOn is not { } departure)
            throw new DomainException(DomainText.Get("Passport_ReleaseNeedsDates"));
        if (dueBack < departure)
            throw new DomainException(DomainText.Get("Passport_DueBackBeforeDeparture"));
        if (string.IsNullOrWhiteSpace(release.ApprovalReference))
            throw new DomainException(DomainText.Get("Passport_ReleaseNeedsReference"));
        var applied = Apply(release, CustodyEventKind.Release, CustodyStatus.Released, CustodyStatus.Held);
        DueBackOn = dueBack;
        return applied;
    }

    /// <summary>Closes the release; a late return records by how many days it was late.</summary>
    public CustodyEvent Return(CustodyEvent returned)
    {
        var dueBack = DueBackOn;
        var applied = Apply(returned, CustodyEventKind.Return, CustodyStatus.Held, CustodyStatus.Released);
        var returnedOn = DateOnly.FromDateTime(returned.OccurredAt.UtcDateTime);
        applied.DueBackOn = dueBack;
        applied.LateByDays = dueBack is { } due ? Math.Max(0, returnedOn.DayNumber - due.DayNumber) : 0;
        DueBackOn = null;
        return applied;
    }

    public CustodyEvent ReportLost(CustodyEvent lost) =>
        Apply(lost, CustodyEventKind.Lost, CustodyStatus.Lost, CustodyStatus.NotHeld, CustodyStatus.Held, CustodyStatus.Released);

    public CustodyEvent Retire(CustodyEvent retired)
    {
        var applied = Apply(retired, CustodyEventKind.Retired, CustodyStatus.Retired,
            CustodyStatus.NotHeld, CustodyStatus.Held, CustodyStatus.Released, CustodyStatus.Lost);
        IsCurrent = false;
        return applied;
    }

    /// <summary>
    /// A renewed passport replaces this one: this one is retired with a link to its successor, and custody
    /// continues on the successor (a held passport's successor is held at the same place from the same moment).
    /// </summary>
    public CustodyEvent ReplaceWith(Passport successor, CustodyEvent retired, CustodyEvent? successorHandIn)
    {
        if (successor.Id == Id || successor.SpecialistId != SpecialistId)
            throw new DomainException(DomainText.Get("Passport_ReplaceSamePerson"));
        if (successor.CustodyStatus != CustodyStatus.NotHeld || successor.CustodyEvents.Count > 0)
            throw new DomainException(DomainText.Get("Passport_SuccessorHasHistory"));
        if (CustodyStatus == CustodyStatus.Released)
            throw new DomainException(DomainText.Get("Passport_ReleasedCannotBeReplaced"));
        var wasHeld = CustodyStatus == CustodyStatus.Held;
        if (wasHeld && successorHandIn is null)
            throw new ArgumentException("A held passport's successor must be handed in with it.", nameof(successorHandIn));
        retired.ReplacedByPassportId = successor.Id;
        var applied = Retire(retired);
        successor.ReplacesPassportId = Id;
        successor.Specialist ??= Specialist; // so its first event records the holder as this one's did
        successor.IsCurrent = true;
        if (wasHeld)
            successor.HandIn(successorHandIn!);
        return applied;
    }

    private CustodyEvent Apply(CustodyEvent e, CustodyEventKind kind, CustodyStatus next, params CustodyStatus[] allowedFrom)
    {
        if (e.Kind != kind)
            throw new ArgumentException($"Expected a {kind} event, got {e.Kind}.", nameof(e));
        if (!allowedFrom.Contains(CustodyStatus))
            throw new DomainException(DomainText.Get("Passport_CannotBe", CustodyStatus.Describe(), kind.PastTense()));
        e.PassportId = Id;
        e.RecordPassportAsItStands(this);
        CustodyStatus = next;
        CustodyEvents.Add(e);
        return e;
    }
}

public static class CustodyStatusText
{
    /// <summary>The status inside a sentence ("… that is held …"), in the current UI culture.</summary>
    public static string Describe(this CustodyStatus status) => DomainText.Get($"CustodyStatusIs_{status}");

    /// <summary>What the entry does to a passport, inside a sentence ("… cannot be handed in"), in the current UI culture.</summary>
    public static string PastTense(this CustodyEventKind kind) => DomainText.Get($"CustodyEventDone_{kind}");
}
