using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SpecialistRegistry.Domain;
using SpecialistRegistry.Features.Travel;
using SpecialistRegistry.Tests.Infrastructure;

namespace SpecialistRegistry.Tests.Features.Travel;

/// <summary>Travel requests made and decided through the real services, as Firm HR and a regulator would.</summary>
public static class TravelTestData
{
    public static TravelRequestInput Request(Guid specialistId, DateOnly departure, DateOnly returnOn, string city = "Tokyo", string country = "Japan") => new()
    {
        SpecialistId = specialistId,
        DestinationCountry = country,
        DestinationCity = city,
        Purpose = TravelPurpose.Conference,
        InvitingOrganisation = "Japan Society of Powder Metallurgy",
        DepartureOn = departure,
        ReturnOn = returnOn,
        Itinerary = "Tokyo Big Sight, conference days 1–3; plant visit on day 4.",
        ContactsAbroad = "Dr. Sato, +81 3 1234 5678",
    };

    public static async Task<TravelOutcome> AsHrAsync(this TestApp app, Guid firmId, Func<TravelService, Task<TravelOutcome>> work)
    {
        await using var scope = app.Scope(TestUsers.FirmHr(firmId));
        return await work(scope.ServiceProvider.GetRequiredService<TravelService>());
    }

    public static async Task<T> AsAsync<T>(this TestApp app, ClaimsPrincipal user, Func<TravelService, Task<T>> work)
    {
        await using var scope = app.Scope(user);
        return await work(scope.ServiceProvider.GetRequiredService<TravelService>());
    }

    public static async Task<T> QueryAsync<T>(this TestApp app, ClaimsPrincipal user, Func<TravelQueries, Task<T>> work)
    {
        await using var scope = app.Scope(user);
        return await work(scope.ServiceProvider.GetRequiredService<TravelQueries>());
    }

    /// <summary>HR of the person's firm requests the trip; returns its id.</summary>
    public static async Task<Guid> RequestAsync(this TestApp app, Specialist person, DateOnly departure, DateOnly returnOn, string city = "Tokyo")
    {
        var outcome = await app.AsHrAsync(person.FirmId, s => s.RequestAsync(Request(person.Id, departure, returnOn, city)));
        return Assert.IsType<TravelOutcome.Saved>(outcome).TravelRequestId;
    }

    public static async Task<TravelRequest> TripAsync(this TestApp app, Guid id)
    {
        await using var db = app.OpenDb();
        return await db.TravelRequests.AsNoTracking().Include(t => t.Messages).SingleAsync(t => t.Id == id);
    }

    public static async Task<TravelOutcome> DecideAsync(this TestApp app, Guid id, TravelDecision decision, ClaimsPrincipal? regulator = null,
        DateOnly? departure = null, DateOnly? returnOn = null, string? text = null, Guid? version = null)
    {
        var trip = await app.TripAsync(id);
        return await app.AsAsync(regulator ?? TestUsers.Regulator, s => s.DecideAsync(new TravelDecisionInput
        {
            TravelRequestId = id,
            Version = version ?? trip.Version,
            Decision = decision,
            ApprovedDepartureOn = departure ?? trip.DepartureOn,
            ApprovedReturnOn = returnOn ?? trip.ReturnOn,
            Reason = text,
            Question = text,
            Conditions = decision == TravelDecision.Approve ? text : null,
        }));
    }

    /// <summary>Requested and approved for exactly these dates; returns the trip.</summary>
    public static async Task<TravelRequest> ApprovedTripAsync(this TestApp app, Specialist person, DateOnly departure, DateOnly returnOn, string city = "Tokyo")
    {
        var id = await app.RequestAsync(person, departure, returnOn, city);
        Assert.IsType<TravelOutcome.Saved>(await app.DecideAsync(id, TravelDecision.Approve));
        return await app.TripAsync(id);
    }
}
