using SpecialistRegistry.Domain;

namespace SpecialistRegistry.Features.Travel;

// Inputs that change a request carry its Version as the user saw it: a save on top of someone else's change is refused.

/// <summary>What Firm HR fills in to request travel for one of their staff.</summary>
public sealed record TravelRequestInput
{
    public Guid SpecialistId { get; set; }
    public string DestinationCountry { get; set; } = "";
    public string DestinationCity { get; set; } = "";
    public TravelPurpose? Purpose { get; set; }
    /// <summary>Required when the purpose is "Other".</summary>
    public string? PurposeDetail { get; set; }
    /// <summary>Required unless the trip is personal or family travel.</summary>
    public string? InvitingOrganisation { get; set; }
    public DateOnly? DepartureOn { get; set; }
    public DateOnly? ReturnOn { get; set; }
    public string Itinerary { get; set; } = "";
    public string? ContactsAbroad { get; set; }
    public string? Note { get; set; }
}

/// <summary>HR's answer to the regulator's question; the dates and itinerary may be changed with it.</summary>
public sealed record TravelAnswerInput
{
    public Guid TravelRequestId { get; set; }
    public Guid Version { get; set; }
    public string Answer { get; set; } = "";
    public DateOnly? DepartureOn { get; set; }
    public DateOnly? ReturnOn { get; set; }
    public string Itinerary { get; set; } = "";
    public string? ContactsAbroad { get; set; }
}

public enum TravelDecision
{
    Approve,
    Deny,
    AskForInformation,
}

/// <summary>A regulator's decision. Approval may shorten the stay and add conditions; a denial needs its reason.</summary>
public sealed record TravelDecisionInput
{
    public Guid TravelRequestId { get; set; }
    public Guid Version { get; set; }
    public TravelDecision Decision { get; set; }
    public DateOnly? ApprovedDepartureOn { get; set; }
    public DateOnly? ApprovedReturnOn { get; set; }
    public string? Conditions { get; set; }
    public string? Reason { get; set; }
    public string? Question { get; set; }
}

/// <summary>What became of a travel request change: saved, refused (nothing written), beaten by someone else, or not there.</summary>
public abstract record TravelOutcome
{
    public sealed record Saved(Guid TravelRequestId, string? ApprovalNumber = null) : TravelOutcome;

    /// <summary>Field name ("" for the whole form) → message. Nothing was written.</summary>
    public sealed record Invalid(IReadOnlyDictionary<string, string> Errors) : TravelOutcome
    {
        public string Summary => string.Join(" ", Errors.Values);
    }

    /// <summary>Someone changed the request after it was opened here; nothing was written.</summary>
    public sealed record Conflict(string Message) : TravelOutcome;

    /// <summary>No such request (or specialist) that this user may see.</summary>
    public sealed record NotFound : TravelOutcome;

    public static Invalid Error(string field, string message) => new(new Dictionary<string, string> { [field] = message });
}
