using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SpecialistRegistry.Auth;
using SpecialistRegistry.Data;
using SpecialistRegistry.Domain;
using SpecialistRegistry.Features.Audit;
using SpecialistRegistry.Tests.Infrastructure;

namespace SpecialistRegistry.Tests.Data;

/// <summary>
/// Tampering happens with raw SQL, as an attacker with database access would do it: it bypasses the
/// interceptor, so only the hash chain can tell.
/// </summary>
public sealed class AuditChainVerificationTests
{
    [Theory]
    [MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task An_intact_chain_verifies_with_the_right_count(TestProvider provider)
    {
        await using var app = await StartWithWritesAsync(provider);
        var count = (await TestRecords.AuditTrailAsync(app)).Count;

        var result = await VerifyAsync(app);

        Assert.True(result.IsIntact, result.FirstBreak?.Reason);
        Assert.Equal(count, result.Entries);
    }

    [Theory]
    [MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task Changing_one_byte_of_one_entrys_changes_is_named_by_verify(TestProvider provider)
    {
        await using var app = await StartWithWritesAsync(provider);
        var target = await PickMiddleEntryAsync(app);

        await TamperAsync(app, target.Sequence, "Changes", FlipOneCharacter(target.Changes));

        var result = await VerifyAsync(app);
        Assert.Equal(target.Sequence, result.FirstBreak?.Sequence);
        Assert.Contains("altered", result.FirstBreak!.Reason);
    }

    [Theory]
    [MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task Changing_one_byte_of_one_entrys_actor_is_named_by_verify(TestProvider provider)
    {
        await using var app = await StartWithWritesAsync(provider);
        var target = await PickMiddleEntryAsync(app);

        await TamperAsync(app, target.Sequence, "ActorName", FlipOneCharacter(target.ActorName));

        Assert.Equal(target.Sequence, (await VerifyAsync(app)).FirstBreak?.Sequence);
    }

    [Theory]
    [MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task Deleting_an_entry_is_named_by_verify_as_the_missing_sequence(TestProvider provider)
    {
        await using var app = await StartWithWritesAsync(provider);
        var target = await PickMiddleEntryAsync(app);

        await using (var db = app.OpenDb())
            Assert.Equal(1, await db.Database.ExecuteSqlAsync($"""DELETE FROM "AuditEntries" WHERE "Sequence" = {target.Sequence}"""));

        var result = await VerifyAsync(app);
        Assert.Equal(target.Sequence, result.FirstBreak?.Sequence);
        Assert.Contains("missing", result.FirstBreak!.Reason);
    }

    [Theory]
    [MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task The_verify_command_prints_OK_with_the_count_and_exits_0(TestProvider provider)
    {
        await using var app = await StartWithWritesAsync(provider);
        var count = (await TestRecords.AuditTrailAsync(app)).Count;
        var output = new StringWriter();

        var exitCode = await CommandLine.RunAsync(app.Services, ["audit", "verify"], output);

        Assert.Equal(0, exitCode);
        Assert.StartsWith($"audit chain OK: {count} entries{Environment.NewLine}head: entry {count}, hash ", output.ToString());
    }

    [Theory]
    [MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task The_verify_command_names_the_broken_entry_and_exits_1(TestProvider provider)
    {
        await using var app = await StartWithWritesAsync(provider);
        var target = await PickMiddleEntryAsync(app);
        await TamperAsync(app, target.Sequence, "Changes", FlipOneCharacter(target.Changes));
        var output = new StringWriter();

        var exitCode = await CommandLine.RunAsync(app.Services, ["audit", "verify"], output);

        Assert.Equal(1, exitCode);
        Assert.StartsWith($"audit chain BROKEN at entry {target.Sequence}: ", output.ToString());
    }

    [Theory]
    [MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task Eight_parallel_writers_make_one_unbroken_gap_free_chain(TestProvider provider)
    {
        const int writers = 8, savesEach = 10;
        await using var app = await TestApp.StartAsync(provider);
        var before = (await TestRecords.AuditTrailAsync(app)).Count;
        using var start = new SemaphoreSlim(0);

        var tasks = Enumerable.Range(1, writers).Select(w => Task.Run(() =>
            app.WithDbAsync(TestUsers.Principal(Roles.Admin, id: $"writer-{w}"), async db =>
            {
                await start.WaitAsync();
                var firm = TestRecords.Firm($"Writer {w}");
                db.Firms.Add(firm);
                await db.SaveChangesAsync();
                // Each later save modifies the tracked firm: one entry per save.
                for (var s = 2; s <= savesEach; s++)
                {
                    firm.Region = $"Region {w}.{s}";
                    await db.SaveChangesAsync();
                }
            }))).ToList();
        start.Release(writers);
        await Task.WhenAll(tasks);

        var trail = await TestRecords.AuditTrailAsync(app);
        Assert.Equal(before + writers * savesEach, trail.Count);
        Assert.Equal(Enumerable.Range(1, trail.Count).Select(i => (long)i), trail.Select(a => a.Sequence));
        Assert.All(Enumerable.Range(1, writers), w => Assert.Equal(savesEach, trail.Count(a => a.ActorId == $"writer-{w}")));
        var result = await VerifyAsync(app);
        Assert.True(result.IsIntact, result.FirstBreak?.Reason);
        Assert.Equal(trail.Count, result.Entries);
    }

    /// <summary>A new database with a few audited writes on top of the role entries made at start-up.</summary>
    private static async Task<TestApp> StartWithWritesAsync(TestProvider provider)
    {
        var app = await TestApp.StartAsync(provider);
        var protector = app.Get<FieldProtector>();
        var firm = TestRecords.Firm();
        await app.WithDbAsync(TestUsers.Admin, db =>
        {
            db.AddRange(firm, TestRecords.Specialist(firm.Id, protector), TestRecords.Specialist(firm.Id, protector));
            return db.SaveChangesAsync();
        });
        await app.WithDbAsync(TestUsers.Admin, async db =>
        {
            (await db.Firms.SingleAsync(f => f.Id == firm.Id)).ContactName = "Li Na";
            await db.SaveChangesAsync();
        });
        return app;
    }

    private static async Task<AuditEntry> PickMiddleEntryAsync(TestApp app)
    {
        var trail = await TestRecords.AuditTrailAsync(app);
        Assert.True(trail.Count >= 3, "the tampering tests need entries on both sides of the target");
        return trail[trail.Count / 2];
    }

    private static async Task<ChainVerification> VerifyAsync(TestApp app)
    {
        await using var scope = app.Scope();
        return await scope.ServiceProvider.GetRequiredService<AuditVerifier>().VerifyAsync();
    }

    // The smallest possible edit: one ASCII letter replaced by its neighbour.
    private static string FlipOneCharacter(string value)
    {
        var i = value.IndexOfAny("abcdefghijklmnopqrstuvwxyz".ToCharArray());
        Assert.True(i >= 0, $"nothing to flip in '{value}'");
        return string.Concat(value.AsSpan(0, i), value[i] == 'z' ? "y" : ((char)(value[i] + 1)).ToString(), value.AsSpan(i + 1));
    }

    private static async Task TamperAsync(TestApp app, long sequence, string column, string value)
    {
        await using var db = app.OpenDb();
        // The column name is one of ours, never input; the value and key are parameters.
        var sql = $"UPDATE \"AuditEntries\" SET \"{column}\" = {{0}} WHERE \"Sequence\" = {{1}}";
        Assert.Equal(1, await db.Database.ExecuteSqlRawAsync(sql, value, sequence));
    }
}
