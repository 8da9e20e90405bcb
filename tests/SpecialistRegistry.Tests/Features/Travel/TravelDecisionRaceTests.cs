using SpecialistRegistry.Auth;
using SpecialistRegistry.Domain;
using SpecialistRegistry.Features.Travel;
using SpecialistRegistry.Tests.Infrastructure;

namespace SpecialistRegistry.Tests.Features.Travel;

/// <summary>Two regulators decide the same request at the same moment: exactly one decision stands, the other is told.</summary>
public sealed class TravelDecisionRaceTests
{
    [Theory]
    [MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task Two_regulators_approving_and_denying_at_once_exactly_one_decision_stands(TestProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var s = await TravelScenario.CreateAsync(app);
        var id = await app.RequestAsync(s.Person, s.Today.AddDays(10), s.Today.AddDays(17));
        var version = (await app.TripAsync(id)).Version;
        var alice = TestUsers.Principal(Roles.Regulator, id: "alice", name: "Alice");
        var bob = TestUsers.Principal(Roles.Regulator, id: "bob", name: "Bob");

        var outcomes = await Task.WhenAll(
            Task.Run(() => app.DecideAsync(id, TravelDecision.Approve, alice, version: version)),
            Task.Run(() => app.DecideAsync(id, TravelDecision.Deny, bob, text: "Not this year.", version: version)));

        var won = Assert.Single(outcomes.OfType<TravelOutcome.Saved>());
        var lost = Assert.Single(outcomes.OfType<TravelOutcome.Conflict>());
        var trip = await app.TripAsync(id);
        var aliceWon = outcomes[0] is TravelOutcome.Saved;
        Assert.Equal(aliceWon ? TravelStatus.Approved : TravelStatus.Denied, trip.Status);
        Assert.Equal(aliceWon ? "Alice" : "Bob", trip.DecidedByName);
        Assert.Equal(aliceWon ? won.ApprovalNumber : null, trip.ApprovalNumber);
        Assert.Equal(aliceWon ? null : "Not this year.", trip.DenialReason);
        Assert.Contains("Nothing was saved.", lost.Message);
        Assert.Contains(aliceWon ? "Alice decided this request" : "Bob decided this request", lost.Message);
        // The losing decision told nobody: one notice for the firm's HR.
        Assert.Single(await s.NotificationsAsync(s.Hr));
    }

    [Theory]
    [MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task A_decision_made_on_a_stale_page_is_refused_and_names_the_decision_that_stands(TestProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var s = await TravelScenario.CreateAsync(app);
        var id = await app.RequestAsync(s.Person, s.Today.AddDays(10), s.Today.AddDays(17));
        var seen = (await app.TripAsync(id)).Version;
        Assert.IsType<TravelOutcome.Saved>(await app.DecideAsync(id, TravelDecision.Approve, s.Regulator));

        var stale = Assert.IsType<TravelOutcome.Conflict>(await app.DecideAsync(id, TravelDecision.AskForInformation,
            TestUsers.Principal(Roles.Regulator, id: "late", name: "Late"), text: "Why?", version: seen));

        var trip = await app.TripAsync(id);
        Assert.Equal($"Wang Lei (Regulator) decided this request after you opened it: it is approved ({trip.ApprovalNumber}). Nothing was saved.", stale.Message);
        Assert.Equal(TravelStatus.Approved, trip.Status);
        Assert.Empty(trip.Messages);
    }

    [Theory]
    [MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task HR_withdrawing_while_a_regulator_approves_leaves_exactly_one_of_them(TestProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var s = await TravelScenario.CreateAsync(app);
        var id = await app.RequestAsync(s.Person, s.Today.AddDays(10), s.Today.AddDays(17));
        var version = (await app.TripAsync(id)).Version;

        var outcomes = await Task.WhenAll(
            Task.Run(() => app.DecideAsync(id, TravelDecision.Approve, s.Regulator, version: version)),
            Task.Run(() => app.AsAsync(s.Hr, t => t.WithdrawAsync(id, version, null))));

        Assert.Single(outcomes.OfType<TravelOutcome.Saved>());
        Assert.Single(outcomes.OfType<TravelOutcome.Conflict>());
        Assert.Equal(outcomes[0] is TravelOutcome.Saved ? TravelStatus.Approved : TravelStatus.Withdrawn, (await app.TripAsync(id)).Status);
    }

    [Theory]
    [MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task Two_regulators_approving_two_overlapping_requests_of_one_person_at_once_exactly_one_approval_stands(TestProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var s = await TravelScenario.CreateAsync(app);
        var alice = TestUsers.Principal(Roles.Regulator, id: "alice", name: "Alice");
        var bob = TestUsers.Principal(Roles.Regulator, id: "bob", name: "Bob");

        // Several rounds, each in its own weeks: one lucky interleaving must not hide the race.
        for (var round = 0; round < 5; round++)
        {
            var start = s.Today.AddDays(10 + 30 * round);
            var first = await app.RequestAsync(s.Person, start, start.AddDays(10), city: "Tokyo");
            var second = await app.RequestAsync(s.Person, start.AddDays(5), start.AddDays(15), city: "Osaka");

            var outcomes = await Task.WhenAll(
                Task.Run(() => app.DecideAsync(first, TravelDecision.Approve, alice)),
                Task.Run(() => app.DecideAsync(second, TravelDecision.Approve, bob)));

            Assert.Single(outcomes.OfType<TravelOutcome.Saved>());
            var refused = Assert.Single(outcomes.OfType<TravelOutcome.Invalid>());
            Assert.StartsWith("These dates overlap approved travel TA-2026-", refused.Errors[nameof(TravelDecisionInput.ApprovedDepartureOn)]);
            var statuses = new[] { (await app.TripAsync(first)).Status, (await app.TripAsync(second)).Status };
            Assert.Equal(1, statuses.Count(x => x == TravelStatus.Approved));
            Assert.Equal(1, statuses.Count(x => x == TravelStatus.Pending));
        }
    }
}
