using SpecialistRegistry.Domain;

namespace SpecialistRegistry.Tests.Domain;

public sealed class TravelRequestStateMachineTests
{
    private static readonly DateOnly Today = new(2026, 11, 2);
    private static readonly DateOnly Departure = new(2026, 11, 5);
    private static readonly DateOnly Return = new(2026, 11, 12);
    private static readonly DateTimeOffset Now = new(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);
    private static readonly TravelRules Rules = new() { GraceDays = 2, ReleaseLeadDays = 7, ExpireAfterDays = 3 };

    public enum Step
    {
        Ask,
        Answer,
        Approve,
        Deny,
        Withdraw,
        Release,
        Return,
        Expire,
    }

    /// <summary>Every step from every status, and where it leads (null: refused).</summary>
    public static TheoryData<TravelStatus, Step, TravelStatus?> Transitions
    {
        get
        {
            var allowed = new Dictionary<(TravelStatus, Step), TravelStatus>
            {
                [(TravelStatus.Pending, Step.Ask)] = TravelStatus.InformationRequested,
                [(TravelStatus.Pending, Step.Approve)] = TravelStatus.Approved,
                [(TravelStatus.Pending, Step.Deny)] = TravelStatus.Denied,
                [(TravelStatus.Pending, Step.Withdraw)] = TravelStatus.Withdrawn,
                [(TravelStatus.InformationRequested, Step.Answer)] = TravelStatus.Pending,
                [(TravelStatus.InformationRequested, Step.Withdraw)] = TravelStatus.Withdrawn,
                [(TravelStatus.Approved, Step.Release)] = TravelStatus.Released,
                [(TravelStatus.Approved, Step.Expire)] = TravelStatus.Expired,
                [(TravelStatus.Released, Step.Return)] = TravelStatus.Returned,
            };
            var data = new TheoryData<TravelStatus, Step, TravelStatus?>();
            foreach (var from in Enum.GetValues<TravelStatus>())
                foreach (var step in Enum.GetValues<Step>())
                    data.Add(from, step, allowed.TryGetValue((from, step), out var to) ? to : null);
            return data;
        }
    }

    [Theory]
    [MemberData(nameof(Transitions))]
    public void Each_step_from_each_status_moves_the_request_or_is_refused_and_changes_nothing(TravelStatus from, Step step, TravelStatus? to)
    {
        var (trip, passport) = TripIn(from);
        var version = trip.Version;
        var messages = trip.Messages.Count;
        var passportStatus = passport.CustodyStatus;

        if (to is { } next)
        {
            Apply(trip, passport, step);
            Assert.Equal(next, trip.Status);
        }
        else
        {
            var error = Assert.Throws<DomainException>(() => Apply(trip, passport, step));
            Assert.False(string.IsNullOrWhiteSpace(error.Message));
            Assert.Equal(from, trip.Status);
            Assert.Equal(messages, trip.Messages.Count);
            Assert.Equal(passportStatus, passport.CustodyStatus);
            Assert.Equal(version, trip.Version);
        }
    }

    [Theory]
    [InlineData(TravelStatus.Withdrawn, "A travel request that is withdrawn cannot be approved.")]
    [InlineData(TravelStatus.Denied, "A travel request that is denied cannot be approved.")]
    [InlineData(TravelStatus.InformationRequested, "A travel request that is waiting for the firm's answer cannot be approved.")]
    [InlineData(TravelStatus.Approved, "A travel request that is approved cannot be approved.")]
    public void A_refused_approval_says_what_the_request_is_now(TravelStatus from, string message)
    {
        var (trip, _) = TripIn(from);

        Assert.Equal(message, Assert.Throws<DomainException>(() => Apply(trip, null, Step.Approve)).Message);
    }

    [Theory]
    [InlineData(TravelStatus.Pending, "has not been approved yet")]
    [InlineData(TravelStatus.Denied, "was denied")]
    [InlineData(TravelStatus.Withdrawn, "was withdrawn")]
    [InlineData(TravelStatus.Expired, "has expired")]
    [InlineData(TravelStatus.Returned, "already been used")]
    public void A_passport_is_not_released_for_a_trip_that_is_not_approved_and_unused(TravelStatus status, string reason)
    {
        var (trip, _) = TripIn(status);
        var passport = HeldPassport(trip.SpecialistId);

        var error = Assert.Throws<DomainException>(() => passport.ReleaseFor(trip, Event(CustodyEventKind.Release), Departure, Rules));

        Assert.Contains(reason, error.Message);
        Assert.Equal(CustodyStatus.Held, passport.CustodyStatus);
        Assert.DoesNotContain(passport.CustodyEvents, e => e.Kind == CustodyEventKind.Release);
    }

