namespace SpecialistRegistry.Domain;

/// <summary>
/// A signed statement of the audit chain's head at a moment: "entry <see cref="Sequence"/> had hash
/// <see cref="Hash"/>". The signature is made with a key that is not in the database, so rewriting, cutting or
/// extending the chain cannot be hidden by recomputing hashes. Written to the database and to an append-only
/// file outside it (see docs/audit-trail.md); never updated or deleted.
/// </summary>
public sealed class AuditCheckpoint
{
    public long Sequence { get; set; }
    public string Hash { get; set; } = "";
    public DateTimeOffset At { get; set; }
    public string Signature { get; set; } = "";
}
