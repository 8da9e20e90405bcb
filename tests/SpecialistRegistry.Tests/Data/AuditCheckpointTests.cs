using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SpecialistRegistry.Data;
using SpecialistRegistry.Domain;
using SpecialistRegistry.Features.Audit;
using SpecialistRegistry.Tests.Infrastructure;

namespace SpecialistRegistry.Tests.Data;

/// <summary>
/// The attacks a plain hash chain cannot see, made as someone with the database but not the key would make
/// them: rewrite entries and recompute every hash after them, append a forged entry with a correct hash, cut off
/// the newest entries, delete or forge checkpoints. The seals and the signed checkpoints name each one.
/// </summary>
public sealed class AuditCheckpointTests
{
    [Theory]
    [MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task Every_entry_is_sealed_and_an_intact_chain_with_its_checkpoint_verifies(TestProvider provider)
    {
        await using var app = await StartWithWritesAsync(provider);
        var checkpoint = await WriteCheckpointAsync(app);

        var result = await VerifyAsync(app);

        Assert.True(result.IsIntact, result.FirstBreak?.Reason + string.Join(" ", result.CheckpointProblems));
        Assert.Equal(checkpoint!.Sequence, result.Head.Sequence);
        Assert.Equal(checkpoint.Sequence, result.LastCheckpoint?.Sequence);
        Assert.Equal(0, result.Unvouched);
        Assert.All(await TestRecords.AuditTrailAsync(app), e => Assert.Equal(app.Get<FieldProtector>().SealAuditEntry(e.Hash), e.Seal));
    }

    [Theory]
    [MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task Rewriting_an_entry_and_recomputing_every_hash_after_it_is_named(TestProvider provider)
    {
        await using var app = await StartWithWritesAsync(provider);
        var trail = await TestRecords.AuditTrailAsync(app);
        var target = trail[trail.Count / 2];

        await RewriteFromAsync(app, target.Sequence, AddForgedField);

        var result = await VerifyAsync(app);
        Assert.Equal(target.Sequence, result.FirstBreak?.Sequence);
        Assert.Contains("without the audit key", result.FirstBreak!.Reason);
    }

    [Theory]
    [MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task A_forged_entry_appended_with_a_correct_hash_is_named(TestProvider provider)
    {
        await using var app = await StartWithWritesAsync(provider);
        var head = (await TestRecords.AuditTrailAsync(app))[^1];
        var forged = new AuditEntry
        {
            Sequence = head.Sequence + 1, At = head.At.AddMinutes(1), ActorId = "attacker", ActorName = "Nobody", Action = "Modified",
            EntityType = "Specialist", EntityKey = Guid.NewGuid().ToString(), Changes = """{"FullName":["a","b"]}""", PreviousHash = head.Hash,
        };
        forged.Hash = AuditChain.ComputeHash(forged);
        forged.Seal = new string('0', 64);
        await InsertRawAsync(app, forged);

        var result = await VerifyAsync(app);
        Assert.Equal(forged.Sequence, result.FirstBreak?.Sequence);
        Assert.Contains("seal", result.FirstBreak!.Reason);
    }

    [Theory]
    [MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task Cutting_off_the_newest_entries_is_named_by_the_checkpoint_in_the_database_and_the_file(TestProvider provider)
    {
        await using var app = await StartWithWritesAsync(provider);
        var checkpoint = await WriteCheckpointAsync(app);
        await using (var db = app.OpenDb())
            Assert.Equal(2, await db.Database.ExecuteSqlAsync($"""DELETE FROM "AuditEntries" WHERE "Sequence" > {checkpoint!.Sequence - 2}"""));

        var result = await VerifyAsync(app);

        Assert.Null(result.FirstBreak); // what is left links up and is sealed: only the checkpoint knows
        Assert.False(result.IsIntact);
        Assert.Equal(checkpoint.Sequence - 2, result.Head.Sequence);
        Assert.Equal(2, result.CheckpointProblems.Count(p => p.ToString().Contains($"entries {checkpoint.Sequence - 1} to {checkpoint.Sequence} have been removed")));
    }

    [Theory]
    [MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task Re_hashing_entries_a_checkpoint_vouched_for_is_named_even_with_seals_stripped_and_checkpoint_rows_deleted(TestProvider provider)
    {
        await using var app = await StartWithWritesAsync(provider);
        var checkpoint = await WriteCheckpointAsync(app);
        var trail = await TestRecords.AuditTrailAsync(app);
        await RewriteFromAsync(app, trail[trail.Count / 2].Sequence, AddForgedField);
        await using (var db = app.OpenDb())
        {
            await db.Database.ExecuteSqlAsync($"""UPDATE "AuditEntries" SET "Seal" = ''""");
            await db.Database.ExecuteSqlAsync($"""DELETE FROM "AuditCheckpoints" """);
        }
        // The next start-up seals a chain that has no seals and no checkpoints, as it would after an upgrade.
        await app.Services.PrepareDatabaseAsync();

        var result = await VerifyAsync(app);

        Assert.Null(result.FirstBreak);
        Assert.Contains(result.CheckpointProblems, p => p.ToString().Contains($"Entry {checkpoint!.Sequence} does not match the checkpoint") && p.ToString().Contains("checkpoint file"));
        Assert.Contains(result.CheckpointProblems, p => p.ToString().Contains("no longer in the database"));
    }

    [Theory]
    [MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task A_forged_checkpoint_row_or_file_line_is_named_as_not_genuine(TestProvider provider)
    {
        await using var app = await StartWithWritesAsync(provider);
        var head = (await TestRecords.AuditTrailAsync(app))[^1];
        await using (var db = app.OpenDb())
            await db.Database.ExecuteSqlAsync($"""INSERT INTO "AuditCheckpoints" ("Sequence", "Hash", "At", "Signature") VALUES ({head.Sequence}, {head.Hash}, {Time(app, head.At)}, {new string('a', 64)})""");
        var file = Checkpoints(app).FilePath;
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        await File.AppendAllTextAsync(file, "not a checkpoint\n");

        var result = await VerifyAsync(app);

        Assert.Contains(result.CheckpointProblems, p => p.ToString().Contains($"checkpoint for entry {head.Sequence} in the database is not genuine"));
        Assert.Contains(result.CheckpointProblems, p => p.ToString().Contains("Line 1 of the checkpoint file"));
        Assert.Null(result.LastCheckpoint);
    }

    [Theory]
    [MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task Two_nodes_signing_the_same_head_at_once_write_one_checkpoint(TestProvider provider)
    {
        await using var app = await StartWithWritesAsync(provider);

        var both = await Task.WhenAll(Task.Run(() => WriteCheckpointAsync(app)), Task.Run(() => WriteCheckpointAsync(app)));

        Assert.Equal(both[0]!.Sequence, both[1]!.Sequence);
        Assert.Single(await Checkpoints(app).InDatabaseAsync());
        Assert.Single(await Checkpoints(app).InFileAsync());
        Assert.True((await VerifyAsync(app)).IsIntact);
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task The_checkpoint_file_is_readable_by_its_owner_only_and_appended_to()
    {
        await using var app = await StartWithWritesAsync(TestProvider.Sqlite);
        await WriteCheckpointAsync(app);
        await app.WithDbAsync(TestUsers.Admin, async db =>
        {
            db.Firms.Add(TestRecords.Firm("Later"));
            await db.SaveChangesAsync();
        });
        await WriteCheckpointAsync(app);

        var file = Checkpoints(app).FilePath;
        Assert.Equal(2, (await File.ReadAllLinesAsync(file)).Length);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(Path.GetDirectoryName(file)!));
    }

    [Theory]
    [MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task The_verify_command_prints_the_head_and_the_checkpoint_and_exits_1_on_a_cut_tail(TestProvider provider)
    {
        await using var app = await StartWithWritesAsync(provider);
        var checkpoint = await WriteCheckpointAsync(app);
        var output = new StringWriter();

        Assert.Equal(0, await CommandLine.RunAsync(app.Services, ["audit", "verify"], output));
        Assert.Contains($"head: entry {checkpoint!.Sequence}, hash {checkpoint.Hash}", output.ToString());
        Assert.Contains($"latest matching checkpoint: entry {checkpoint.Sequence}", output.ToString());

        await using (var db = app.OpenDb())
            await db.Database.ExecuteSqlAsync($"""DELETE FROM "AuditEntries" WHERE "Sequence" = {checkpoint.Sequence}""");
        output = new StringWriter();
        Assert.Equal(1, await CommandLine.RunAsync(app.Services, ["audit", "verify"], output));
        Assert.Contains("checkpoint MISMATCH: ", output.ToString());
    }

    [Fact]
    public async Task The_checkpoint_command_signs_the_head()
    {
        await using var app = await StartWithWritesAsync(TestProvider.Sqlite);
        var output = new StringWriter();

        Assert.Equal(0, await CommandLine.RunAsync(app.Services, ["audit", "checkpoint"], output));

        var head = (await TestRecords.AuditTrailAsync(app))[^1];
        Assert.StartsWith($"checkpoint: entry {head.Sequence}, hash {head.Hash}", output.ToString());
        Assert.Equal(head.Sequence, Assert.Single(await Checkpoints(app).InDatabaseAsync()).Sequence);
    }

    private static async Task<TestApp> StartWithWritesAsync(TestProvider provider)
    {
        var app = await TestApp.StartAsync(provider);
        var firm = TestRecords.Firm();
        await app.WithDbAsync(TestUsers.Admin, db =>
        {
            db.AddRange(firm, TestRecords.Specialist(firm.Id, app.Get<FieldProtector>()));
            return db.SaveChangesAsync();
        });
        await app.WithDbAsync(TestUsers.Admin, async db =>
        {
            (await db.Firms.SingleAsync(f => f.Id == firm.Id)).ContactName = "Li Na";
            await db.SaveChangesAsync();
        });
        return app;
    }

    private static AuditCheckpoints Checkpoints(TestApp app) => app.Scope().ServiceProvider.GetRequiredService<AuditCheckpoints>();

    private static async Task<AuditCheckpoint?> WriteCheckpointAsync(TestApp app)
    {
        await using var scope = app.Scope();
        return await scope.ServiceProvider.GetRequiredService<AuditCheckpoints>().WriteAsync();
    }

    private static async Task<ChainVerification> VerifyAsync(TestApp app)
    {
        await using var scope = app.Scope();
        return await scope.ServiceProvider.GetRequiredService<AuditVerifier>().VerifyAsync();
    }

    /// <summary>Edits entry <paramref name="from"/> and recomputes its hash and every later one's, so every link holds.</summary>
    private static async Task RewriteFromAsync(TestApp app, long from, Action<AuditEntry> edit)
    {
        var trail = await TestRecords.AuditTrailAsync(app);
        var previous = trail.Single(e => e.Sequence == from - 1).Hash;
        await using var db = app.OpenDb();
        foreach (var e in trail.Where(e => e.Sequence >= from))
        {
            if (e.Sequence == from)
                edit(e);
            e.PreviousHash = previous;
            e.Hash = previous = AuditChain.ComputeHash(e);
            await db.Database.ExecuteSqlAsync($"""UPDATE "AuditEntries" SET "Changes" = {e.Changes}, "PreviousHash" = {e.PreviousHash}, "Hash" = {e.Hash} WHERE "Sequence" = {e.Sequence}""");
        }
    }

    private static void AddForgedField(AuditEntry e) => e.Changes = e.Changes[..^1] + ""","Forged":[null,"yes"]}""";

    // SQLite keeps times as UTC ticks (see ProviderDbs); raw SQL must write them the same way.
    private static object Time(TestApp app, DateTimeOffset at) => app.Provider == TestProvider.Sqlite ? at.UtcTicks : at;

    private static async Task InsertRawAsync(TestApp app, AuditEntry e)
    {
        await using var db = app.OpenDb();
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO "AuditEntries" ("Sequence", "At", "ActorId", "ActorName", "Action", "EntityType", "EntityKey", "Changes", "PreviousHash", "Hash", "Seal")
            VALUES ({e.Sequence}, {Time(app, e.At)}, {e.ActorId}, {e.ActorName}, {e.Action}, {e.EntityType}, {e.EntityKey}, {e.Changes}, {e.PreviousHash}, {e.Hash}, {e.Seal})
            """);
    }
}