    [Fact]
    public void A_release_takes_the_approval_number_destination_and_dates_and_is_due_back_after_the_grace_days()
    {
        var (trip, _) = TripIn(TravelStatus.Approved);
        var passport = HeldPassport(trip.SpecialistId);

        var release = passport.ReleaseFor(trip, Event(CustodyEventKind.Release), Today, Rules);

        Assert.Equal(trip.Id, release.TravelRequestId);
        Assert.Equal(trip.ApprovalNumber, release.ApprovalReference);
        Assert.Equal("Osaka, Japan", release.Destination);
        Assert.Equal(Departure, release.DepartureOn);
        Assert.Equal(Return.AddDays(2), release.DueBackOn);
        Assert.Equal(Return.AddDays(2), passport.DueBackOn);
        Assert.Equal(TravelStatus.Released, trip.Status);
        Assert.Equal(release.Id, trip.ReleaseEventId);
        Assert.Equal(passport.Id, trip.PassportId);
    }

    [Theory]
    [InlineData(-7, null)] // from the approved departure less the lead days
    [InlineData(-8, "can be collected from 2026-10-29")]
    [InlineData(3, null)] // until ExpireAfterDays after the departure (the return is later)
    [InlineData(4, "ended on 2026-11-08")]
    public void A_passport_is_released_only_within_the_approved_window(int daysFromDeparture, string? refusal)
    {
        var (trip, _) = TripIn(TravelStatus.Approved);
        var passport = HeldPassport(trip.SpecialistId);
        var on = Departure.AddDays(daysFromDeparture);

        if (refusal is null)
        {
            passport.ReleaseFor(trip, Event(CustodyEventKind.Release), on, Rules);
            Assert.Equal(TravelStatus.Released, trip.Status);
        }
        else
        {
            Assert.Contains(refusal, Assert.Throws<DomainException>(() => passport.ReleaseFor(trip, Event(CustodyEventKind.Release), on, Rules)).Message);
            Assert.Equal(TravelStatus.Approved, trip.Status);
        }
    }

    [Fact]
    public void A_short_trip_cannot_be_collected_after_its_approved_return()
    {
        var trip = Submitted(Departure, Departure.AddDays(1));
        trip.Approve("TA-2026-000001", Departure, Departure.AddDays(1), null, "reg", "Regulator", Now);

        Assert.Equal((Departure.AddDays(-7), Departure.AddDays(1)), trip.ReleaseWindow(Rules));
        Assert.True(trip.IsExpiredOn(Departure.AddDays(2), Rules));
        Assert.False(trip.IsExpiredOn(Departure.AddDays(1), Rules));
    }

    [Fact]
    public void Someone_else_s_approval_does_not_release_a_passport()
    {
        var (trip, _) = TripIn(TravelStatus.Approved);
        var passport = HeldPassport(Guid.CreateVersion7());

        var error = Assert.Throws<DomainException>(() => passport.ReleaseFor(trip, Event(CustodyEventKind.Release), Today, Rules));

        Assert.Contains("for someone else", error.Message);
        Assert.Equal(TravelStatus.Approved, trip.Status);
    }

    [Fact]
    public void Approval_may_shorten_the_stay_but_never_lengthen_it()
    {
        var shorter = Submitted();
        shorter.Approve("TA-2026-000001", Departure.AddDays(1), Return.AddDays(-2), "Report on return.", "reg", "Regulator", Now);
        Assert.Equal((Departure.AddDays(1), Return.AddDays(-2)), shorter.Days);
        Assert.Equal("Report on return.", shorter.Conditions);

        var longer = Submitted();
        Assert.Contains("may be shorter, never longer", Assert.Throws<DomainException>(() =>
            longer.Approve("TA-2026-000002", Departure.AddDays(-1), Return, null, "reg", "Regulator", Now)).Message);
        Assert.Equal(TravelStatus.Pending, longer.Status);
    }

    [Fact]
    public void A_denial_needs_its_reason_and_a_question_its_text()
    {
        var trip = Submitted();

        Assert.Throws<DomainException>(() => trip.Deny(" ", "reg", "Regulator", Now));
        Assert.Throws<DomainException>(() => trip.AskForInformation("", "reg", "Regulator", Now));
        Assert.Equal(TravelStatus.Pending, trip.Status);
    }

    [Fact]
    public void A_request_cannot_return_before_it_departs()
    {
        Assert.Equal("The return date cannot be before the departure date.",
            Assert.Throws<DomainException>(() => Submitted(Departure, Departure.AddDays(-1))).Message);
    }

    [Fact]
    public void Question_and_answer_are_kept_in_order_and_the_answer_may_change_the_dates()
    {
        var trip = Submitted();
        trip.AskForInformation("Who will you meet?", "reg", "Regulator", Now);

        trip.Answer("Dr. Sato only.", trip.Details with { ReturnOn = Return.AddDays(-3) }, "hr", "HR", Now.AddHours(1));

        Assert.Equal(TravelStatus.Pending, trip.Status);
        Assert.Equal(Return.AddDays(-3), trip.ReturnOn);
        Assert.Equal([true, false], trip.Messages.Select(m => m.IsQuestion));
        Assert.Equal("Dr. Sato only.", trip.Messages[1].Text);
    }

