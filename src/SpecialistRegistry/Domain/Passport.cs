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
    public SensitiveValue Number { get; set; } = SensitiveValue.Empty;
    public string IssuingCountry { get; set; } = "";
    public DateOnly IssuedOn { get; set; }
    public DateOnly ExpiresOn { get; set; }
    /// <summary>A person may hold several passports over time; exactly one is current.</summary>
    public bool IsCurrent { get; set; } = true;
    public Guid? ReplacesPassportId { get; set; }

    /// <summary>Derived from the custody events; changed only by the methods below.</summary>
    public CustodyStatus CustodyStatus { get; private set; } = CustodyStatus.NotHeld;
    public DateOnly? DueBackOn { get; private set; }
    public Guid Version { get; set; } = Guid.NewGuid();

    public List<CustodyEvent> CustodyEvents { get; set; } = [];

    public bool IsOverdue(DateOnly today) => CustodyStatus == CustodyStatus.Released && DueBackOn < today;

    public CustodyEvent HandIn(CustodyEvent handIn) =>
        Apply(handIn, CustodyEventKind.HandIn, CustodyStatus.Held, CustodyStatus.NotHeld, CustodyStatus.Released);

    public CustodyEvent Release(CustodyEvent release)
    {
        if (release.DueBackOn is not { } dueBack || release.DepartureOn is not { } departure)
            throw new DomainException("A release needs a departure date and a due-back date.");
        if (dueBack < departure)
            throw new DomainException("The due-back date cannot be before the departure date.");
        if (string.IsNullOrWhiteSpace(release.ApprovalReference))
            throw new DomainException("A release needs the travel approval reference.");
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
            throw new DomainException("A passport can only be replaced by another passport of the same person.");
        if (successor.CustodyStatus != CustodyStatus.NotHeld || successor.CustodyEvents.Count > 0)
            throw new DomainException("The new passport already has a custody history.");
        if (CustodyStatus == CustodyStatus.Released)
            throw new DomainException("A passport that is released cannot be replaced until it is returned.");
        var wasHeld = CustodyStatus == CustodyStatus.Held;
        if (wasHeld && successorHandIn is null)
            throw new ArgumentException("A held passport's successor must be handed in with it.", nameof(successorHandIn));
        retired.ReplacedByPassportId = successor.Id;
        var applied = Retire(retired);
        successor.ReplacesPassportId = Id;
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
            throw new DomainException($"A passport that is {CustodyStatus.Describe()} cannot be {kind.PastTense()}.");
        e.PassportId = Id;
        CustodyStatus = next;
        CustodyEvents.Add(e);
        return e;
    }
}

public static class CustodyStatusText
{
    public static string Describe(this CustodyStatus status) => status switch
    {
        CustodyStatus.NotHeld => "not held",
        CustodyStatus.Held => "held",
        CustodyStatus.Released => "released",
        CustodyStatus.Lost => "reported lost",
        CustodyStatus.Retired => "retired",
        _ => status.ToString(),
    };

    public static string PastTense(this CustodyEventKind kind) => kind switch
    {
        CustodyEventKind.HandIn => "handed in",
        CustodyEventKind.Release => "released",
        CustodyEventKind.Return => "returned",
        CustodyEventKind.Lost => "reported lost",
        CustodyEventKind.Retired => "retired",
        _ => kind.ToString(),
    };
}
