namespace SpecialistRegistry.Features.Roster;

/// <summary>What became of a save: done, refused with messages per field, or beaten by someone else's save.</summary>
public abstract record SaveOutcome
{
    public sealed record Saved(Guid Id) : SaveOutcome;

    /// <summary>Field path (e.g. "EmployeeNumber", "Passports[0].Number", "" for the whole form) → message.</summary>
    public sealed record Invalid(IReadOnlyDictionary<string, string> Errors) : SaveOutcome;

    /// <summary>Someone saved this specialist after the user opened it; nothing was written.</summary>
    public sealed record Conflict(SpecialistForm Theirs) : SaveOutcome;

    public sealed record NotFound : SaveOutcome;

    public static Invalid Error(string field, string message) => new(new Dictionary<string, string> { [field] = message });
}
