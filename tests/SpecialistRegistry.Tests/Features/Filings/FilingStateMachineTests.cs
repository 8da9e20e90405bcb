using SpecialistRegistry.Domain;
using SpecialistRegistry.Tests.Infrastructure;

namespace SpecialistRegistry.Tests.Features.Filings;

/// <summary>
/// draft → submitted → accepted | returned; a returned filing's resubmission: draft → resubmitted → accepted | returned.
/// Every step the state machine allows, and every one it refuses, with the message the user reads.
/// </summary>
public sealed class FilingStateMachineTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);
    private static readonly UserRef Hr = TestFilings.Hr;
    private const string Attested = "I confirm that this roster is complete and accurate.";
    private static readonly UserRef Regulator = TestFilings.Regulator;

    public enum Step { Prepare, Submit, Accept, Return, Resubmit, Discard }

    private static Filing InState(FilingStatus status)
    {
        var period = TestFilings.Quarter(Now);
        if (status == FilingStatus.Resubmitted)
            return TestFilings.Make(Guid.NewGuid(), period, FilingStatus.Resubmitted, Now).Last();
        return TestFilings.Make(Guid.NewGuid(), period, status, Now).Single();
    }

    private static void Apply(Filing filing, Step step)
    {
        switch (step)
        {
            case Step.Prepare: filing.Prepare(null, new FilingCounts(1, 0, 0, 0), "d", Hr, Now); break;
            case Step.Submit: filing.Submit(filing.PreparedDigest, "FL-1", "CODE", Attested, Hr, Now); break;
            case Step.Accept: filing.Accept(Regulator, Now); break;
            case Step.Return: filing.Return("Correct the passports.", Regulator, Now); break;
            case Step.Resubmit: filing.StartResubmission(null, Hr, Now); break;
            case Step.Discard: filing.EnsureDiscardable(); break;
        }
    }

    public static TheoryData<FilingStatus, Step, FilingStatus?> Allowed => new()
    {
        { FilingStatus.Draft, Step.Prepare, FilingStatus.Draft },
        { FilingStatus.Draft, Step.Submit, FilingStatus.Submitted },
        { FilingStatus.Draft, Step.Discard, FilingStatus.Draft },
        { FilingStatus.Submitted, Step.Accept, FilingStatus.Accepted },
        { FilingStatus.Submitted, Step.Return, FilingStatus.Returned },
        { FilingStatus.Returned, Step.Resubmit, FilingStatus.Returned },
        { FilingStatus.Resubmitted, Step.Accept, FilingStatus.Accepted },
        { FilingStatus.Resubmitted, Step.Return, FilingStatus.Returned },
    };

    [Theory]
    [MemberData(nameof(Allowed))]
    public void Each_allowed_step_moves_the_filing_to_its_next_status(FilingStatus from, Step step, FilingStatus? to)
    {
        var filing = InState(from);

        Apply(filing, step);

        Assert.Equal(to, filing.Status);
    }

    public static TheoryData<FilingStatus, Step, string> Refused => new()
    {
        { FilingStatus.Draft, Step.Accept, "This filing is still a draft and cannot be accepted." },
        { FilingStatus.Draft, Step.Return, "This filing is still a draft and cannot be returned." },
        { FilingStatus.Draft, Step.Resubmit, "Only a returned filing can be resubmitted; this one is a draft." },
        { FilingStatus.Submitted, Step.Prepare, "This filing is submitted and can no longer be prepared." },
        { FilingStatus.Submitted, Step.Submit, "This filing is submitted and can no longer be submitted." },
        { FilingStatus.Submitted, Step.Resubmit, "Only a returned filing can be resubmitted; this one is submitted." },
        { FilingStatus.Submitted, Step.Discard, "This filing is submitted and can no longer be discarded." },
        { FilingStatus.Accepted, Step.Prepare, "This filing is accepted and can no longer be prepared." },
        { FilingStatus.Accepted, Step.Submit, "This filing is accepted and can no longer be submitted." },
        { FilingStatus.Accepted, Step.Accept, "This filing is already accepted; it cannot be accepted again." },
        { FilingStatus.Accepted, Step.Return, "This filing is already accepted; it cannot be returned again." },
        { FilingStatus.Accepted, Step.Resubmit, "Only a returned filing can be resubmitted; this one is accepted." },
        { FilingStatus.Accepted, Step.Discard, "This filing is accepted and can no longer be discarded." },
        { FilingStatus.Returned, Step.Prepare, "This filing is returned and can no longer be prepared." },
        { FilingStatus.Returned, Step.Submit, "This filing is returned and can no longer be submitted." },
        { FilingStatus.Returned, Step.Accept, "This filing is already returned; it cannot be accepted again." },
        { FilingStatus.Returned, Step.Return, "This filing is already returned; it cannot be returned again." },
        { FilingStatus.Returned, Step.Discard, "This filing is returned and can no longer be discarded." },
        { FilingStatus.Resubmitted, Step.Prepare, "This filing is resubmitted and can no longer be prepared." },
        { FilingStatus.Resubmitted, Step.Submit, "This filing is resubmitted and can no longer be submitted." },
        { FilingStatus.Resubmitted, Step.Resubmit, "Only a returned filing can be resubmitted; this one is resubmitted." },
        { FilingStatus.Resubmitted, Step.Discard, "This filing is resubmitted and can no longer be discarded." },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public void Each_refused_step_leaves_the_filing_as_it_was_and_says_why(FilingStatus from, Step step, string message)
    {
        var filing = InState(from);

        var refused = Assert.Throws<DomainException>(() => Apply(filing, step));

        Assert.Equal(message, refused.Message);
        Assert.Equal(from, filing.Status);
    }

    [Fact]
    public void Every_status_and_step_is_covered_by_the_two_tables()
    {
        var covered = Allowed.Select(r => ((FilingStatus)r[0], (Step)r[1])).Concat(Refused.Select(r => ((FilingStatus)r[0], (Step)r[1]))).ToHashSet();
        var all = Enum.GetValues<FilingStatus>().SelectMany(s => Enum.GetValues<Step>().Select(t => (s, t))).ToList();

        Assert.All(all, pair => Assert.Contains(pair, covered));
    }

    [Fact]
    public void A_resubmission_draft_submits_as_resubmitted_and_links_the_returned_filing()
    {
        var returned = InState(FilingStatus.Returned);
        var draft = returned.StartResubmission(null, Hr, Now);
        draft.Prepare(null, new FilingCounts(1, 0, 0, 0), "d", Hr, Now);

        draft.Submit("d", "FL-2", "CODE", Attested, Hr, Now);

        Assert.Equal(FilingStatus.Resubmitted, draft.Status);
        Assert.Equal(returned.Id, draft.ResubmissionOfId);
        Assert.Equal(returned.PeriodId, draft.PeriodId);
    }

    [Fact]
    public void Submitting_needs_the_attestation_and_the_digest_that_was_prepared()
    {
        var draft = InState(FilingStatus.Draft);

        Assert.Equal("Confirm that the roster is complete and accurate before submitting it.",
            Assert.Throws<DomainException>(() => draft.Submit(draft.PreparedDigest, "FL-1", "C", null, Hr, Now)).Message);
        Assert.Contains("The roster changed after this draft was prepared",
            Assert.Throws<DomainException>(() => draft.Submit("another digest", "FL-1", "C", Attested, Hr, Now)).Message);
        Assert.Equal(FilingStatus.Draft, draft.Status);
        Assert.False(draft.AcceptsEntries);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("   ")]
    public void Returning_needs_a_comment(string? comment)
    {
        var filing = InState(FilingStatus.Submitted);

        Assert.Equal("Say why the filing is returned: the firm sees this comment.",
            Assert.Throws<DomainException>(() => filing.Return(comment, Regulator, Now)).Message);
        Assert.Equal(FilingStatus.Submitted, filing.Status);
    }

    [Fact]
    public void A_demand_needs_a_reason_and_a_due_date_after_today()
    {
        var today = new DateOnly(2026, 11, 2);
        FilingPeriod Demand(DateOnly due, string? reason) =>
            FilingPeriod.Demand("D-1", DemandScope.AllFirms, null, null, due, reason, today, Regulator, Now);

        Assert.Equal("The due date must be after today (2026-11-02).", Assert.Throws<DomainException>(() => Demand(today, "Lists.")).Message);
        Assert.Equal("Give the reason for the demand: the firms read it.", Assert.Throws<DomainException>(() => Demand(today.AddDays(5), " ")).Message);
        Assert.Equal(new DateOnly(2026, 11, 7), Demand(today.AddDays(5), "Lists.").DueOn);
    }

    [Fact]
    public void A_quarter_runs_from_its_first_to_its_last_day_and_is_due_the_configured_days_later()
    {
        var q = FilingPeriod.Quarter(2026, 4, 30, Regulator, Now);

        Assert.Equal(("2026-Q4", new DateOnly(2026, 10, 1), new DateOnly(2026, 12, 31), new DateOnly(2027, 1, 30)), (q.Code, q.StartsOn, q.EndsOn, q.DueOn));
        Assert.True(FilingPeriod.TryParseQuarter("2026-q1", out var y, out var n) && (y, n) == (2026, 1));
        Assert.False(FilingPeriod.TryParseQuarter("2026-Q5", out _, out _));
    }
}
