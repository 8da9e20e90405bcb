using SpecialistRegistry.Domain;

namespace SpecialistRegistry.Features.Flags;

public sealed record RaiseFlagInput(Guid SpecialistId, FlagReason? Reason, FlagSeverity? Severity, string? Note);

public sealed record FlagRow(
    Guid Id,
    Guid SpecialistId,
    string FullName,
    string LatinName,
    string EmployeeNumber,
    Guid FirmId,
    string FirmName,
    FlagReason Reason,
    FlagSeverity Severity,
    FlagStatus Status,
    string Note,
    string RaisedByName,
    DateTimeOffset RaisedAt,
    string? ResolvedByName,
    DateTimeOffset? ResolvedAt,
    string? ResolutionNote,
    Guid Version);

public enum FlagSort
{
    RaisedAt,
    Name,
    Firm,
    Severity,
    Reason,
    Status,
}

/// <summary>One page of the flags list. Everything here lives in the page's URL.</summary>
public sealed record FlagQuery(
    FlagStatus? Status = FlagStatus.Open,
    FlagReason? Reason = null,
    FlagSeverity? Severity = null,
    Guid? FirmId = null,
    string? Text = null,
    FlagSort Sort = FlagSort.RaisedAt,
    bool Descending = true,
    int Page = 0,
    int PageSize = 25);

public sealed record FlagPage(IReadOnlyList<FlagRow> Rows, int Total);

public sealed record SpecialistChoice(Guid Id, string FullName, string LatinName, string EmployeeNumber, string FirmName)
{
    public override string ToString() => $"{FullName} ({LatinName}) · {EmployeeNumber} · {FirmName}";
}

public sealed record FirmChoice(Guid Id, string Name);

/// <summary>What became of a flag change: done, refused with a message, or beaten by another regulator's change.</summary>
public abstract record FlagOutcome
{
    public sealed record Saved(Guid Id) : FlagOutcome;

    public sealed record Invalid(string Field, string Message) : FlagOutcome;

    /// <summary>Someone changed the flag after it was opened here; nothing was written. <see cref="Current"/> is theirs.</summary>
    public sealed record Conflict(FlagRow Current) : FlagOutcome;

    public sealed record NotFound : FlagOutcome;
}
