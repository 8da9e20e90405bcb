using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SpecialistRegistry.Domain;
using SpecialistRegistry.Domain.Filings;
using SpecialistRegistry.Features.Filings;
using SpecialistRegistry.Tests.Infrastructure;

namespace SpecialistRegistry.Tests.Features.Filings;

/// <summary>
/// A submitted filing and its entries stay as submitted, refused like custody events and audit rows; every step
/// leaves an audit entry; an entry's frozen record reaches the trail only as its digest.
/// </summary>
public sealed class FilingFreezeAndAuditTests
{
    [Theory]
    [MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task A_submitted_filing_and_its_entries_cannot_be_changed_or_deleted(TestProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var kit = await FilingTestKit.CreateAsync(app);
        var id = await kit.SubmitAsync();
        var digest = (await kit.FilingAsync(id)).Digest;

        async Task<string> RefusedAsync(Func<SpecialistRegistry.Data.RegistryDb, Task> change)
        {
            await using var db = app.OpenDb();
            await change(db);
            return (await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync())).Message;
        }

        Assert.Equal("FilingEntry rows are append-only.", await RefusedAsync(async db =>
            (await db.FilingEntries.FirstAsync(e => e.FilingId == id)).Snapshot = "{}"));
        Assert.Equal("FilingEntry rows are append-only.", await RefusedAsync(async db =>
            db.FilingEntries.Remove(await db.FilingEntries.FirstAsync(e => e.FilingId == id))));
        Assert.Contains("A filing that is submitted cannot be changed (AddedCount)", await RefusedAsync(async db =>
            db.Entry(await db.Filings.SingleAsync(f => f.Id == id)).Property(f => f.AddedCount).CurrentValue = 99));
        Assert.Equal("A filing that is submitted cannot be deleted.", await RefusedAsync(async db =>
            db.Filings.Remove(await db.Filings.SingleAsync(f => f.Id == id))));
        Assert.Equal("Entries can be added to a filing only by the save that submits it.", await RefusedAsync(async db =>
        {
            var entry = (await db.FilingEntries.AsNoTracking().FirstAsync(e => e.FilingId == id));
            db.FilingEntries.Add(new FilingEntry
            {
                FilingId = id, SpecialistId = Guid.CreateVersion7(), EmployeeNumber = "E9999", FullName = "x", LatinName = "x",
                Change = FilingChange.Added, Snapshot = entry.Snapshot, SnapshotDigest = entry.SnapshotDigest,
            });
        }));

        // A decision is the one change a submitted filing takes; after it, nothing.
        await kit.AcceptAsync(id);
        Assert.Contains("A filing that is accepted cannot be changed", await RefusedAsync(async db =>
        {
            var filing = await db.Filings.SingleAsync(f => f.Id == id);
            db.Entry(filing).Property(f => f.Status).CurrentValue = FilingStatus.Returned;
        }));
        Assert.Equal(3, (await kit.EntriesAsync(id)).Count);
        Assert.Equal(digest, (await kit.FilingAsync(id)).Digest);
    }

    [Theory]
    [MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task Every_step_is_audited_and_entries_are_recorded_by_digest_without_their_snapshot(TestProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var kit = await FilingTestKit.CreateAsync(app);
        var draft = await kit.PrepareAsync();
        app.Clock.Advance(TimeSpan.FromMinutes(5));
        await kit.AsHrAsync(s => s.PrepareAsync(kit.Quarter.Id, draft.Version));
        var refreshed = await kit.VersionOfAsync(draft.FilingId);
        Assert.IsType<FilingOutcome.Done>(await kit.AsHrAsync(s => s.SubmitAsync(draft.FilingId, refreshed, true)));
        var entry = (await kit.EntriesAsync(draft.FilingId))[0];
        Assert.IsType<FilingOutcome.Done>(await kit.AsRegulatorAsync(s => s.AddRemarkAsync(draft.FilingId, entry.Id, "Check this.")));
        await kit.ReturnAsync(draft.FilingId, "See the remark.");

        var trail = await SpecialistRegistry.Tests.Data.TestRecords.AuditTrailAsync(app);
        var filingRows = trail.Where(a => a.EntityKey == draft.FilingId.ToString() && a.EntityType == nameof(Filing)).ToList();
        // Prepared, refreshed, submitted, returned.
        Assert.Equal(["Added", "Modified", "Modified", "Modified"], filingRows.Select(a => a.Action));
        Assert.Contains("PreparedAt", filingRows[1].Changes);
        Assert.Contains("\"Status\":[\"Draft\",\"Submitted\"]", filingRows[2].Changes);
        Assert.Contains("\"Status\":[\"Submitted\",\"Returned\"]", filingRows[3].Changes);
        Assert.Contains("See the remark.", filingRows[3].Changes);
        Assert.Single(trail, a => a.EntityType == nameof(FilingRemark));

        var entryRows = trail.Where(a => a.EntityType == nameof(FilingEntry)).ToList();
        Assert.Equal(3, entryRows.Count);
        var recorded = JsonSerializer.Deserialize<Dictionary<string, string?[]>>(entryRows.Single(a => a.EntityKey == entry.Id.ToString()).Changes!)!;
        Assert.Equal(entry.SnapshotDigest, recorded["SnapshotDigest"][1]);
        Assert.False(recorded.ContainsKey(nameof(FilingEntry.Snapshot)));
        // Nothing of the frozen record beyond what the entry row itself says (the name and number) reaches the trail.
        var record = FilingSnapshot.Deserialize(entry.Snapshot);
        Assert.All(trail, a => Assert.DoesNotContain(record.Passport!.Number.Hash, a.Changes ?? ""));
        Assert.All(trail.Where(a => a.EntityType == nameof(FilingEntry)), a => Assert.DoesNotContain(record.Department, a.Changes ?? ""));

        await using var scope = app.Scope();
        Assert.True((await Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions
            .GetRequiredService<SpecialistRegistry.Features.Audit.AuditVerifier>(scope.ServiceProvider).VerifyAsync()).IsIntact);
    }

    [Fact]
    public async Task A_failed_submission_writes_nothing_at_all()
    {
        await using var app = await TestApp.StartAsync();
        var kit = await FilingTestKit.CreateAsync(app, people: 3);
        var draft = await kit.PrepareAsync();
        var before = (await SpecialistRegistry.Tests.Data.TestRecords.AuditTrailAsync(app)).Count;
        using var cancel = new CancellationTokenSource();
        // Cancelled after the first chunk would be written: the one transaction rolls everything back.
        var progress = new CancelOnReport(cancel);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => kit.AsHrAsync(s => s.SubmitAsync(draft.FilingId, draft.Version, true, progress, cancel.Token)));

        var filing = await kit.FilingAsync(draft.FilingId);
        Assert.Equal(FilingStatus.Draft, filing.Status);
        Assert.Null(filing.Number);
        Assert.Empty(await kit.EntriesAsync(draft.FilingId));
        Assert.Equal(before, (await SpecialistRegistry.Tests.Data.TestRecords.AuditTrailAsync(app)).Count);
        await using var db = app.OpenDb();
        Assert.False(await db.Notifications.AnyAsync(n => n.Kind == NotificationKind.FilingSubmitted));
    }

    /// <summary>Reports on the submitting thread (Progress&lt;T&gt; posts later), so the cancel lands mid-submission.</summary>
    private sealed class CancelOnReport(CancellationTokenSource cancel) : IProgress<int>
    {
        public void Report(int value) => cancel.Cancel();
    }
}
