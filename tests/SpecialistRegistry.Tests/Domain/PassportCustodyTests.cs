using System.Globalization;
using SpecialistRegistry.Domain;

namespace SpecialistRegistry.Tests.Domain;

public sealed class PassportCustodyTests
{
    private static readonly DateOnly Departure = new(2026, 11, 10);
    private static readonly DateOnly DueBack = new(2026, 11, 20);

    /// <summary>The whole table: every event kind from every status, and where it leads (null: refused).</summary>
    public static TheoryData<CustodyStatus, CustodyEventKind, CustodyStatus?> Transitions => new()
    {
        { CustodyStatus.NotHeld, CustodyEventKind.HandIn, CustodyStatus.Held },
        { CustodyStatus.NotHeld, CustodyEventKind.Release, null },
        { CustodyStatus.NotHeld, CustodyEventKind.Return, null },
        { CustodyStatus.NotHeld, CustodyEventKind.Lost, CustodyStatus.Lost },
        { CustodyStatus.NotHeld, CustodyEventKind.Retired, CustodyStatus.Retired },

        { CustodyStatus.Held, CustodyEventKind.HandIn, null },
        { CustodyStatus.Held, CustodyEventKind.Release, CustodyStatus.Released },
        { CustodyStatus.Held, CustodyEventKind.Return, null },
        { CustodyStatus.Held, CustodyEventKind.Lost, CustodyStatus.Lost },
        { CustodyStatus.Held, CustodyEventKind.Retired, CustodyStatus.Retired },

        // A released passport may come back as a return or as a fresh hand-in.
        { CustodyStatus.Released, CustodyEventKind.HandIn, CustodyStatus.Held },
        { CustodyStatus.Released, CustodyEventKind.Release, null },
        { CustodyStatus.Released, CustodyEventKind.Return, CustodyStatus.Held },
        { CustodyStatus.Released, CustodyEventKind.Lost, CustodyStatus.Lost },
        { CustodyStatus.Released, CustodyEventKind.Retired, CustodyStatus.Retired },

        { CustodyStatus.Lost, CustodyEventKind.HandIn, null },
        { CustodyStatus.Lost, CustodyEventKind.Release, null },
        { CustodyStatus.Lost, CustodyEventKind.Return, null },
        { CustodyStatus.Lost, CustodyEventKind.Lost, null },
        { CustodyStatus.Lost, CustodyEventKind.Retired, CustodyStatus.Retired },

        // Retired is final.
        { CustodyStatus.Retired, CustodyEventKind.HandIn, null },
        { CustodyStatus.Retired, CustodyEventKind.Release, null },
        { CustodyStatus.Retired, CustodyEventKind.Return, null },
        { CustodyStatus.Retired, CustodyEventKind.Lost, null },
        { CustodyStatus.Retired, CustodyEventKind.Retired, null },
    };

    [Theory]
    [MemberData(nameof(Transitions))]
    public void Each_event_from_each_status_moves_the_passport_or_is_refused(CustodyStatus from, CustodyEventKind kind, CustodyStatus? to)
    {
        var passport = PassportIn(from);
        var eventsBefore = passport.CustodyEvents.Count;

        if (to is { } next)
        {
            var applied = Apply(passport, kind);
            Assert.Equal(next, passport.CustodyStatus);
            Assert.Equal(passport.Id, applied.PassportId);
            Assert.Same(applied, passport.CustodyEvents[^1]);
        }
        else
        {
            var error = Assert.Throws<DomainException>(() => Apply(passport, kind));
            Assert.Equal($"A passport that is {from.Describe()} cannot be {kind.PastTense()}.", error.Message);
            Assert.Equal(from, passport.CustodyStatus);
            Assert.Equal(eventsBefore, passport.CustodyEvents.Count);
        }
    }

    [Fact]
    public void Release_sets_the_due_back_date_and_return_clears_it()
    {
        var passport = PassportIn(CustodyStatus.Held);

        passport.Release(ReleaseEvent(Departure, DueBack));
        Assert.Equal(DueBack, passport.DueBackOn);

        passport.Return(Event(CustodyEventKind.Return));
        Assert.Null(passport.DueBackOn);
    }

