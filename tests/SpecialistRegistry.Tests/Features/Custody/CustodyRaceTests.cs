using Microsoft.EntityFrameworkCore;
using SpecialistRegistry.Domain;
using SpecialistRegistry.Features.Custody;
using SpecialistRegistry.Tests.Infrastructure;

namespace SpecialistRegistry.Tests.Features.Custody;

/// <summary>Two officers log the same passport at the same moment: exactly one entry stands, the other officer is told.</summary>
public sealed class CustodyRaceTests
{
    [Theory]
    [MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task Two_contexts_logging_the_same_passport_one_save_wins_and_the_other_is_refused(TestProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var data = await CustodyTestData.CreateAsync(app);
        await using var first = app.OpenDb();
        await using var second = app.OpenDb();
        var mine = await first.Passports.SingleAsync(p => p.Id == data.PassportId);
        var theirs = await second.Passports.SingleAsync(p => p.Id == data.PassportId);

        first.CustodyEvents.Add(mine.HandIn(new CustodyEvent { Kind = CustodyEventKind.HandIn, OccurredAt = app.Clock.GetUtcNow(), OfficerId = "a", OfficerName = "Officer A", StorageLocation = "Safe A, slot 1" }));
        second.CustodyEvents.Add(theirs.HandIn(new CustodyEvent { Kind = CustodyEventKind.HandIn, OccurredAt = app.Clock.GetUtcNow(), OfficerId = "b", OfficerName = "Officer B", StorageLocation = "Safe B, slot 2" }));
        await first.SaveChangesAsync();

        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync());

        var e = Assert.Single(await data.EventsAsync());
        Assert.Equal("Officer A", e.OfficerName);
        Assert.Equal(CustodyStatus.Held, (await data.PassportAsync()).CustodyStatus);
    }

    [Theory]
    [MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task Two_officers_handing_in_at_once_through_the_service_exactly_one_succeeds(TestProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var data = await CustodyTestData.CreateAsync(app);
        var form = await data.HandInFormAsync();
        var officerA = TestUsers.Principal(SpecialistRegistry.Auth.Roles.CustodyOfficer, id: "officer-a", name: "Officer A");
        var officerB = TestUsers.Principal(SpecialistRegistry.Auth.Roles.CustodyOfficer, id: "officer-b", name: "Officer B");

        var outcomes = await Task.WhenAll(
            Task.Run(() => data.AsOfficerAsync(s => s.HandInAsync(form with { Safe = "A" }), officerA)),
            Task.Run(() => data.AsOfficerAsync(s => s.HandInAsync(form with { Safe = "B" }), officerB)));

        Assert.Single(outcomes.OfType<CustodyOutcome.Logged>());
        var refused = Assert.Single(outcomes.OfType<CustodyOutcome.Conflict>());
        Assert.Contains("Nothing was saved", refused.Message);
        var e = Assert.Single(await data.EventsAsync());
        Assert.Equal(outcomes[0] is CustodyOutcome.Logged ? "Safe A, slot 12" : "Safe B, slot 12", e.StorageLocation);
    }

    [Fact]
    public async Task After_losing_the_race_the_officer_can_reload_and_log_the_next_step()
    {
        await using var app = await TestApp.StartAsync();
        var data = await CustodyTestData.CreateAsync(app);
        var stale = await data.HandInFormAsync();
        await data.HandInAsync();
        Assert.IsType<CustodyOutcome.Conflict>(await data.AsOfficerAsync(s => s.HandInAsync(stale)));
        app.Clock.Advance(TimeSpan.FromMinutes(1));

        var today = DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime);
        await data.ReleaseAsync(today.AddDays(2), today.AddDays(9));

        Assert.Equal(2, (await data.EventsAsync()).Count);
    }
}
