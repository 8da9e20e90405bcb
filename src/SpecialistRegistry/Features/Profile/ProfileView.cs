using SpecialistRegistry.Domain.Records;
using SpecialistRegistry.Domain;

namespace SpecialistRegistry.Features.Profile;

public enum RevealField
{
    NationalId,
    Passport,
}

public sealed record ProfileView(
    Guid Id, Guid FirmId, string FirmName, IndustrySegment Segment, string EmployeeNumber, string FullName, string LatinName,
    Gender Gender, DateOnly DateOfBirth, string Nationality, string NationalIdMasked, string Phone, string Email,
    string Position, string Department, DateOnly HireDate, EmploymentStatus Status, DateOnly? LeftOn, string? LeftReason,
    DateTimeOffset UpdatedAt,
    IReadOnlyList<Expertise> Expertise, IReadOnlyList<Education> Education, IReadOnlyList<ResearchRecord> Research,
    IReadOnlyList<PassportView> Passports, IReadOnlyList<FilingView> Filings, IReadOnlyList<FlagView> Flags,
    IReadOnlyList<HistoryView> History, bool HistoryTruncated);

public sealed record PassportView(
    Guid Id, string Masked, string IssuingCountry, DateOnly IssuedOn, DateOnly ExpiresOn, bool IsCurrent,
    CustodyStatus Status, DateOnly? DueBackOn, IReadOnlyList<CustodyEvent> Events);

public sealed record FilingView(Guid FilingId, string Period, FilingStatus Status, DateTimeOffset? SubmittedAt, FilingChange Change);

public sealed record FlagView(Guid Id, FlagReason Reason, FlagSeverity Severity, FlagStatus Status, string Note,
    DateTimeOffset RaisedAt, DateTimeOffset? ResolvedAt, string? ResolutionNote);

public sealed record HistoryView(long Sequence, DateTimeOffset At, string ActorName, string Action, string EntityType, IReadOnlyList<FieldChange> Changes);

/// <summary>A reveal either shows the number or says why not.</summary>
public sealed record RevealOutcome(string? Value, string? Error, bool Throttled = false)
{
    public static RevealOutcome Refused(string why) => new(null, why);
    public static RevealOutcome TooMany(string why) => new(null, why, Throttled: true);
}