    [Fact]
    public void Retiring_a_passport_makes_it_no_longer_current()
    {
        var passport = PassportIn(CustodyStatus.Held);

        passport.Retire(Event(CustodyEventKind.Retired));

        Assert.False(passport.IsCurrent);
    }

    [Fact]
    public void A_release_may_be_due_back_on_the_day_of_departure()
    {
        var passport = PassportIn(CustodyStatus.Held);

        passport.Release(ReleaseEvent(Departure, Departure));

        Assert.Equal(CustodyStatus.Released, passport.CustodyStatus);
    }

    [Theory]
    [InlineData(null, "2026-11-20", "APP-1", "A release needs a departure date and a due-back date.")]
    [InlineData("2026-11-10", null, "APP-1", "A release needs a departure date and a due-back date.")]
    [InlineData("2026-11-10", "2026-11-09", "APP-1", "The due-back date cannot be before the departure date.")]
    [InlineData("2026-11-10", "2026-11-20", null, "A release needs the travel approval reference.")]
    [InlineData("2026-11-10", "2026-11-20", "   ", "A release needs the travel approval reference.")]
    public void A_release_without_dates_in_order_and_an_approval_is_refused(string? departure, string? dueBack, string? approval, string message)
    {
        var passport = PassportIn(CustodyStatus.Held);
        var release = ReleaseEvent(departure is null ? null : DateOnly.Parse(departure, CultureInfo.InvariantCulture), dueBack is null ? null : DateOnly.Parse(dueBack, CultureInfo.InvariantCulture));
        release.ApprovalReference = approval;

        var error = Assert.Throws<DomainException>(() => passport.Release(release));

        Assert.Equal(message, error.Message);
        Assert.Equal(CustodyStatus.Held, passport.CustodyStatus);
        Assert.Null(passport.DueBackOn);
    }

    [Fact]
    public void An_event_of_the_wrong_kind_is_a_programming_error_not_a_domain_refusal()
    {
        var passport = PassportIn(CustodyStatus.NotHeld);

        Assert.Throws<ArgumentException>(() => passport.HandIn(Event(CustodyEventKind.Return)));
    }

    [Fact]
    public void A_released_passport_is_overdue_only_after_its_due_back_day()
    {
        var passport = PassportIn(CustodyStatus.Held);
        passport.Release(ReleaseEvent(Departure, DueBack));

        Assert.False(passport.IsOverdue(DueBack.AddDays(-1)));
        Assert.False(passport.IsOverdue(DueBack));
        Assert.True(passport.IsOverdue(DueBack.AddDays(1)));
        Assert.True(passport.IsOverdue(DueBack.AddDays(400)));
    }

    [Fact]
    public void A_passport_that_is_not_out_is_never_overdue()
    {
        var returned = PassportIn(CustodyStatus.Released);
        returned.Return(Event(CustodyEventKind.Return));
        var far = DueBack.AddYears(1);

        Assert.False(returned.IsOverdue(far));
        Assert.All(new[] { CustodyStatus.NotHeld, CustodyStatus.Held, CustodyStatus.Lost, CustodyStatus.Retired },
            status => Assert.False(PassportIn(status).IsOverdue(far)));
    }

    [Theory]
    [InlineData("2026-11-19", 0)]
    [InlineData("2026-11-20", 0)]
    [InlineData("2026-11-21", 1)]
    [InlineData("2026-12-20", 30)]
    public void A_return_records_the_due_back_date_and_how_many_days_late_it_is(string returnedOn, int lateBy)
    {
        var passport = PassportIn(CustodyStatus.Released);
        var returned = Event(CustodyEventKind.Return);
        returned.OccurredAt = new DateTimeOffset(DateOnly.Parse(returnedOn, CultureInfo.InvariantCulture).ToDateTime(new TimeOnly(23, 59)), TimeSpan.Zero);

        passport.Return(returned);

        Assert.Equal(lateBy, returned.LateByDays);
        Assert.Equal(DueBack, returned.DueBackOn);
    }

