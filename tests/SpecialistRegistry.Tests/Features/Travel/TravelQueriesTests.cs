using Microsoft.EntityFrameworkCore;
using SpecialistRegistry.Domain;
using SpecialistRegistry.Features.Travel;
using SpecialistRegistry.Tests.Infrastructure;

namespace SpecialistRegistry.Tests.Features.Travel;

/// <summary>The lists' filters, sorts and review context are translated by both engines alike.</summary>
public sealed class TravelQueriesTests
{
    [Theory]
    [MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task The_queue_filters_and_sorts_in_the_database_and_brings_each_person_s_context(TestProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var s = await TravelScenario.CreateAsync(app);
        var li = await TestData.AddSpecialistAsync(app, s.OtherFirm.Id, "B-001", "李娜", "Li Na", passportNumber: "E77777777");
        await app.WithDbAsync(s.Regulator, async db =>
        {
            db.Flags.Add(new Flag { SpecialistId = li.Id, Reason = FlagReason.UnreportedTravel, Severity = FlagSeverity.Medium, Note = "n", Status = FlagStatus.Open, RaisedById = "r", RaisedAt = app.Clock.GetUtcNow() });
            db.Expertise.Add(new Expertise { SpecialistId = li.Id, Area = ExpertiseArea.IonExchange, Level = ExpertiseLevel.Advanced, Years = 7 });
            var passport = await db.Passports.SingleAsync(p => p.SpecialistId == li.Id);
            db.CustodyEvents.Add(passport.HandIn(new CustodyEvent { Kind = CustodyEventKind.HandIn, OccurredAt = app.Clock.GetUtcNow().AddDays(-50), OfficerId = "o", OfficerName = "O" }));
            // A release from before travel approvals, returned three days late.
            var release = passport.Release(new CustodyEvent { Kind = CustodyEventKind.Release, OccurredAt = app.Clock.GetUtcNow().AddDays(-40), OfficerId = "o", OfficerName = "O",
                ApprovalReference = "OLD-1", Destination = "Hanoi", DepartureOn = s.Today.AddDays(-40), DueBackOn = s.Today.AddDays(-30) });
            db.CustodyEvents.Add(release);
            db.CustodyEvents.Add(passport.Return(new CustodyEvent { Kind = CustodyEventKind.Return, OccurredAt = app.Clock.GetUtcNow().AddDays(-27), OfficerId = "o", OfficerName = "O" }));
            await db.SaveChangesAsync();
        });
        var wang = await app.RequestAsync(s.Person, s.Today.AddDays(10), s.Today.AddDays(12), "Osaka");
        app.Clock.Advance(TimeSpan.FromMinutes(5));
        var liTrip = await app.RequestAsync(li, s.Today.AddDays(5), s.Today.AddDays(8), "Hamburg");
        var liApproved = await app.ApprovedTripAsync(li, s.Today.AddDays(30), s.Today.AddDays(31), "Seoul");

        var queue = await app.QueryAsync(s.Regulator, q => q.ReviewQueueAsync(new TravelListQuery([TravelStatus.Pending])));
        var byName = await app.QueryAsync(s.Regulator, q => q.ListAsync(new TravelListQuery(null, "li na", Sort: TravelSort.Departure, Descending: true)));
        var byFirm = await app.QueryAsync(s.Regulator, q => q.ListAsync(new TravelListQuery(null, FirmId: s.Firm.Id)));
        var byCountry = await app.QueryAsync(s.Regulator, q => q.ListAsync(new TravelListQuery(null, Country: "japan", Purpose: TravelPurpose.Conference)));
        var byNumber = await app.QueryAsync(s.Regulator, q => q.ListAsync(new TravelListQuery(null, liApproved.ApprovalNumber!.ToLowerInvariant())));
        var wildcard = await app.QueryAsync(s.Regulator, q => q.ListAsync(new TravelListQuery(null, "%")));

        Assert.Equal([wang, liTrip], queue.Rows.Select(r => r.Trip.Id));
        var context = queue.Rows[1].Context;
        Assert.Equal([new OpenFlag(FlagReason.UnreportedTravel, FlagSeverity.Medium)], context.OpenFlags);
        Assert.Equal([new ExpertiseItem(ExpertiseArea.IonExchange, ExpertiseLevel.Advanced, 7)], context.Expertise);
        var past = Assert.Single(context.PastTrips);
        Assert.Equal(("Hanoi", "Returned 3 days late", true), (past.Destination, past.Outcome, past.BeforeApprovals));
        Assert.Equal(CustodyStatus.Held, context.Passport!.Status);
        Assert.Equal([liApproved.Id], context.OtherTrips.Select(t => t.Id));
        Assert.Empty(queue.Rows[0].Context.OtherTrips);
        Assert.Equal([liApproved.Id, liTrip], byName.Rows.Select(r => r.Id));
        Assert.Equal([wang], byFirm.Rows.Select(r => r.Id));
        Assert.Equal(3, byCountry.Total);
        Assert.Equal([liApproved.Id], byNumber.Rows.Select(r => r.Id));
        Assert.Empty(wildcard.Rows);
    }
}
