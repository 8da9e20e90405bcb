namespace SpecialistRegistry.Domain;

public enum MatchKind
{
    SamePassport,
    SameNationalId,
    SimilarName,
}

public enum MatchVerdict
{
    Confirmed,
    Dismissed,
}

/// <summary>
/// A regulator's verdict on a possible duplicate: two specialists at different firms who may be one person.
/// Stored per pair (the smaller id first) so a dismissed pair stays dismissed when the matching runs again.
/// </summary>
public sealed class MatchDecision
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid FirstSpecialistId { get; set; }
    public Guid SecondSpecialistId { get; set; }
    public MatchKind Kind { get; set; }
    public MatchVerdict Verdict { get; set; }
    /// <summary>The fuzzy score when decided (1 for exact matches), so a later reader sees what was judged.</summary>
    public double Score { get; set; }
    public string Note { get; set; } = "";
    public string DecidedById { get; set; } = "";
    public string DecidedByName { get; set; } = "";
    public DateTimeOffset DecidedAt { get; set; }
    public Guid Version { get; set; } = Guid.NewGuid();

    /// <summary>The pair in its stored order, whichever way round it was found.</summary>
    public static (Guid First, Guid Second) Pair(Guid a, Guid b) => a.CompareTo(b) < 0 ? (a, b) : (b, a);
}
