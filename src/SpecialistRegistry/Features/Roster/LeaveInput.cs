namespace SpecialistRegistry.Features.Roster;

public sealed record LeaveInput(DateOnly LeftOn, string Reason);
