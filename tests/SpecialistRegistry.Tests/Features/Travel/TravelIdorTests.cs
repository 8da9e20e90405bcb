using SpecialistRegistry.Domain;
using SpecialistRegistry.Features.Travel;
using SpecialistRegistry.Tests.Infrastructure;
using static SpecialistRegistry.Tests.Features.Travel.TravelTestData;

namespace SpecialistRegistry.Tests.Features.Travel;

/// <summary>HR of another firm asking for this firm's request or person gets "not found" from every read and every action.</summary>
public sealed class TravelIdorTests
{
    [Theory]
    [MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task Another_firm_s_HR_gets_not_found_for_every_read_and_action_and_changes_nothing(TestProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var s = await TravelScenario.CreateAsync(app);
        var id = await app.RequestAsync(s.Person, s.Today.AddDays(10), s.Today.AddDays(17));
        await app.DecideAsync(id, TravelDecision.AskForInformation, s.Regulator, text: "Who will you meet?");
        var trip = await app.TripAsync(id);

        Assert.Null(await app.QueryAsync(s.OtherHr, q => q.GetAsync(id)));
        Assert.Empty((await app.QueryAsync(s.OtherHr, q => q.ListAsync(new TravelListQuery()))).Rows);
        Assert.Empty(await app.QueryAsync(s.OtherHr, q => q.ForSpecialistAsync(s.Person.Id)));
        Assert.Null(await app.QueryAsync(s.OtherHr, q => q.StaffAsync(s.Person.Id)));
        Assert.Empty(await app.QueryAsync(s.OtherHr, q => q.FindStaffAsync("Wang")));
        Assert.IsType<TravelOutcome.NotFound>(await app.AsAsync(s.OtherHr, t => t.WithdrawAsync(id, trip.Version, null)));
        Assert.IsType<TravelOutcome.NotFound>(await app.AsAsync(s.OtherHr, t => t.AnswerAsync(new TravelAnswerInput
        {
            TravelRequestId = id, Version = trip.Version, Answer = "x", DepartureOn = trip.DepartureOn, ReturnOn = trip.ReturnOn, Itinerary = "x",
        })));
        Assert.IsType<TravelOutcome.NotFound>(await app.AsAsync(s.OtherHr, t => t.RequestAsync(Request(s.Person.Id, s.Today.AddDays(30), s.Today.AddDays(31)))));

        var unchanged = await app.TripAsync(id);
        Assert.Equal((TravelStatus.InformationRequested, trip.Version, 1), (unchanged.Status, unchanged.Version, unchanged.Messages.Count));
        Assert.Equal(1, await s.TripCountAsync());
        // Their own firm's HR sees and acts on it.
        Assert.NotNull(await app.QueryAsync(s.Hr, q => q.GetAsync(id)));
        Assert.Single((await app.QueryAsync(s.Hr, q => q.ListAsync(new TravelListQuery()))).Rows);
    }

    [Fact]
    public async Task A_custody_officer_reads_approved_trips_only_and_lists_none()
    {
        await using var app = await TestApp.StartAsync();
        var s = await TravelScenario.CreateAsync(app);
        var pending = await app.RequestAsync(s.Person, s.Today.AddDays(10), s.Today.AddDays(17));
        var approved = await app.ApprovedTripAsync(s.Person, s.Today.AddDays(20), s.Today.AddDays(21));

        Assert.Null(await app.QueryAsync(s.Officer, q => q.GetAsync(pending)));
        var seen = await app.QueryAsync(s.Officer, q => q.GetAsync(approved.Id));
        Assert.Equal(approved.ApprovalNumber, seen!.Trip.ApprovalNumber);
        Assert.Null(seen.Context);
        Assert.Empty((await app.QueryAsync(s.Officer, q => q.ListAsync(new TravelListQuery()))).Rows);
        Assert.Empty((await app.QueryAsync(s.Officer, q => q.ReviewQueueAsync(new TravelListQuery()))).Rows);
        Assert.Empty((await app.QueryAsync(TestUsers.Admin, q => q.ListAsync(new TravelListQuery()))).Rows);
        Assert.Null(await app.QueryAsync(TestUsers.Admin, q => q.GetAsync(approved.Id)));
    }
}