    [Fact]
    public void A_returned_trip_records_how_late_it_came_back()
    {
        var (trip, passport) = TripIn(TravelStatus.Released);
        var back = Event(CustodyEventKind.Return);
        back.OccurredAt = new DateTimeOffset(Return.AddDays(2 + 5).ToDateTime(new TimeOnly(10, 0)), TimeSpan.Zero);
        passport.Return(back);

        trip.CloseWithReturn(back.Id, back.OccurredAt, back.LateByDays!.Value);

        Assert.Equal(5, trip.LateByDays);
        Assert.Equal("Returned 5 days late", TravelText.Outcome(trip.Status, trip.LateByDays));
        Assert.Equal("Returned on time", TravelText.Outcome(TravelStatus.Returned, 0));
    }

    [Fact]
    public void An_approval_expires_only_once_its_window_has_passed()
    {
        var (trip, _) = TripIn(TravelStatus.Approved);

        Assert.Throws<DomainException>(() => trip.Expire(Departure.AddDays(3), Rules, Now));
        trip.Expire(Departure.AddDays(4), Rules, Now);

        Assert.Equal(TravelStatus.Expired, trip.Status);
    }

    private static void Apply(TravelRequest trip, Passport? passport, Step step)
    {
        switch (step)
        {
            case Step.Ask: trip.AskForInformation("Who will you meet?", "reg", "Regulator", Now); break;
            case Step.Answer: trip.Answer("Dr. Sato.", null, "hr", "HR", Now); break;
            case Step.Approve: trip.Approve("TA-2026-000099", Departure, Return, null, "reg", "Regulator", Now); break;
            case Step.Deny: trip.Deny("Not now.", "reg", "Regulator", Now); break;
            case Step.Withdraw: trip.Withdraw(null, Now); break;
            case Step.Release:
                var p = passport ?? HeldPassport(trip.SpecialistId);
                if (p.CustodyStatus != CustodyStatus.Held)
                    p = HeldPassport(trip.SpecialistId);
                p.ReleaseFor(trip, Event(CustodyEventKind.Release), Today, Rules);
                break;
            case Step.Return: trip.CloseWithReturn(Guid.CreateVersion7(), Now, 0); break;
            case Step.Expire: trip.Expire(Departure.AddDays(10), Rules, Now); break;
        }
    }

    private static TravelRequest Submitted(DateOnly? departure = null, DateOnly? returnOn = null) =>
        TravelRequest.Submit(Guid.CreateVersion7(), Guid.CreateVersion7(), new TravelDetails("Japan", "Osaka", TravelPurpose.Conference, null,
            "Kansai Sintering Institute", departure ?? Departure, returnOn ?? Return, "Osaka all week.", null, null), "hr", "HR", Now);

    /// <summary>A request brought to <paramref name="status"/> by the allowed steps, with its holder's passport.</summary>
    private static (TravelRequest Trip, Passport Passport) TripIn(TravelStatus status)
    {
        var trip = Submitted();
        var passport = HeldPassport(trip.SpecialistId);
        switch (status)
        {
            case TravelStatus.InformationRequested:
                Apply(trip, passport, Step.Ask);
                break;
            case TravelStatus.Denied:
                Apply(trip, passport, Step.Deny);
                break;
            case TravelStatus.Withdrawn:
                Apply(trip, passport, Step.Withdraw);
                break;
            case TravelStatus.Approved or TravelStatus.Released or TravelStatus.Returned or TravelStatus.NotReturned or TravelStatus.Expired:
                Apply(trip, passport, Step.Approve);
                if (status == TravelStatus.Expired)
                    Apply(trip, passport, Step.Expire);
                if (status is TravelStatus.Released or TravelStatus.Returned or TravelStatus.NotReturned)
                    Apply(trip, passport, Step.Release);
                if (status == TravelStatus.NotReturned)
                    trip.CloseNotReturned(Guid.CreateVersion7());
                if (status == TravelStatus.Returned)
                {
                    passport.Return(Event(CustodyEventKind.Return));
                    Apply(trip, passport, Step.Return);
                }
                break;
        }
        Assert.Equal(status, trip.Status);
        return (trip, passport);
    }

    private static Passport HeldPassport(Guid specialistId)
    {
        var passport = new Passport { SpecialistId = specialistId, IssuingCountry = "China", IssuedOn = new DateOnly(2020, 1, 1), ExpiresOn = new DateOnly(2030, 1, 1) };
        passport.HandIn(Event(CustodyEventKind.HandIn));
        return passport;
    }

    private static CustodyEvent Event(CustodyEventKind kind) =>
        new() { Kind = kind, OccurredAt = Now, OfficerId = "officer", OfficerName = "Officer" };
}
