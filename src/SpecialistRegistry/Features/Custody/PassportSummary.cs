namespace SpecialistRegistry.Features.Custody;

/// <summary>What a custody dialog needs to know about the passport it acts on.</summary>
public sealed record PassportSummary(Guid PassportId, Guid Version, string HolderName, string Number, DateOnly? DueBackOn);
