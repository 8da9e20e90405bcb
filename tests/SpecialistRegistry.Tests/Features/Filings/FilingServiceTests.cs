using SpecialistRegistry.Localization;
using Microsoft.EntityFrameworkCore;
using SpecialistRegistry.Domain;
using SpecialistRegistry.Domain.Filings;
using SpecialistRegistry.Features.Filings;
using SpecialistRegistry.Tests.Infrastructure;
using SpecialistRegistry.Tests.Features.Watches;

namespace SpecialistRegistry.Tests.Features.Filings;

/// <summary>Firm HR prepares, refreshes and submits filings on a real database, SQLite and PostgreSQL alike.</summary>
public sealed class FilingServiceTests
{
    [Theory]
    [MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task A_first_filing_reports_everyone_as_added_and_submitting_freezes_one_entry_per_person_with_masked_numbers(TestProvider provider)
    {
        // The messages are read in English here; FilingNoticeLanguageTests and the page scan cover Chinese.
        using var english = CultureScope.Use("en");
        await using var app = await TestApp.StartAsync(provider);
        var kit = await FilingTestKit.CreateAsync(app);

        var draft = await kit.PrepareAsync();
        Assert.Equal(new FilingCounts(3, 0, 0, 0), draft.Comparison.Counts);
        Assert.True(draft.Comparison.CanSubmit);
        var id = await kit.SubmitAsync();

        var filing = await kit.FilingAsync(id);
        Assert.Equal(FilingStatus.Submitted, filing.Status);
        Assert.Matches("^FL-20261102-[0-9A-Z]{6}$", filing.Number);
        Assert.Equal(draft.Comparison.Digest, filing.Digest);
        Assert.Equal("Hu Rong (HR)", filing.SubmittedByName);
        Assert.Equal("I confirm that this roster is complete and accurate: it lists every specialist our firm employs in the industry today, and each person's details are true to the best of my knowledge.", filing.Attestation);
        var entries = await kit.EntriesAsync(id);
        Assert.Equal(kit.People.Select(p => p.EmployeeNumber), entries.Select(e => e.EmployeeNumber));
        Assert.All(entries, e => Assert.Equal(FilingChange.Added, e.Change));
        var record = FilingSnapshot.Deserialize(entries[0].Snapshot);
        Assert.Equal("王伟", record.FullName);
        Assert.Equal(4, record.Passport!.Number.Last4.Length);
        Assert.Equal(64, record.Passport.Number.Hash.Length);
        // No plaintext number in the frozen record, only its last four and the keyed hash.
        var plain = app.Get<SpecialistRegistry.Data.FieldProtector>();
        await using var db = app.OpenDb();
        var passport = await db.Passports.AsNoTracking().SingleAsync(p => p.SpecialistId == kit.People[0].Id);
        Assert.DoesNotContain(plain.Reveal(passport.Number), entries[0].Snapshot);
        Assert.Equal(FilingSnapshot.DigestOf(entries[0].Snapshot), entries[0].SnapshotDigest);
    }

    [Theory]
    [MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task The_next_filing_compares_with_the_last_accepted_one_added_changed_unchanged_and_leavers_as_removed(TestProvider provider)
    {
        // The messages are read in English here; FilingNoticeLanguageTests and the page scan cover Chinese.
        using var english = CultureScope.Use("en");
        await using var app = await TestApp.StartAsync(provider);
        var kit = await FilingTestKit.CreateAsync(app, people: 4);
        var first = await kit.SubmitAsync();
        await kit.AcceptAsync(first);
        var demand = await DemandAsync(kit);

        await kit.EditAsync(kit.People[0].Id, s => s.Position = "Chief engineer");
        await kit.EditAsync(kit.People[1].Id, s => s.RecordLeaving(new DateOnly(2026, 10, 31), "Resigned"));
        var newcomer = await kit.AddPersonAsync("E0009", "New Comer");
        var draft = await kit.PrepareAsync(demand);

        Assert.Equal(new FilingCounts(1, 1, 2, 1), draft.Comparison.Counts);
        Assert.Equal(first, draft.Comparison.BaselineFilingId);
        var changed = Assert.Single(draft.Comparison.People, p => p.Change == FilingChange.Changed);
        Assert.Equal(new SpecialistRegistry.Domain.Records.FieldChange("Position", "Process Engineer", "Chief engineer"), Assert.Single(changed.Changes));
        var removed = Assert.Single(draft.Comparison.People, p => p.Change == FilingChange.Removed);
        Assert.Equal(kit.People[1].Id, removed.SpecialistId);
        Assert.Contains(removed.Changes, c => c.Field == "Status" && c.New == "Left");
        Assert.Empty(removed.Problems);
        Assert.Equal(newcomer.Id, Assert.Single(draft.Comparison.People, p => p.Change == FilingChange.Added).SpecialistId);

        var id = Assert.IsType<FilingOutcome.Done>(await kit.AsHrAsync(s => s.SubmitAsync(draft.FilingId, draft.Version, true))).FilingId;
        var entries = await kit.EntriesAsync(id);
        Assert.Equal("Position", entries.Single(e => e.Change == FilingChange.Changed).ChangedFields);
        Assert.Equal(5, entries.Count);
    }

    [Theory]
    [MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task A_stale_draft_is_refused_with_nothing_written_and_submits_after_a_refresh(TestProvider provider)
    {
        // The messages are read in English here; FilingNoticeLanguageTests and the page scan cover Chinese.
        using var english = CultureScope.Use("en");
        await using var app = await TestApp.StartAsync(provider);
        var kit = await FilingTestKit.CreateAsync(app);
        var draft = await kit.PrepareAsync();
        await kit.EditAsync(kit.People[2].Id, s => s.Department = "Magnet line 2");

        var stale = Assert.IsType<FilingOutcome.Stale>(await kit.AsHrAsync(s => s.SubmitAsync(draft.FilingId, draft.Version, true)));
        Assert.Contains("The roster changed after this draft was prepared", stale.Message);
        Assert.Equal(FilingStatus.Draft, (await kit.FilingAsync(draft.FilingId)).Status);
        Assert.Empty(await kit.EntriesAsync(draft.FilingId));

        // The page opening the draft again says so too.
        var opened = await kit.AsHrAsync(s => s.OpenDraftAsync(draft.FilingId));
        Assert.True(opened!.IsStale);

        var refreshed = Assert.IsType<FilingOutcome.Prepared>(await kit.AsHrAsync(s => s.PrepareAsync(kit.Quarter.Id, draft.Version)));
        Assert.Equal(draft.FilingId, refreshed.FilingId);
        Assert.IsType<FilingOutcome.Done>(await kit.AsHrAsync(s => s.SubmitAsync(refreshed.FilingId, refreshed.Version, true)));
        Assert.Equal("Magnet line 2", FilingSnapshot.Deserialize((await kit.EntriesAsync(draft.FilingId))[2].Snapshot).Department);
    }

    [Theory]
    [MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task Submitting_twice_is_refused_and_says_who_submitted_and_nothing_more_is_written(TestProvider provider)
    {
        // The messages are read in English here; FilingNoticeLanguageTests and the page scan cover Chinese.
        using var english = CultureScope.Use("en");
        await using var app = await TestApp.StartAsync(provider);
        var kit = await FilingTestKit.CreateAsync(app);
        var draft = await kit.PrepareAsync();
        Assert.IsType<FilingOutcome.Done>(await kit.AsHrAsync(s => s.SubmitAsync(draft.FilingId, draft.Version, true)));

        var again = Assert.IsType<FilingOutcome.Conflict>(await kit.AsHrAsync(s => s.SubmitAsync(draft.FilingId, draft.Version, true)));
        Assert.Contains("already submitted", again.Message);
        Assert.Contains("Hu Rong (HR)", again.Message);
        Assert.Equal(3, (await kit.EntriesAsync(draft.FilingId)).Count);
        var prepare = Assert.IsType<FilingOutcome.Invalid>(await kit.AsHrAsync(s => s.PrepareAsync(kit.Quarter.Id)));
        Assert.Contains("already submitted", prepare.Message);
        await using var db = app.OpenDb();
        Assert.Equal(1, await db.Filings.CountAsync());
    }

    [Theory]
    [MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task Completeness_problems_name_each_person_and_block_submission(TestProvider provider)
    {
        // The messages are read in English here; FilingNoticeLanguageTests and the page scan cover Chinese.
        using var english = CultureScope.Use("en");
        await using var app = await TestApp.StartAsync(provider);
        var kit = await FilingTestKit.CreateAsync(app, people: 1);
        var bare = await TestData.AddSpecialistAsync(app, kit.Firm.Id, "E0100", "李娜", "Li Na");
        await kit.AddPersonAsync("E0101", "Expired Passport", s => s.Passports[0].UpdateDetails(SensitiveValue.Empty, s.Passports[0].IssuingCountry, s.Passports[0].IssuedOn, new DateOnly(2026, 10, 1)));

        var draft = await kit.PrepareAsync();
        Assert.Equal(2, draft.Comparison.PeopleWithProblems);
        var problems = draft.Comparison.People.Single(p => p.SpecialistId == bare.Id).Problems;
        Assert.Equal(["No current passport is on file.", "No expertise is recorded.", "No education is recorded.",
            "Missing: national ID number, a phone number or an e-mail address."], problems);
        Assert.Equal(["The current passport expired on 2026-10-01."], draft.Comparison.People.Single(p => p.EmployeeNumber == "E0101").Problems);

        var refused = Assert.IsType<FilingOutcome.Invalid>(await kit.AsHrAsync(s => s.SubmitAsync(draft.FilingId, draft.Version, true)));
        Assert.Equal("2 people do not pass the completeness checks. Correct them on the roster, refresh the draft, and submit again.", refused.Message);
        Assert.Equal(FilingStatus.Draft, (await kit.FilingAsync(draft.FilingId)).Status);
    }

    [Fact]
    public async Task Submitting_without_the_attestation_is_refused()
    {
        await using var app = await TestApp.StartAsync();
        var kit = await FilingTestKit.CreateAsync(app, people: 1);
        var draft = await kit.PrepareAsync();

        var refused = Assert.IsType<FilingOutcome.Invalid>(await kit.AsHrAsync(s => s.SubmitAsync(draft.FilingId, draft.Version, attested: false)));

        Assert.Equal("Attested", refused.Field);
        Assert.Equal(FilingStatus.Draft, (await kit.FilingAsync(draft.FilingId)).Status);
    }

    [Theory]
    [MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task Submission_tells_every_regulator_and_the_watchers_of_the_people_on_it(TestProvider provider)
    {
        // The messages are read in English here; FilingNoticeLanguageTests and the page scan cover Chinese.
        using var english = CultureScope.Use("en");
        await using var app = await TestApp.StartAsync(provider);
        var kit = await FilingTestKit.CreateAsync(app);
        var watcher = await WatchTestData.AddRegulatorAsync(app, "Wei Watcher");
        await app.WatchAsync(watcher, kit.People[1].Id);

        var id = await kit.SubmitAsync();

        var number = (await kit.FilingAsync(id)).Number;
        var watcherNotes = await app.NotificationsAsync(watcher);
        Assert.Contains(watcherNotes, n => n.Message == $"王伟 (Person 2) appears on {kit.Firm.Name}'s filing for 2026-Q4.");
        Assert.Contains(watcherNotes, n => n.Message.StartsWith($"{kit.Firm.Name} submitted filing {number} for 2026-Q4 (3 people: 3 added", StringComparison.Ordinal));
        Assert.Contains(await app.NotificationsAsync(kit.Regulator), n => n.Kind == NotificationKind.FilingSubmitted);
    }

    [Theory]
    [MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task A_returned_filing_is_resubmitted_as_a_new_linked_filing_diffed_against_the_returned_one(TestProvider provider)
    {
        // The messages are read in English here; FilingNoticeLanguageTests and the page scan cover Chinese.
        using var english = CultureScope.Use("en");
        await using var app = await TestApp.StartAsync(provider);
        var kit = await FilingTestKit.CreateAsync(app);
        var first = await kit.SubmitAsync();
        var entry = (await kit.EntriesAsync(first))[1];
        Assert.IsType<FilingOutcome.Done>(await kit.AsRegulatorAsync(s => s.AddRemarkAsync(first, entry.Id, "The position is out of date.")));
        await kit.ReturnAsync(first);
        Assert.Contains(await app.NotificationsAsync(kit.Hr), n => n.Kind == NotificationKind.FilingReturned
            && n.Message.Contains("with 1 remark on entries: Two passports look wrong; see the remarks.", StringComparison.Ordinal));
        var remarks = await kit.QueryAsync(q => q.RemarkedEntriesAsync(first));
        Assert.Equal("The position is out of date.", Assert.Single(remarks).Remark.Text);

        await kit.EditAsync(entry.SpecialistId, s => s.Position = "Plant manager");
        var view = await kit.AsHrAsync(s => s.OpenAsync(kit.Quarter.Id));
        Assert.Equal(first, view!.Returned!.Id);
        var draft = await kit.PrepareAsync();
        Assert.NotEqual(first, draft.FilingId);
        Assert.Equal(first, draft.Comparison.ReturnedFilingId);
        var fixedPerson = draft.Comparison.People.Single(p => p.SpecialistId == entry.SpecialistId);
        Assert.Equal(FilingChange.Changed, fixedPerson.ChangeSinceReturned);
        Assert.Equal("Plant manager", Assert.Single(fixedPerson.ChangesSinceReturned).New);
        // Still "added" against the last accepted filing, of which there is none.
        Assert.Equal(FilingChange.Added, fixedPerson.Change);
        Assert.All(draft.Comparison.People.Where(p => p != fixedPerson), p => Assert.Equal(FilingChange.Unchanged, p.ChangeSinceReturned));

        var second = Assert.IsType<FilingOutcome.Done>(await kit.AsHrAsync(s => s.SubmitAsync(draft.FilingId, draft.Version, true))).FilingId;
        var resubmitted = await kit.FilingAsync(second);
        Assert.Equal(FilingStatus.Resubmitted, resubmitted.Status);
        Assert.Equal(first, resubmitted.ResubmissionOfId);
        Assert.Equal(FilingStatus.Returned, (await kit.FilingAsync(first)).Status);
        var header = await kit.QueryAsync(q => q.HeaderAsync(first));
        Assert.Equal(second, header!.ResubmittedAsId);
        var secondEntry = (await kit.EntriesAsync(second))[1];
        var detail = await kit.QueryAsync(q => q.EntryAsync(second, secondEntry.Id), kit.Regulator);
        Assert.Equal("Plant manager", Assert.Single(detail!.SinceReturned!).New);
        await kit.AcceptAsync(second);
        Assert.Contains(await app.NotificationsAsync(kit.Hr), n => n.Kind == NotificationKind.FilingAccepted);
    }

    [Theory]
    [MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task A_draft_can_be_discarded_but_a_submitted_filing_cannot(TestProvider provider)
    {
        // The messages are read in English here; FilingNoticeLanguageTests and the page scan cover Chinese.
        using var english = CultureScope.Use("en");
        await using var app = await TestApp.StartAsync(provider);
        var kit = await FilingTestKit.CreateAsync(app);
        var draft = await kit.PrepareAsync();
        Assert.IsType<FilingOutcome.Done>(await kit.AsHrAsync(s => s.DiscardAsync(draft.FilingId, draft.Version)));
        await using (var db = app.OpenDb())
            Assert.False(await db.Filings.AnyAsync());

        var id = await kit.SubmitAsync();
        var refused = Assert.IsType<FilingOutcome.Conflict>(await kit.AsHrAsync(async s => await s.DiscardAsync(id, await kit.VersionOfAsync(id))));
        Assert.Contains("already submitted", refused.Message);
    }

    [Fact]
    public async Task The_firms_periods_list_today_s_quarter_and_its_own_demands_only()
    {
        await using var app = await TestApp.StartAsync();
        var kit = await FilingTestKit.CreateAsync(app);
        var other = await FilingTestKit.OtherFirmAsync(kit);
        var demand = await DemandAsync(other);

        var mine = await kit.AsHrAsync(s => s.PeriodsAsync());
        var theirs = await other.AsHrAsync(s => s.PeriodsAsync());

        Assert.Equal(["2026-Q4"], mine.Select(p => p.Code));
        Assert.Equal(FilingState.NotStarted, mine[0].State);
        Assert.Equal(new DateOnly(2027, 1, 30), mine[0].DueOn);
        Assert.Contains(theirs, p => p.PeriodId == demand && p.Kind == FilingPeriodKind.Demand);
        Assert.Null(await kit.AsHrAsync(s => s.OpenAsync(demand)));
        Assert.IsType<FilingOutcome.NotFound>(await kit.AsHrAsync(s => s.PrepareAsync(demand)));
    }

    internal static async Task<Guid> DemandAsync(FilingTestKit kit) =>
        Assert.IsType<FilingOutcome.Done>(await kit.AsRegulatorAsync(s => s.DemandAsync(new DemandInput(DemandScope.Firm, null, kit.Firm.Id,
            kit.Today.AddDays(20), "Submit detailed lists of specialists.")))).FilingId;
}
