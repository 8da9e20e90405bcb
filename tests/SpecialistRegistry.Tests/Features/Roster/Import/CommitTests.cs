using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SpecialistRegistry.Domain;
using SpecialistRegistry.Features.Roster.Import;

using SpecialistRegistry.Files.Roster;

namespace SpecialistRegistry.Tests.Features.Roster.Import;

/// <summary>The commit: all of it in one transaction with its audit entries, or none of it.</summary>
public sealed class CommitTests(RosterFixture fixture) : IClassFixture<RosterFixture>
{
    [Fact]
    public async Task Commit_adds_new_people_updates_changed_ones_and_leaves_unchanged_ones_untouched()
    {
        var firm = await fixture.NewFirmAsync();
        await fixture.ImportAsync(firm, RosterSamples.People(3));
        var before = await SpecialistsAsync(firm);
        fixture.App.Clock.Advance(TimeSpan.FromHours(1));
        var people = RosterSamples.People(4);
        people[1].Position = "Chief engineer";
        people[1].Expertise[0] = people[1].Expertise[0] with { Years = 30 };
        people[1].Passport = new RosterPassport("G98765432", "China", new DateOnly(2025, 1, 1), new DateOnly(2035, 1, 1));
        var preview = await fixture.DryRunAsync(firm, "roster.csv", await RosterFiles.CsvAsync(people));
        var auditBefore = (await fixture.CountAsync()).AuditEntries;

        var result = await fixture.CommitAsync(firm, preview);

        Assert.Equal(new ImportCounts(New: 1, Changed: 1, Unchanged: 2, Rejected: 0), result.Counts);
        var after = await SpecialistsAsync(firm);
        Assert.Equal(4, after.Count);
        foreach (var unchanged in new[] { "T00001", "T00003" })
            Assert.Equal((before[unchanged].Version, before[unchanged].UpdatedAt), (after[unchanged].Version, after[unchanged].UpdatedAt));
        var changed = after["T00002"];
        Assert.NotEqual(before["T00002"].Version, changed.Version);
        Assert.Equal("Chief engineer", changed.Position);
        Assert.Equal(fixture.App.Clock.GetUtcNow(), changed.UpdatedAt);
        Assert.Equal([3, 4, 30], changed.Expertise.Select(e => e.Years).Order());
        var passports = changed.Passports.OrderBy(p => p.IssuedOn).ToList();
        Assert.Equal([false, true], passports.Select(p => p.IsCurrent));
        Assert.Equal("5432", passports[1].Number.Last4);
        Assert.Equal(passports[0].Id, passports[1].ReplacesPassportId);

        // Only what differs is written: the specialist row, one expertise item out and one in, the old
        // passport (no longer current), the new passport, the new person's nine rows, the import event.
        await using var db = fixture.App.OpenDb();
        var entries = await db.AuditEntries.Where(a => a.Sequence > auditBefore).ToListAsync();
        Assert.Equal(1, entries.Count(e => e.EntityKey == changed.Id.ToString()));
        Assert.Equal(1, entries.Count(e => e.EntityType == nameof(Expertise) && e.Action == "Deleted"));
        Assert.Equal(1 + 1 + 1 + 2 + 9 + 1, entries.Count);
    }