    [Fact]
    public void A_held_passport_replaced_by_a_renewed_one_is_retired_and_custody_continues_on_the_new_one()
    {
        var old = PassportIn(CustodyStatus.Held);
        var renewed = new Passport { SpecialistId = old.SpecialistId, IsCurrent = false };

        var retired = old.ReplaceWith(renewed, Event(CustodyEventKind.Retired), Event(CustodyEventKind.HandIn));

        Assert.Equal(CustodyStatus.Retired, old.CustodyStatus);
        Assert.False(old.IsCurrent);
        Assert.Equal(renewed.Id, retired.ReplacedByPassportId);
        Assert.Equal(old.Id, renewed.ReplacesPassportId);
        Assert.True(renewed.IsCurrent);
        Assert.Equal(CustodyStatus.Held, renewed.CustodyStatus);
    }

    [Fact]
    public void A_lost_passport_replaced_by_a_renewed_one_leaves_the_new_one_to_be_handed_in()
    {
        var old = PassportIn(CustodyStatus.Lost);
        var renewed = new Passport { SpecialistId = old.SpecialistId };

        old.ReplaceWith(renewed, Event(CustodyEventKind.Retired), null);

        Assert.Equal(CustodyStatus.Retired, old.CustodyStatus);
        Assert.Equal(CustodyStatus.NotHeld, renewed.CustodyStatus);
    }

    [Fact]
    public void A_released_passport_cannot_be_replaced_until_it_is_returned()
    {
        var old = PassportIn(CustodyStatus.Released);
        var renewed = new Passport { SpecialistId = old.SpecialistId };

        var error = Assert.Throws<DomainException>(() => old.ReplaceWith(renewed, Event(CustodyEventKind.Retired), Event(CustodyEventKind.HandIn)));

        Assert.Equal("A passport that is released cannot be replaced until it is returned.", error.Message);
        Assert.Equal(CustodyStatus.Released, old.CustodyStatus);
        Assert.Null(renewed.ReplacesPassportId);
    }

    /// <summary>A passport brought to a status the only way there is: through its events.</summary>
    private static Passport PassportIn(CustodyStatus status)
    {
        var p = new Passport();
        switch (status)
        {
            case CustodyStatus.NotHeld:
                break;
            case CustodyStatus.Held:
                p.HandIn(Event(CustodyEventKind.HandIn));
                break;
            case CustodyStatus.Released:
                p.HandIn(Event(CustodyEventKind.HandIn));
                p.Release(ReleaseEvent(Departure, DueBack));
                break;
            case CustodyStatus.Lost:
                p.ReportLost(Event(CustodyEventKind.Lost));
                break;
            case CustodyStatus.Retired:
                p.Retire(Event(CustodyEventKind.Retired));
                break;
        }
        Assert.Equal(status, p.CustodyStatus);
        return p;
    }

    private static CustodyEvent Apply(Passport p, CustodyEventKind kind) => kind switch
    {
        CustodyEventKind.HandIn => p.HandIn(Event(kind)),
        CustodyEventKind.Release => p.Release(ReleaseEvent(Departure, DueBack)),
        CustodyEventKind.Return => p.Return(Event(kind)),
        CustodyEventKind.Lost => p.ReportLost(Event(kind)),
        CustodyEventKind.Retired => p.Retire(Event(kind)),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    private static CustodyEvent Event(CustodyEventKind kind) =>
        new() { Kind = kind, OccurredAt = new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero), OfficerId = "officer", OfficerName = "Officer" };

    private static CustodyEvent ReleaseEvent(DateOnly? departure, DateOnly? dueBack)
    {
        var e = Event(CustodyEventKind.Release);
        e.DepartureOn = departure;
        e.DueBackOn = dueBack;
        e.ApprovalReference = "APP-2026-0042";
        e.Destination = "Tokyo";
        return e;
    }
}
