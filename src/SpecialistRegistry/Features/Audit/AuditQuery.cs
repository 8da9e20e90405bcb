using SpecialistRegistry.Domain.Records;

namespace SpecialistRegistry.Features.Audit;

public enum AuditSort
{
    Sequence,
    At,
    Actor,
    Action,
    EntityType,
    EntityKey,
}

/// <summary>
/// What the audit trail page asks for. Every field also lives in the page's URL, so a link reproduces the view.
/// Dates are whole UTC days, both ends inclusive; <see cref="Page"/> counts from 0.
/// </summary>
public sealed record AuditQuery
{
    public const int DefaultPageSize = 25;
    public const int MaxPageSize = 100;
    public static readonly int[] PageSizes = [10, 25, 50, 100];

    /// <summary>Matched, ignoring case, against the actor's name and the entity key.</summary>
    public string? Text { get; init; }
    public string? EntityType { get; init; }
    public string? Action { get; init; }
    /// <summary>An actor's id, matched exactly (names can repeat and change; ids do not).</summary>
    public string? ActorId { get; init; }
    public DateOnly? From { get; init; }
    public DateOnly? To { get; init; }
    public int Page { get; init; }
    public int PageSize { get; init; } = DefaultPageSize;
    public AuditSort Sort { get; init; } = AuditSort.Sequence;
    public bool Descending { get; init; } = true;

    /// <summary>Same filters, any page or order: a change here is a different result set, so paging restarts.</summary>
    public bool SameFiltersAs(AuditQuery other) =>
        Text == other.Text && EntityType == other.EntityType && Action == other.Action && ActorId == other.ActorId
        && From == other.From && To == other.To;
}

public sealed record AuditRow(
    long Sequence,
    DateTimeOffset At,
    string ActorId,
    string ActorName,
    string Action,
    string EntityType,
    string EntityKey,
    IReadOnlyList<FieldChange> Changes,
    string Summary)
{
    /// <summary>The reader's role may not read this entry's values: <see cref="Changes"/> name the fields only.</summary>
    public bool ValuesHidden { get; init; }
}

/// <summary>One page of the trail. <see cref="Page"/> is the page actually served (a page past the end serves the first).</summary>
public sealed record AuditPage(IReadOnlyList<AuditRow> Rows, int TotalCount, int Page);

public sealed record AuditFilterOptions(IReadOnlyList<string> EntityTypes, IReadOnlyList<string> Actions);