    [Fact]
    public async Task The_import_is_an_audited_event_with_file_name_hash_and_counts()
    {
        var firm = await fixture.NewFirmAsync();
        var content = await RosterFiles.CsvAsync(RosterSamples.People(2));
        var preview = await fixture.DryRunAsync(firm, "staff 2026.csv", content);

        await fixture.CommitAsync(firm, preview);

        await using var db = fixture.App.OpenDb();
        var entry = await db.AuditEntries.OrderBy(a => a.Sequence).LastAsync();
        Assert.Equal(("RosterImported", "Firm", firm.ToString(), "test-firmhr"), (entry.Action, entry.EntityType, entry.EntityKey, entry.ActorId));
        var details = JsonSerializer.Deserialize<Dictionary<string, string>>(entry.Changes)!;
        Assert.Equal("staff 2026.csv", details["fileName"]);
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(content)), details["sha256"]);
        Assert.Equal(("2", "0", "0"), (details["new"], details["changed"], details["unchanged"]));
        var specialists = (await db.Specialists.Where(s => s.FirmId == firm).Select(s => s.Id).ToListAsync()).Select(id => id.ToString());
        Assert.All(specialists, id => Assert.Contains(db.AuditEntries, a => a.EntityType == nameof(Specialist) && a.EntityKey == id && a.Action == "Added"));
        Assert.Null(SpecialistRegistry.Data.AuditChain.FindFirstBreak(await db.AuditEntries.OrderBy(a => a.Sequence).ToListAsync()));
    }

    [Fact]
    public async Task Chinese_names_survive_utf8_with_and_without_bom_and_gb18030_files()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var firm = await fixture.NewFirmAsync();
        var people = RosterSamples.People(3);
        people[0].FullName = "欧阳稀土";
        people[1].FullName = "司马钕铁硼";
        people[2].FullName = "诸葛钐钴";
        var text = RosterFiles.CsvText(RosterFiles.CsvRows(people));
        var utf8 = Encoding.UTF8.GetBytes(text);

        foreach (var (name, bytes) in new[] { ("bom.csv", (byte[])[0xEF, 0xBB, 0xBF, .. utf8]), ("plain.csv", utf8), ("gb18030.csv", Encoding.GetEncoding("GB18030").GetBytes(text)) })
        {
            var preview = await fixture.DryRunAsync(firm, name, bytes);
            Assert.Empty(preview.Problems);
            if (name == "bom.csv")
                await fixture.CommitAsync(firm, preview);
            else
                Assert.Equal(new ImportCounts(0, 0, 3, 0), preview.Counts);
        }
        await using var db = fixture.App.OpenDb();
        Assert.Equal(["司马钕铁硼", "欧阳稀土", "诸葛钐钴"], await db.Specialists.Where(s => s.FirmId == firm).Select(s => s.FullName).OrderBy(n => n).ToListAsync());
    }

    [Fact]
    public async Task A_commit_that_fails_halfway_leaves_the_database_exactly_as_before()
    {
        var firm = await fixture.NewFirmAsync();
        var preview = await fixture.DryRunAsync(firm, "roster.csv", await RosterFiles.CsvAsync(RosterSamples.People(RosterImportService.ChunkSize + 100)));
        var before = await fixture.CountAsync();
        var failAfterFirstChunk = new Progress(p =>
        {
            if (p.Phase == ImportPhase.Saving && p.Done >= RosterImportService.ChunkSize)
                throw new IOException("disk full");
        });

        await Assert.ThrowsAsync<IOException>(() => fixture.CommitAsync(firm, preview, failAfterFirstChunk));

        Assert.True(failAfterFirstChunk.SawSaving);
        Assert.Equal(before, await fixture.CountAsync());
    }

    [Fact]
    public async Task A_commit_cancelled_halfway_leaves_the_database_exactly_as_before()
    {
        var firm = await fixture.NewFirmAsync();
        var preview = await fixture.DryRunAsync(firm, "roster.csv", await RosterFiles.CsvAsync(RosterSamples.People(RosterImportService.ChunkSize + 100)));
        var before = await fixture.CountAsync();
        using var cancel = new CancellationTokenSource();
        var cancelAfterFirstChunk = new Progress(p =>
        {
            if (p.Phase == ImportPhase.Saving && p.Done >= RosterImportService.ChunkSize)
                cancel.Cancel();
        });

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => fixture.CommitAsync(firm, preview, cancelAfterFirstChunk, cancel.Token));

        Assert.True(cancelAfterFirstChunk.SawSaving);
        Assert.Equal(before, await fixture.CountAsync());
        // The same preview still commits once nothing is in the way.
        Assert.Equal(RosterImportService.ChunkSize + 100, (await fixture.CommitAsync(firm, preview)).Counts.New);
    }

    [Fact]
    public async Task A_specialist_edited_after_the_dry_run_is_not_overwritten()
    {
        var firm = await fixture.NewFirmAsync();
        await fixture.ImportAsync(firm, RosterSamples.People(2));
        var people = RosterSamples.People(2);
        people[0].Department = "From the file";
        var preview = await fixture.DryRunAsync(firm, "roster.csv", await RosterFiles.CsvAsync(people));
        await fixture.App.WithDbAsync(Infrastructure.TestUsers.FirmHr(firm), async db =>
        {
            var specialist = await db.Specialists.SingleAsync(s => s.EmployeeNumber == "T00001");
            specialist.Department = "Edited meanwhile";
            await db.SaveChangesAsync();
        });
        var before = await fixture.CountAsync();

        var refused = await Assert.ThrowsAsync<DomainException>(() => fixture.CommitAsync(firm, preview));

        Assert.Equal("Your roster changed after the file was checked (T00001). Nothing was saved. Check the file again.", refused.Message);
        Assert.Equal(before, await fixture.CountAsync());
        Assert.Equal("Edited meanwhile", (await SpecialistsAsync(firm))["T00001"].Department);
    }

    [Fact]
    public async Task A_new_person_added_by_someone_else_after_the_dry_run_stops_the_commit()
    {
        var firm = await fixture.NewFirmAsync();
        var preview = await fixture.DryRunAsync(firm, "roster.csv", await RosterFiles.CsvAsync(RosterSamples.People(3)));
        await fixture.ImportAsync(firm, RosterSamples.People(1, first: 2));
        var before = await fixture.CountAsync();

        var refused = await Assert.ThrowsAsync<DomainException>(() => fixture.CommitAsync(firm, preview));

        Assert.Contains("(T00002)", refused.Message);
        Assert.Equal(before, await fixture.CountAsync());
    }

    [Fact]
    public async Task A_passport_given_to_someone_else_after_the_dry_run_stops_the_commit_every_time()
    {
        var firm = await fixture.NewFirmAsync();
        var newcomer = RosterSamples.Person(1);
        var preview = await fixture.DryRunAsync(firm, "roster.csv", await RosterFiles.CsvAsync([newcomer, RosterSamples.Person(2)]));
        var other = RosterSamples.Person(9);
        other.Passport = newcomer.Passport;
        await fixture.ImportAsync(firm, [other]);
        var before = await fixture.CountAsync();

        for (var attempt = 0; attempt < 2; attempt++)
        {
            var refused = await Assert.ThrowsAsync<DomainException>(() => fixture.CommitAsync(firm, preview));
            Assert.StartsWith("Your roster changed after the file was checked", refused.Message);
        }

        Assert.Equal(before, await fixture.CountAsync());
    }

    [Fact]
    public async Task A_preview_with_problems_or_without_changes_cannot_be_committed()
    {
        var firm = await fixture.NewFirmAsync();
        await fixture.ImportAsync(firm, RosterSamples.People(1));
        var rows = RosterFiles.CsvRows(RosterSamples.People(2));
        rows[1]["Gender"] = "?";
        var withProblems = await fixture.DryRunAsync(firm, "roster.csv", RosterFiles.Utf8(RosterFiles.CsvText(rows)));
        var unchanged = await fixture.DryRunAsync(firm, "roster.csv", await RosterFiles.CsvAsync(RosterSamples.People(1)));

        Assert.Contains("problems", (await Assert.ThrowsAsync<DomainException>(() => fixture.CommitAsync(firm, withProblems))).Message);
        Assert.Contains("nothing to save", (await Assert.ThrowsAsync<DomainException>(() => fixture.CommitAsync(firm, unchanged))).Message);
    }

    private async Task<Dictionary<string, Specialist>> SpecialistsAsync(Guid firm)
    {
        await using var db = fixture.App.OpenDb();
        return await db.Specialists.AsNoTracking().Where(s => s.FirmId == firm)
            .Include(s => s.Expertise).Include(s => s.Passports)
            .ToDictionaryAsync(s => s.EmployeeNumber);
    }

    /// <summary>Called synchronously on the importer's own thread, as a test needs to act at an exact point.</summary>
    private sealed class Progress(Action<ImportProgress> onReport) : IProgress<ImportProgress>
    {
        public bool SawSaving { get; private set; }

        public void Report(ImportProgress value)
        {
            SawSaving |= value.Phase == ImportPhase.Saving;
            onReport(value);
        }
    }
}
