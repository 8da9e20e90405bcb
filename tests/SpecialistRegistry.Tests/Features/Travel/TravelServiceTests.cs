using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SpecialistRegistry.Auth;
using SpecialistRegistry.Domain;
using SpecialistRegistry.Features.Travel;
using SpecialistRegistry.Features.Watches;
using SpecialistRegistry.Tests.Infrastructure;
using static SpecialistRegistry.Tests.Features.Travel.TravelTestData;

namespace SpecialistRegistry.Tests.Features.Travel;

/// <summary>HR requests, answers and withdraws; a regulator asks, approves and denies. On SQLite and PostgreSQL.</summary>
public sealed class TravelServiceTests
{
    [Theory]
    [MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task HR_requests_travel_for_their_own_staff_and_the_request_waits_for_the_regulator_audited(TestProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var s = await TravelScenario.CreateAsync(app);

        var outcome = await app.AsAsync(s.Hr, t => t.RequestAsync(Request(s.Person.Id, s.Today.AddDays(10), s.Today.AddDays(17))));

        var trip = await app.TripAsync(Assert.IsType<TravelOutcome.Saved>(outcome).TravelRequestId);
        Assert.Equal(TravelStatus.Pending, trip.Status);
        Assert.Equal(s.Firm.Id, trip.FirmId);
        Assert.Equal("Tokyo, Japan", trip.Destination);
        Assert.Equal("Li Na (HR)", trip.RequestedByName);
        Assert.Equal(app.Clock.GetUtcNow(), trip.RequestedAt);
        Assert.Null(trip.ApprovalNumber);
        await using var db = app.OpenDb();
        var audit = Assert.Single(await db.AuditEntries.Where(a => a.EntityType == nameof(TravelRequest) && a.EntityKey == trip.Id.ToString()).ToListAsync());
        Assert.Equal("Added", audit.Action);
        Assert.Equal("Li Na (HR)", audit.ActorName);
    }

    public static TheoryData<string, Func<TravelScenario, TravelRequestInput>, string, string> BadRequests => new()
    {
        { "return before departure", s => Request(s.Person.Id, s.Today.AddDays(10), s.Today.AddDays(9)), nameof(TravelRequestInput.ReturnOn), "The return date cannot be before the departure date." },
        { "departure in the past", s => Request(s.Person.Id, s.Today.AddDays(-1), s.Today.AddDays(9)), nameof(TravelRequestInput.DepartureOn), "The departure date cannot be in the past (today is 2026-11-02)." },
        { "passport expiring before the return", s => Request(s.Person.Id, new DateOnly(2029, 12, 20), new DateOnly(2030, 1, 5)), nameof(TravelRequestInput.ReturnOn), "The passport of 王伟 (Wang Wei) expires on 2030-01-01, before the return date 2030-01-05. Renew it first." },
        { "no destination", s => Request(s.Person.Id, s.Today.AddDays(3), s.Today.AddDays(5)) with { DestinationCity = " " }, nameof(TravelRequestInput.DestinationCity), "Enter the destination city." },
        { "no purpose", s => Request(s.Person.Id, s.Today.AddDays(3), s.Today.AddDays(5)) with { Purpose = null }, nameof(TravelRequestInput.Purpose), "Choose the purpose of the trip." },
        { "other purpose without a word", s => Request(s.Person.Id, s.Today.AddDays(3), s.Today.AddDays(5)) with { Purpose = TravelPurpose.Other }, nameof(TravelRequestInput.PurposeDetail), "Describe the purpose of the trip." },
        { "no itinerary", s => Request(s.Person.Id, s.Today.AddDays(3), s.Today.AddDays(5)) with { Itinerary = "" }, nameof(TravelRequestInput.Itinerary), "Describe the itinerary: where the person will be on which days." },
        { "no inviting organisation for a conference", s => Request(s.Person.Id, s.Today.AddDays(3), s.Today.AddDays(5)) with { InvitingOrganisation = null }, nameof(TravelRequestInput.InvitingOrganisation), "Enter the inviting organisation (for personal or family travel it may be left empty)." },
    };

    [Theory]
    [MemberData(nameof(BadRequests))]
    public async Task A_bad_request_is_refused_with_a_clear_message_under_its_field_and_nothing_is_written(string what, Func<TravelScenario, TravelRequestInput> input, string field, string message)
    {
        await using var app = await TestApp.StartAsync();
        var s = await TravelScenario.CreateAsync(app);

        var outcome = Assert.IsType<TravelOutcome.Invalid>(await app.AsAsync(s.Hr, t => t.RequestAsync(input(s))));

        Assert.True(outcome.Errors.TryGetValue(field, out var shown), $"{what}: no message for {field}: {outcome.Summary}");
        Assert.Equal(message, shown);
        Assert.Equal(0, await s.TripCountAsync());
    }

    [Theory]
    [MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task Travel_cannot_be_requested_for_someone_who_has_left_or_has_no_passport(TestProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var s = await TravelScenario.CreateAsync(app);
        var leaver = await TestData.AddSpecialistAsync(app, s.Firm.Id, "E-002", "李娜", "Li Na", passportNumber: "E22222222",
            adjust: x => x.RecordLeaving(new DateOnly(2026, 10, 1), "Resigned"));
        var noPassport = await TestData.AddSpecialistAsync(app, s.Firm.Id, "E-003", "张伟", "Zhang Wei");

        var left = Assert.IsType<TravelOutcome.Invalid>(await app.AsAsync(s.Hr, t => t.RequestAsync(Request(leaver.Id, s.Today.AddDays(3), s.Today.AddDays(5)))));
        var none = Assert.IsType<TravelOutcome.Invalid>(await app.AsAsync(s.Hr, t => t.RequestAsync(Request(noPassport.Id, s.Today.AddDays(3), s.Today.AddDays(5)))));

        Assert.Equal("李娜 (Li Na) has left the firm; travel can be requested and approved only for current staff.", left.Errors[nameof(TravelRequestInput.SpecialistId)]);
        Assert.Equal("张伟 (Zhang Wei) has no current passport on file. Add it to their record first.", none.Errors[nameof(TravelRequestInput.SpecialistId)]);
        Assert.Equal(0, await s.TripCountAsync());
    }

    [Theory]
    [MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task A_request_overlapping_an_approved_trip_of_the_same_person_is_refused(TestProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var s = await TravelScenario.CreateAsync(app);
        var approved = await app.ApprovedTripAsync(s.Person, s.Today.AddDays(10), s.Today.AddDays(20));

        var overlapping = Assert.IsType<TravelOutcome.Invalid>(await app.AsAsync(s.Hr, t => t.RequestAsync(Request(s.Person.Id, s.Today.AddDays(20), s.Today.AddDays(25)))));
        Assert.IsType<TravelOutcome.Saved>(await app.AsAsync(s.Hr, t => t.RequestAsync(Request(s.Person.Id, s.Today.AddDays(21), s.Today.AddDays(25)))));

        Assert.Equal($"These dates overlap approved travel {approved.ApprovalNumber} to Tokyo, Japan (2026-11-12 to 2026-11-22). One person cannot have two approved trips at the same time.",
            overlapping.Errors[nameof(TravelRequestInput.DepartureOn)]);
        Assert.Equal(2, await s.TripCountAsync());
    }

    [Theory]
    [MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task Approving_an_overlapping_pending_request_is_refused_and_leaves_it_pending(TestProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var s = await TravelScenario.CreateAsync(app);
        var first = await app.RequestAsync(s.Person, s.Today.AddDays(10), s.Today.AddDays(20));
        var second = await app.RequestAsync(s.Person, s.Today.AddDays(15), s.Today.AddDays(25));
        Assert.IsType<TravelOutcome.Saved>(await app.DecideAsync(first, TravelDecision.Approve, s.Regulator));

        var refused = Assert.IsType<TravelOutcome.Invalid>(await app.DecideAsync(second, TravelDecision.Approve, s.Regulator));

        Assert.StartsWith("These dates overlap approved travel TA-2026-", refused.Errors[nameof(TravelDecisionInput.ApprovedDepartureOn)]);
        Assert.Equal(TravelStatus.Pending, (await app.TripAsync(second)).Status);
        // A shorter stay that no longer overlaps can be approved.
        Assert.IsType<TravelOutcome.Saved>(await app.DecideAsync(second, TravelDecision.Approve, s.Regulator, departure: s.Today.AddDays(21), returnOn: s.Today.AddDays(25)));
    }

    [Theory]
    [MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task The_regulator_asks_HR_answers_and_resubmits_and_each_side_is_told(TestProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var s = await TravelScenario.CreateAsync(app);
        var id = await app.RequestAsync(s.Person, s.Today.AddDays(10), s.Today.AddDays(17));

        Assert.IsType<TravelOutcome.Saved>(await app.DecideAsync(id, TravelDecision.AskForInformation, s.Regulator, text: "Which plants will be visited?"));
        var asked = await app.TripAsync(id);
        Assert.Equal(TravelStatus.InformationRequested, asked.Status);
        var question = Assert.Single(await s.NotificationsAsync(s.Hr));
        Assert.Equal(NotificationKind.TravelQuestioned, question.Kind);
        Assert.Contains("asked a question about the travel request for 王伟 (Wang Wei) to Tokyo, Japan", question.Message);
        // A request waiting for the firm cannot be decided.
        Assert.IsType<TravelOutcome.Invalid>(await app.DecideAsync(id, TravelDecision.Approve, s.Regulator));

        var answer = await app.AsAsync(s.Hr, t => t.AnswerAsync(new TravelAnswerInput
        {
            TravelRequestId = id, Version = asked.Version, Answer = "None: the conference only.",
            DepartureOn = s.Today.AddDays(10), ReturnOn = s.Today.AddDays(14), Itinerary = "Tokyo Big Sight only.",
        }));

        Assert.IsType<TravelOutcome.Saved>(answer);
        var answered = await app.TripAsync(id);
        Assert.Equal(TravelStatus.Pending, answered.Status);
        Assert.Equal(s.Today.AddDays(14), answered.ReturnOn);
        Assert.Equal("Tokyo Big Sight only.", answered.Itinerary);
        Assert.Equal(asked.RequestedAt, answered.RequestedAt);
        Assert.Equal(["Which plants will be visited?", "None: the conference only."], answered.Messages.OrderBy(m => m.At).Select(m => m.Text));
        var told = Assert.Single(await s.NotificationsAsync(s.Regulator));
        Assert.Equal(NotificationKind.TravelAnswered, told.Kind);
        await using var db = app.OpenDb();
        Assert.Equal(2, await db.AuditEntries.CountAsync(a => a.EntityType == nameof(TravelMessage)));
        Assert.Equal(2, await db.AuditEntries.CountAsync(a => a.EntityType == nameof(TravelRequest) && a.Action == "Modified" && a.EntityKey == id.ToString()));
    }

    [Theory]
    [MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task Approval_gives_a_number_possibly_shorter_dates_and_conditions_and_tells_HR_and_custody_officers(TestProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var s = await TravelScenario.CreateAsync(app);
        var id = await app.RequestAsync(s.Person, s.Today.AddDays(10), s.Today.AddDays(17));

        var outcome = Assert.IsType<TravelOutcome.Saved>(await app.DecideAsync(id, TravelDecision.Approve, s.Regulator,
            departure: s.Today.AddDays(11), returnOn: s.Today.AddDays(15), text: "Report to the security officer on return."));

        var trip = await app.TripAsync(id);
        Assert.Equal(TravelStatus.Approved, trip.Status);
        Assert.Matches("^TA-2026-[0-9A-Z]{6}$", trip.ApprovalNumber);
        Assert.Equal(trip.ApprovalNumber, outcome.ApprovalNumber);
        Assert.Equal((s.Today.AddDays(11), s.Today.AddDays(15)), (trip.ApprovedDepartureOn!.Value, trip.ApprovedReturnOn!.Value));
        Assert.Equal("Report to the security officer on return.", trip.Conditions);
        Assert.Equal("Wang Lei (Regulator)", trip.DecidedByName);
        var hr = Assert.Single(await s.NotificationsAsync(s.Hr));
        Assert.Equal(NotificationKind.TravelApproved, hr.Kind);
        Assert.Contains($"was approved: {trip.ApprovalNumber}, 2026-11-13 to 2026-11-17", hr.Message);
        var officer = Assert.Single(await s.NotificationsAsync(s.Officer));
        Assert.Contains($"Travel approval {trip.ApprovalNumber}: 王伟 (Wang Wei)", officer.Message);
        Assert.Empty(await s.NotificationsAsync(s.OtherHr));
        Assert.Empty(await s.NotificationsAsync(s.Regulator));
    }

    [Theory]
    [MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task Approval_is_refused_for_longer_dates_a_past_departure_a_leaver_or_a_passport_expiring_first(TestProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var s = await TravelScenario.CreateAsync(app);
        var id = await app.RequestAsync(s.Person, s.Today.AddDays(10), s.Today.AddDays(17));

        var longer = Assert.IsType<TravelOutcome.Invalid>(await app.DecideAsync(id, TravelDecision.Approve, s.Regulator, returnOn: s.Today.AddDays(18)));
        var past = Assert.IsType<TravelOutcome.Invalid>(await app.DecideAsync(id, TravelDecision.Approve, s.Regulator, departure: s.Today.AddDays(-1)));
        var backwards = Assert.IsType<TravelOutcome.Invalid>(await app.DecideAsync(id, TravelDecision.Approve, s.Regulator, departure: s.Today.AddDays(12), returnOn: s.Today.AddDays(11)));
        await app.WithDbAsync(TestUsers.Admin, async db =>
        {
            var person = await db.Specialists.SingleAsync(p => p.Id == s.Person.Id);
            person.RecordLeaving(s.Today, "Resigned");
            await db.SaveChangesAsync();
        });
        var leaver = Assert.IsType<TravelOutcome.Invalid>(await app.DecideAsync(id, TravelDecision.Approve, s.Regulator));

        Assert.Contains("may be shorter, never longer", longer.Errors[nameof(TravelDecisionInput.ApprovedReturnOn)]);
        Assert.Equal("The approved departure date cannot be in the past (today is 2026-11-02).", past.Errors[nameof(TravelDecisionInput.ApprovedDepartureOn)]);
        Assert.Equal("The approved return date cannot be before the approved departure date.", backwards.Errors[nameof(TravelDecisionInput.ApprovedReturnOn)]);
        Assert.Contains("has left the firm", leaver.Errors[nameof(TravelRequestInput.SpecialistId)]);
        Assert.Equal(TravelStatus.Pending, (await app.TripAsync(id)).Status);
    }

    [Theory]
    [MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task A_denial_needs_a_reason_which_HR_is_told(TestProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var s = await TravelScenario.CreateAsync(app);
        var id = await app.RequestAsync(s.Person, s.Today.AddDays(10), s.Today.AddDays(17));

        var noReason = Assert.IsType<TravelOutcome.Invalid>(await app.DecideAsync(id, TravelDecision.Deny, s.Regulator, text: " "));
        Assert.Equal("Give the reason for denying the request; the firm is told it.", noReason.Errors[nameof(TravelDecisionInput.Reason)]);
        Assert.IsType<TravelOutcome.Saved>(await app.DecideAsync(id, TravelDecision.Deny, s.Regulator, text: "The host is on the entity list."));

        var trip = await app.TripAsync(id);
        Assert.Equal(TravelStatus.Denied, trip.Status);
        Assert.Equal("The host is on the entity list.", trip.DenialReason);
        Assert.Null(trip.ApprovalNumber);
        Assert.EndsWith("was denied: The host is on the entity list.", Assert.Single(await s.NotificationsAsync(s.Hr)).Message);
        Assert.Empty(await s.NotificationsAsync(s.Officer));
    }

    [Theory]
    [MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task HR_withdraws_a_request_before_a_decision_but_not_after(TestProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var s = await TravelScenario.CreateAsync(app);
        var pending = await app.RequestAsync(s.Person, s.Today.AddDays(10), s.Today.AddDays(17));
        var approved = await app.ApprovedTripAsync(s.Person, s.Today.AddDays(30), s.Today.AddDays(31));

        Assert.IsType<TravelOutcome.Saved>(await app.AsAsync(s.Hr, async t => await t.WithdrawAsync(pending, (await app.TripAsync(pending)).Version, "Cancelled")));
        var refused = Assert.IsType<TravelOutcome.Invalid>(await app.AsAsync(s.Hr, t => t.WithdrawAsync(approved.Id, approved.Version, null)));

        Assert.Equal(TravelStatus.Withdrawn, (await app.TripAsync(pending)).Status);
        Assert.Equal("Cancelled", (await app.TripAsync(pending)).WithdrawalReason);
        Assert.Equal("A travel request that is approved cannot be withdrawn.", refused.Errors[""]);
        Assert.Equal(TravelStatus.Approved, (await app.TripAsync(approved.Id)).Status);
    }

    [Fact]
    public async Task Only_HR_requests_answers_and_withdraws_and_only_a_regulator_decides()
    {
        await using var app = await TestApp.StartAsync();
        var s = await TravelScenario.CreateAsync(app);
        var id = await app.RequestAsync(s.Person, s.Today.AddDays(10), s.Today.AddDays(17));
        var version = (await app.TripAsync(id)).Version;

        foreach (var user in new[] { s.Regulator, s.Officer, TestUsers.Admin })
        {
            Assert.IsType<TravelOutcome.Invalid>(await app.AsAsync(user, t => t.RequestAsync(Request(s.Person.Id, s.Today.AddDays(40), s.Today.AddDays(41)))));
            Assert.IsType<TravelOutcome.Invalid>(await app.AsAsync(user, t => t.WithdrawAsync(id, version, null)));
        }
        foreach (var user in new[] { s.Hr, s.Officer, TestUsers.Admin })
            Assert.IsType<TravelOutcome.Invalid>(await app.DecideAsync(id, TravelDecision.Approve, user));

        var trip = await app.TripAsync(id);
        Assert.Equal(TravelStatus.Pending, trip.Status);
        Assert.Equal(version, trip.Version);
        Assert.Equal(1, await s.TripCountAsync());
    }

    [Theory]
    [MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task Watchers_are_told_when_a_watched_person_requests_travel_and_when_it_is_approved(TestProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var s = await TravelScenario.CreateAsync(app);
        var watcherId = await TestData.AddUserAsync(app, Roles.Regulator);
        var watcher = TestUsers.Principal(Roles.Regulator, id: watcherId, name: "Watcher");
        await using (var scope = app.Scope(watcher))
            await scope.ServiceProvider.GetRequiredService<WatchService>().WatchAsync(s.Person.Id);

        var id = await app.RequestAsync(s.Person, s.Today.AddDays(10), s.Today.AddDays(17));
        await app.DecideAsync(id, TravelDecision.AskForInformation, s.Regulator, text: "Why?");
        var approved = await app.ApprovedTripAsync(s.Person, s.Today.AddDays(30), s.Today.AddDays(31), "Seoul");

        var told = await s.NotificationsAsync(watcher);
        Assert.Equal([NotificationKind.TravelRequested, NotificationKind.TravelRequested, NotificationKind.TravelApproved], told.Select(n => n.Kind));
        Assert.Equal("Travel was requested for 王伟 (Wang Wei): Tokyo, Japan, 2026-11-12 to 2026-11-19.", told[0].Message);
        Assert.Equal($"Travel of 王伟 (Wang Wei) to Seoul, Japan was approved: {approved.ApprovalNumber}, 2026-12-02 to 2026-12-03.", told[2].Message);
        Assert.All(told, n => Assert.Equal(s.Person.Id, n.SpecialistId));
    }

    [Theory]
    [MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task The_database_refuses_a_second_request_with_an_approval_number_already_given(TestProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var s = await TravelScenario.CreateAsync(app);
        var first = await app.ApprovedTripAsync(s.Person, s.Today.AddDays(10), s.Today.AddDays(11));

        // A second server that drew the same number at the same moment: the unique index, not a look-up, stops it.
        var twin = TravelRequest.Submit(s.Person.Id, s.Firm.Id, first.Details with { DepartureOn = s.Today.AddDays(40), ReturnOn = s.Today.AddDays(41) },
            "hr", "HR", app.Clock.GetUtcNow());
        twin.Approve(first.ApprovalNumber!, s.Today.AddDays(40), s.Today.AddDays(41), null, "reg", "Regulator", app.Clock.GetUtcNow());
        await using var db = app.OpenDb();
        db.TravelRequests.Add(twin);

        var error = await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());

        Assert.True(TravelService.IsApprovalNumberClash(error), error.InnerException?.Message);
        Assert.Equal(1, await s.TripCountAsync());
    }

    [Theory]
    [MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task A_decision_that_draws_a_number_already_taken_is_saved_again_with_a_new_one(TestProvider provider)
    {
        var numbers = new ScriptedNumbers();
        await using var app = await TestApp.StartAsync(provider, services => services.AddSingleton<ApprovalNumbers>(numbers));
        var s = await TravelScenario.CreateAsync(app);
        numbers.Queue = ["TA-2026-AAAAAA"];
        await app.ApprovedTripAsync(s.Person, s.Today.AddDays(10), s.Today.AddDays(11));
        var second = await app.RequestAsync(s.Person, s.Today.AddDays(20), s.Today.AddDays(21));
        numbers.Queue = ["TA-2026-AAAAAA", "TA-2026-BBBBBB"];

        var outcome = Assert.IsType<TravelOutcome.Saved>(await app.DecideAsync(second, TravelDecision.Approve, s.Regulator));

        Assert.Equal("TA-2026-BBBBBB", outcome.ApprovalNumber);
        Assert.Equal("TA-2026-BBBBBB", (await app.TripAsync(second)).ApprovalNumber);
        // Only the saved attempt left notices and audit entries behind.
        Assert.Equal(2, (await s.NotificationsAsync(s.Officer)).Count);
    }

    private sealed class ScriptedNumbers : ApprovalNumbers
    {
        public List<string> Queue { get; set; } = [];

        public override string Next(DateOnly decidedOn)
        {
            var number = Queue[0];
            if (Queue.Count > 1)
                Queue.RemoveAt(0);
            return number;
        }
    }

    [Theory]
    [MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task When_a_person_leaves_their_open_and_uncollected_requests_are_withdrawn_with_a_reason_and_cannot_be_released(TestProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var s = await TravelScenario.CreateAsync(app);
        var pending = await app.RequestAsync(s.Person, s.Today.AddDays(10), s.Today.AddDays(12));
        var approved = await app.ApprovedTripAsync(s.Person, s.Today.AddDays(2), s.Today.AddDays(5), "Osaka");
        Specialist person;
        await using (var read = app.OpenDb())
            person = await read.Specialists.AsNoTracking().SingleAsync(p => p.Id == s.Person.Id);

        await using (var scope = app.Scope(s.Hr))
            Assert.IsType<SpecialistRegistry.Features.Roster.SaveOutcome.Saved>(await scope.ServiceProvider.GetRequiredService<SpecialistRegistry.Features.Roster.SpecialistEditorService>()
                .RecordLeavingAsync(s.Person.Id, person.Version, s.Today, "Resigned"));

        foreach (var id in new[] { pending, approved.Id })
        {
            var trip = await app.TripAsync(id);
            Assert.Equal(TravelStatus.Withdrawn, trip.Status);
            Assert.Equal("Withdrawn automatically: the person left the firm on 2026-11-02.", trip.WithdrawalReason);
            Assert.Throws<DomainException>(() => trip.CheckReleasable(s.Today.AddDays(2), new TravelRules()));
        }
        await using var db = app.OpenDb();
        Assert.True(await db.AuditEntries.AnyAsync(a => a.EntityType == nameof(TravelRequest) && a.EntityKey == pending.ToString() && a.Changes.Contains("Withdrawn")));
    }
}
