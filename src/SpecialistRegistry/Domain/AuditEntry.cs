namespace SpecialistRegistry.Domain;

/// <summary>
/// One link of the audit hash chain. Written only by the audit interceptor, never updated or deleted.
/// </summary>
public sealed class AuditEntry
{
    /// <summary>Gap-free, starting at 1.</summary>
    public long Sequence { get; set; }
    public DateTimeOffset At { get; set; }
    public string ActorId { get; set; } = "";
    public string ActorName { get; set; } = "";
    /// <summary>Added, Modified, Deleted, or a named event such as RevealedPassportNumber.</summary>
    public string Action { get; set; } = "";
    public string EntityType { get; set; } = "";
    public string EntityKey { get; set; } = "";
    /// <summary>JSON object of field → [old, new], sensitive values masked.</summary>
    public string Changes { get; set; } = "{}";
    public string PreviousHash { get; set; } = "";
    public string Hash { get; set; } = "";
    /// <summary>
    /// HMAC of <see cref="Hash"/> with a key outside the database: whoever rewrites entries and recomputes their
    /// hashes, or appends a forged one, cannot make a seal that matches. Empty only on entries written before
    /// sealing existed.
    /// </summary>
    public string Seal { get; set; } = "";
}
