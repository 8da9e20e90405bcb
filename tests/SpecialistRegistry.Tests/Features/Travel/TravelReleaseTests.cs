using SpecialistRegistry.Auth;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SpecialistRegistry.Domain;
using SpecialistRegistry.Features.Custody;
using SpecialistRegistry.Features.Travel;
using SpecialistRegistry.Tests.Infrastructure;

namespace SpecialistRegistry.Tests.Features.Travel;

/// <summary>A passport leaves custody only against an approved, unused trip of its holder, and the return closes the trip.</summary>
public sealed class TravelReleaseTests
{
    [Theory]
    [MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task A_release_against_an_approval_takes_its_number_destination_and_dates_and_uses_it(TestProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var s = await TravelScenario.CreateAsync(app);
        var trip = await app.ApprovedTripAsync(s.Person, s.Today.AddDays(3), s.Today.AddDays(10));

        var logged = Assert.IsType<CustodyOutcome.Logged>(await ReleaseAsync(s, trip.Id));

        var passport = await s.PassportAsync();
        Assert.Equal(CustodyStatus.Released, passport.CustodyStatus);
        Assert.Equal(s.Today.AddDays(12), passport.DueBackOn); // approved return + 2 grace days
        var used = await app.TripAsync(trip.Id);
        Assert.Equal(TravelStatus.Released, used.Status);
        Assert.Equal(logged.EventId, used.ReleaseEventId);
        Assert.Equal(passport.Id, used.PassportId);
        var receipt = (await QueryAsync(s, q => q.ReceiptAsync(logged.ReceiptNumber!)))!;
        Assert.Equal(trip.ApprovalNumber, receipt.ApprovalReference);
        Assert.Equal("Tokyo, Japan", receipt.Destination);
        Assert.Equal(s.Today.AddDays(3), receipt.DepartureOn);
        Assert.Equal(trip.ApprovalNumber, receipt.Trip!.ApprovalNumber);
        Assert.Equal("Test Regulator", receipt.Trip.DecidedByName);
        var chain = (await QueryAsync(s, q => q.PassportAsync(passport.Id)))!;
        Assert.Equal(trip.Id, chain.Chain[^1].Trip!.Id);
        await using var db = app.OpenDb();
        Assert.True(await db.AuditEntries.AnyAsync(a => a.EntityType == nameof(TravelRequest) && a.EntityKey == trip.Id.ToString() && a.Changes.Contains("Released")));
    }

    [Theory]
    [MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task A_release_without_an_approved_trip_is_refused_by_the_server_whatever_the_request_says(TestProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var s = await TravelScenario.CreateAsync(app);
        var pending = await app.RequestAsync(s.Person, s.Today.AddDays(3), s.Today.AddDays(5));
        var denied = await app.RequestAsync(s.Person, s.Today.AddDays(6), s.Today.AddDays(7));
        await app.DecideAsync(denied, TravelDecision.Deny, s.Regulator, text: "No.");
        var withdrawn = await app.RequestAsync(s.Person, s.Today.AddDays(8), s.Today.AddDays(9));
        await app.AsAsync(s.Hr, async t => await t.WithdrawAsync(withdrawn, (await app.TripAsync(withdrawn)).Version, null));
        var someoneElse = await TestData.AddSpecialistAsync(app, s.Firm.Id, "E-009", "李娜", "Li Na", passportNumber: "E99999999");
        var theirs = await app.ApprovedTripAsync(someoneElse, s.Today.AddDays(3), s.Today.AddDays(5));

        var refusals = new Dictionary<string, Guid?>
        {
            ["no trip"] = null, ["unknown"] = Guid.CreateVersion7(), ["pending"] = pending, ["denied"] = denied,
            ["withdrawn"] = withdrawn, ["someone else's"] = theirs.Id,
        };
        foreach (var (what, tripId) in refusals)
        {
            var outcome = Assert.IsType<CustodyOutcome.Invalid>(await ReleaseAsync(s, tripId));
            Assert.False(string.IsNullOrWhiteSpace(outcome.Summary), what);
        }

        Assert.Contains("has not been approved yet", Assert.IsType<CustodyOutcome.Invalid>(await ReleaseAsync(s, pending)).Summary);
        Assert.Contains("was denied", Assert.IsType<CustodyOutcome.Invalid>(await ReleaseAsync(s, denied)).Summary);
        Assert.Contains("was withdrawn", Assert.IsType<CustodyOutcome.Invalid>(await ReleaseAsync(s, withdrawn)).Summary);
        Assert.Contains("no travel approval for this passport's holder", Assert.IsType<CustodyOutcome.Invalid>(await ReleaseAsync(s, theirs.Id)).Summary);
        Assert.Equal(CustodyStatus.Held, (await s.PassportAsync()).CustodyStatus);
        Assert.Equal(TravelStatus.Approved, (await app.TripAsync(theirs.Id)).Status);
        await using var db = app.OpenDb();
        Assert.False(await db.CustodyEvents.AnyAsync(e => e.Kind == CustodyEventKind.Release));
    }

    [Theory]
    [MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task A_release_outside_the_approved_window_or_for_an_expired_or_used_approval_is_refused(TestProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var s = await TravelScenario.CreateAsync(app);
        var later = await app.ApprovedTripAsync(s.Person, s.Today.AddDays(20), s.Today.AddDays(25));
        var soon = await app.ApprovedTripAsync(s.Person, s.Today.AddDays(1), s.Today.AddDays(2), "Osaka");

        var tooEarly = Assert.IsType<CustodyOutcome.Invalid>(await ReleaseAsync(s, later.Id));
        Assert.Equal($"Travel approval {later.ApprovalNumber} is for a departure on 2026-11-22; the passport can be collected from 2026-11-15.", tooEarly.Errors[""]);

        Assert.IsType<CustodyOutcome.Logged>(await ReleaseAsync(s, soon.Id));
        app.Clock.Advance(TimeSpan.FromDays(1));
        await ReturnAsync(s);
        var used = Assert.IsType<CustodyOutcome.Invalid>(await ReleaseAsync(s, soon.Id));
        Assert.Contains("has already been used by a release", used.Errors[""]);

        app.Clock.Advance(TimeSpan.FromDays(24)); // 2026-11-27: the later trip's window (until 2026-11-25) has passed
        var afterWindow = Assert.IsType<CustodyOutcome.Invalid>(await ReleaseAsync(s, later.Id));
        Assert.Equal($"The approved window of travel approval {later.ApprovalNumber} ended on 2026-11-25; the passport cannot be released for it.", afterWindow.Errors[""]);
        await app.Get<TravelExpiryJob>().RunOnceAsync();
        var expired = Assert.IsType<CustodyOutcome.Invalid>(await ReleaseAsync(s, later.Id));
        Assert.Contains("has expired", expired.Errors[""]);
        Assert.Equal(CustodyStatus.Held, (await s.PassportAsync()).CustodyStatus);
    }

    [Theory]
    [MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task The_return_closes_the_trip_on_time_or_late_by_the_days_past_due(TestProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var s = await TravelScenario.CreateAsync(app);
        var first = await app.ApprovedTripAsync(s.Person, s.Today.AddDays(1), s.Today.AddDays(3));
        Assert.IsType<CustodyOutcome.Logged>(await ReleaseAsync(s, first.Id));
        app.Clock.Advance(TimeSpan.FromDays(5)); // due back on the 7th (3 + 2 grace): on time
        var onTime = Assert.IsType<CustodyOutcome.Logged>(await ReturnAsync(s));

        var second = await app.ApprovedTripAsync(s.Person, s.Today.AddDays(1), s.Today.AddDays(3), "Osaka");
        Assert.IsType<CustodyOutcome.Logged>(await ReleaseAsync(s, second.Id));
        app.Clock.Advance(TimeSpan.FromDays(9)); // due back 2026-11-12, returned 2026-11-16
        var late = Assert.IsType<CustodyOutcome.Logged>(await ReturnAsync(s));

        var closedOnTime = await app.TripAsync(first.Id);
        var closedLate = await app.TripAsync(second.Id);
        Assert.Equal((TravelStatus.Returned, 0, onTime.EventId), (closedOnTime.Status, closedOnTime.LateByDays!.Value, closedOnTime.ReturnEventId!.Value));
        Assert.Equal((TravelStatus.Returned, 4, late.EventId), (closedLate.Status, closedLate.LateByDays!.Value, closedLate.ReturnEventId!.Value));
        var receipt = (await QueryAsync(s, q => q.ReceiptAsync(late.ReceiptNumber!)))!;
        Assert.Equal(4, receipt.LateByDays);
        Assert.Equal(second.ApprovalNumber, receipt.Trip!.ApprovalNumber);
        var trips = await app.QueryAsync(s.Regulator, q => q.ForSpecialistAsync(s.Person.Id));
        Assert.Equal(["Returned 4 days late", "Returned on time"], trips.Select(t => t.Outcome));
    }

    [Fact]
    public async Task A_passport_handed_in_while_released_closes_its_trip_too()
    {
        await using var app = await TestApp.StartAsync();
        var s = await TravelScenario.CreateAsync(app);
        var trip = await app.ApprovedTripAsync(s.Person, s.Today.AddDays(1), s.Today.AddDays(3));
        Assert.IsType<CustodyOutcome.Logged>(await ReleaseAsync(s, trip.Id));
        app.Clock.Advance(TimeSpan.FromDays(8)); // due back on the 7th, handed in on the 10th

        var form = new HandInInput
        {
            PassportId = (await s.PassportAsync()).Id, Version = (await s.PassportAsync()).Version, Number = "E12345678", IssuingCountry = "China",
            ExpiresOn = new DateOnly(2030, 1, 1), Safe = "A", Slot = "2", AcknowledgedBy = "Wang Wei", BothPartiesAcknowledge = true,
        };
        Assert.IsType<CustodyOutcome.Logged>(await OfficerAsync(s, c => c.HandInAsync(form)));

        var closed = await app.TripAsync(trip.Id);
        Assert.Equal(TravelStatus.Returned, closed.Status);
        Assert.Equal(3, closed.LateByDays);
    }

    [Fact]
    public async Task A_release_logged_before_travel_approvals_keeps_its_free_text_reference_and_shows_as_such()
    {
        await using var app = await TestApp.StartAsync();
        var s = await TravelScenario.CreateAsync(app);
        await app.WithDbAsync(TestUsers.CustodyOfficer, async db =>
        {
            var passport = await db.Passports.SingleAsync(p => p.SpecialistId == s.Person.Id);
            db.CustodyEvents.Add(passport.Release(new CustodyEvent
            {
                Kind = CustodyEventKind.Release, OccurredAt = app.Clock.GetUtcNow().AddDays(-20), OfficerId = "o", OfficerName = "Officer",
                ApprovalReference = "OLD-REF-7", Destination = "Hanoi", DepartureOn = s.Today.AddDays(-20), DueBackOn = s.Today.AddDays(-12),
            }));
            await db.SaveChangesAsync();
        });

        var passportId = (await s.PassportAsync()).Id;
        var chain = (await QueryAsync(s, q => q.PassportAsync(passportId)))!;
        var release = chain.Chain[^1];
        Assert.Equal("OLD-REF-7", release.ApprovalReference);
        Assert.Null(release.Trip);
        var past = await app.QueryAsync(s.Regulator, q => q.ForSpecialistAsync(s.Person.Id));
        var old = Assert.Single(past);
        Assert.True(old.BeforeApprovals);
        Assert.Equal("OLD-REF-7", old.ApprovalNumber);
        Assert.Equal("Abroad now", old.Outcome);
    }

    [Theory]
    [MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task The_release_dialog_offers_only_the_holder_s_approved_unused_trips_saying_which_can_go_today(TestProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var s = await TravelScenario.CreateAsync(app);
        var soon = await app.ApprovedTripAsync(s.Person, s.Today.AddDays(2), s.Today.AddDays(4));
        var later = await app.ApprovedTripAsync(s.Person, s.Today.AddDays(30), s.Today.AddDays(31), "Osaka");
        await app.RequestAsync(s.Person, s.Today.AddDays(40), s.Today.AddDays(41));
        var someoneElse = await TestData.AddSpecialistAsync(app, s.Firm.Id, "E-009", "李娜", "Li Na", passportNumber: "E99999999");
        await app.ApprovedTripAsync(someoneElse, s.Today.AddDays(3), s.Today.AddDays(5));

        var passportId = (await s.PassportAsync()).Id;
        var offered = await QueryAsync(s, q => q.ReleasableTripsAsync(passportId));
        var asHr = await QueryAsync(s, q => q.ReleasableTripsAsync(Guid.Empty), s.Hr);

        Assert.Equal([soon.ApprovalNumber, later.ApprovalNumber], offered.Select(t => t.ApprovalNumber));
        Assert.Null(offered[0].WhyNotToday);
        Assert.Equal(s.Today.AddDays(6), offered[0].DueBackOn);
        Assert.Contains("can be collected from 2026-11-25", offered[1].WhyNotToday);
        Assert.Empty(asHr);
    }

    [Theory]
    [MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task The_to_release_list_shows_approved_trips_departing_soon_whose_passport_is_held(TestProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var s = await TravelScenario.CreateAsync(app);
        var soon = await app.ApprovedTripAsync(s.Person, s.Today.AddDays(2), s.Today.AddDays(4));
        await app.ApprovedTripAsync(s.Person, s.Today.AddDays(20), s.Today.AddDays(21), "Osaka");
        var notDeposited = await TestData.AddSpecialistAsync(app, s.Firm.Id, "E-009", "李娜", "Li Na", passportNumber: "E99999999");
        await app.ApprovedTripAsync(notDeposited, s.Today.AddDays(1), s.Today.AddDays(5));

        var week = await ToReleaseAsync(s, new ToReleaseQuery(7));
        var month = await ToReleaseAsync(s, new ToReleaseQuery(30));

        var row = Assert.Single(week.Rows);
        Assert.Equal((soon.Id, soon.ApprovalNumber, "Tokyo, Japan"), (row.TravelRequestId, row.ApprovalNumber, row.Destination));
        Assert.Equal((s.Today.AddDays(6), s.Today.AddDays(-5), 2), (row.DueBackOn, row.ReleasableFrom, row.DaysToDeparture));
        Assert.Equal(2, month.Total);
        Assert.IsType<CustodyOutcome.Logged>(await ReleaseAsync(s, soon.Id));
        Assert.Equal(0, (await ToReleaseAsync(s, new ToReleaseQuery(7))).Total);
    }

    [Theory]
    [MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task A_passport_reported_lost_while_released_closes_the_trip_as_not_returned_audited_and_HR_and_watchers_are_told(TestProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var s = await TravelScenario.CreateAsync(app);
        var watcher = await TestData.AddUserAsync(app, Roles.Regulator);
        await using (var db = app.OpenDb())
        {
            db.Watches.Add(new Watch { UserId = watcher, SpecialistId = s.Person.Id, CreatedAt = app.Clock.GetUtcNow() });
            await db.SaveChangesAsync();
        }
        var trip = await app.ApprovedTripAsync(s.Person, s.Today.AddDays(1), s.Today.AddDays(5));
        Assert.IsType<CustodyOutcome.Logged>(await ReleaseAsync(s, trip.Id));

        var passport = await s.PassportAsync();
        var lost = Assert.IsType<CustodyOutcome.Logged>(await OfficerAsync(s, c => c.ReportLostAsync(new CloseInput
        {
            PassportId = passport.Id, Version = passport.Version, Note = "The holder reported it stolen in Tokyo.",
        })));

        var closed = await app.TripAsync(trip.Id);
        Assert.Equal(TravelStatus.NotReturned, closed.Status);
        Assert.Equal(lost.EventId, closed.ReturnEventId);
        Assert.Equal("Not returned (passport reported lost or retired)", TravelText.Outcome(closed.Status, closed.LateByDays));
        var chain = (await QueryAsync(s, q => q.PassportAsync(passport.Id)))!;
        Assert.Equal(trip.Id, chain.Chain[^1].Trip!.Id);
        var hrNotice = Assert.Single(await s.NotificationsAsync(s.Hr), n => n.Kind == NotificationKind.TravelNotReturned);
        Assert.Equal($"The passport of 王伟 (Wang Wei) was reported lost while released for travel approval {trip.ApprovalNumber} (Tokyo, Japan, {s.Today.AddDays(1):yyyy-MM-dd} to {s.Today.AddDays(5):yyyy-MM-dd}). The trip is closed as not returned.", hrNotice.Message);
        await using var check = app.OpenDb();
        Assert.True(await check.Notifications.AnyAsync(n => n.UserId == watcher && n.Kind == NotificationKind.TravelNotReturned && n.Message.Contains("it was reported lost while released")));
        // Every place that shows the trip says it was lost, not merely "lost or retired".
        var row = Assert.Single((await app.QueryAsync(s.Hr, q => q.ListAsync(new TravelListQuery()))).Rows, r => r.Id == trip.Id);
        Assert.Equal("Not returned: passport reported lost", TravelText.Outcome(row.Status, row.LateByDays, row.ClosedBy));
        Assert.Equal(CustodyEventKind.Lost, (await app.QueryAsync(s.Hr, q => q.GetAsync(trip.Id)))!.Closing!.Kind);
        Assert.Equal("Not returned: passport reported lost", Assert.Single(await app.QueryAsync(s.Hr, q => q.ForSpecialistAsync(s.Person.Id)), t => t.Id == trip.Id).Outcome);
        Assert.True(await check.AuditEntries.AnyAsync(a => a.EntityType == nameof(TravelRequest) && a.EntityKey == trip.Id.ToString() && a.Changes.Contains("NotReturned")));
        // Closed, the approval cannot be used again.
        Assert.False(closed.CanBecome(TravelStatus.Returned));
    }

    [Theory]
    [MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task A_passport_retired_while_released_closes_the_trip_as_not_returned(TestProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var s = await TravelScenario.CreateAsync(app);
        var trip = await app.ApprovedTripAsync(s.Person, s.Today.AddDays(1), s.Today.AddDays(5));
        Assert.IsType<CustodyOutcome.Logged>(await ReleaseAsync(s, trip.Id));

        var passport = await s.PassportAsync();
        Assert.IsType<CustodyOutcome.Logged>(await OfficerAsync(s, c => c.RetireAsync(new CloseInput
        {
            PassportId = passport.Id, Version = passport.Version, Note = "Cancelled by the issuing authority while abroad.",
        })));

        Assert.Equal(TravelStatus.NotReturned, (await app.TripAsync(trip.Id)).Status);
        Assert.Contains(await s.NotificationsAsync(s.Hr), n => n.Kind == NotificationKind.TravelNotReturned && n.Message.Contains("was retired while released"));
        var row = Assert.Single((await app.QueryAsync(s.Hr, q => q.ListAsync(new TravelListQuery()))).Rows, r => r.Id == trip.Id);
        Assert.Equal("Not returned: passport retired", TravelText.Outcome(row.Status, row.LateByDays, row.ClosedBy));
        Assert.Equal(CustodyEventKind.Retired, (await app.QueryAsync(s.Hr, q => q.GetAsync(trip.Id)))!.Closing!.Kind);
        Assert.Equal("Not returned: passport retired", Assert.Single(await app.QueryAsync(s.Hr, q => q.ForSpecialistAsync(s.Person.Id)), t => t.Id == trip.Id).Outcome);
    }

    private static Task<CustodyOutcome> ReleaseAsync(TravelScenario s, Guid? tripId) => OfficerAsync(s, async c =>
    {
        var passport = await s.PassportAsync();
        return await c.ReleaseAsync(new ReleaseInput
        {
            PassportId = passport.Id, Version = passport.Version, TravelRequestId = tripId, AcknowledgedBy = "Wang Wei", BothPartiesAcknowledge = true,
        });
    });

    private static Task<CustodyOutcome> ReturnAsync(TravelScenario s) => OfficerAsync(s, async c =>
    {
        var passport = await s.PassportAsync();
        return await c.ReturnAsync(new ReturnInput
        {
            PassportId = passport.Id, Version = passport.Version, Safe = "A", Slot = "1", AcknowledgedBy = "Wang Wei", BothPartiesAcknowledge = true,
        });
    });

    private static async Task<T> OfficerAsync<T>(TravelScenario s, Func<CustodyService, Task<T>> work)
    {
        await using var scope = s.App.Scope(s.Officer);
        return await work(scope.ServiceProvider.GetRequiredService<CustodyService>());
    }

    private static async Task<T> QueryAsync<T>(TravelScenario s, Func<CustodyQueries, Task<T>> work, System.Security.Claims.ClaimsPrincipal? user = null)
    {
        await using var scope = s.App.Scope(user ?? s.Officer);
        return await work(scope.ServiceProvider.GetRequiredService<CustodyQueries>());
    }

    private static async Task<ToReleaseResult> ToReleaseAsync(TravelScenario s, ToReleaseQuery query)
    {
        await using var scope = s.App.Scope(s.Officer);
        return await scope.ServiceProvider.GetRequiredService<ToReleaseWorkList>().QueryAsync(query);
    }
}
