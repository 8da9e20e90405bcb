namespace SpecialistRegistry.Features.Custody;

/// <summary>What became of a custody entry: logged (with its receipt), refused, or beaten by another officer.</summary>
public abstract record CustodyOutcome
{
    public sealed record Logged(Guid PassportId, Guid EventId, string? ReceiptNumber) : CustodyOutcome;

    /// <summary>Field name ("" for the whole form) → message. Nothing was written.</summary>
    public sealed record Invalid(IReadOnlyDictionary<string, string> Errors) : CustodyOutcome
    {
        public string Summary => string.Join(" ", Errors.Values);
    }

    /// <summary>Someone logged this passport after the officer opened it; nothing was written.</summary>
    public sealed record Conflict(string Message) : CustodyOutcome;

    public sealed record NotFound : CustodyOutcome;

    public static Invalid Error(string field, string message) => new(new Dictionary<string, string> { [field] = message });
}
