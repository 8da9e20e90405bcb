using SpecialistRegistry.Localization;
using Microsoft.EntityFrameworkCore;
using SpecialistRegistry.Domain;
using SpecialistRegistry.Features.Filings;
using SpecialistRegistry.Tests.Infrastructure;
using SpecialistRegistry.Tests.Features.Watches;

namespace SpecialistRegistry.Tests.Features.Filings;

/// <summary>Two people acting on one filing at the same moment: exactly one act stands, the other is told.</summary>
public sealed class FilingRaceTests
{
    [Theory]
    [MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task Two_regulators_deciding_at_once_exactly_one_decision_stands_and_the_other_is_told(TestProvider provider)
    {
        // The messages are read in English here; FilingNoticeLanguageTests and the page scan cover Chinese.
        using var english = CultureScope.Use("en");
        await using var app = await TestApp.StartAsync(provider);
        var kit = await FilingTestKit.CreateAsync(app);
        var id = await kit.SubmitAsync();
        var version = await kit.VersionOfAsync(id);
        var other = await WatchTestData.AddRegulatorAsync(app, "Other Regulator");

        var outcomes = await Task.WhenAll(
            Task.Run(() => kit.AsRegulatorAsync(s => s.AcceptAsync(id, version))),
            Task.Run(() => kit.AsRegulatorAsync(s => s.ReturnAsync(id, version, "Returned by the other."), other)));

        Assert.Single(outcomes.OfType<FilingOutcome.Done>());
        var told = Assert.Single(outcomes.OfType<FilingOutcome.Conflict>());
        var filing = await kit.FilingAsync(id);
        Assert.Contains(filing.Status == FilingStatus.Accepted ? "already accepted" : "already returned", told.Message);
        Assert.Equal(outcomes[0] is FilingOutcome.Done ? FilingStatus.Accepted : FilingStatus.Returned, filing.Status);
        // Only the decision that stood told the firm.
        var hrNotes = await app.NotificationsAsync(kit.Hr);
        Assert.Single(hrNotes, n => n.Kind is NotificationKind.FilingAccepted or NotificationKind.FilingReturned);
    }

    [Theory]
    [MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task Two_windows_submitting_the_same_draft_at_once_freeze_it_once(TestProvider provider)
    {
        // The messages are read in English here; FilingNoticeLanguageTests and the page scan cover Chinese.
        using var english = CultureScope.Use("en");
        await using var app = await TestApp.StartAsync(provider);
        var kit = await FilingTestKit.CreateAsync(app, people: 5);
        var draft = await kit.PrepareAsync();

        var outcomes = await Task.WhenAll(
            Task.Run(() => kit.AsHrAsync(s => s.SubmitAsync(draft.FilingId, draft.Version, true))),
            Task.Run(() => kit.AsHrAsync(s => s.SubmitAsync(draft.FilingId, draft.Version, true))));

        Assert.Single(outcomes.OfType<FilingOutcome.Done>());
        Assert.Contains("already submitted", Assert.Single(outcomes.OfType<FilingOutcome.Conflict>()).Message);
        Assert.Equal(5, (await kit.EntriesAsync(draft.FilingId)).Count);
        await using var db = app.OpenDb();
        Assert.Equal(1, await db.Notifications.CountAsync(n => n.Kind == NotificationKind.FilingSubmitted));
    }

    [Theory]
    [MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task Two_users_starting_the_same_period_at_once_make_one_draft(TestProvider provider)
    {
        // The messages are read in English here; FilingNoticeLanguageTests and the page scan cover Chinese.
        using var english = CultureScope.Use("en");
        await using var app = await TestApp.StartAsync(provider);
        var kit = await FilingTestKit.CreateAsync(app);

        var outcomes = await Task.WhenAll(
            Task.Run(() => kit.AsHrAsync(s => s.PrepareAsync(kit.Quarter.Id))),
            Task.Run(() => kit.AsHrAsync(s => s.PrepareAsync(kit.Quarter.Id))));

        // Either both prepared the same draft one after the other, or the second was told someone else started it.
        Assert.NotEmpty(outcomes.OfType<FilingOutcome.Prepared>());
        Assert.All(outcomes, o => Assert.True(o is FilingOutcome.Prepared or FilingOutcome.Conflict, o.ToString()));
        await using var db = app.OpenDb();
        Assert.Equal(1, await db.Filings.CountAsync());
    }
}
