using Microsoft.EntityFrameworkCore;
using SpecialistRegistry.Data;
using SpecialistRegistry.Domain;
using SpecialistRegistry.Tests.Infrastructure;

namespace SpecialistRegistry.Tests.Data;

/// <summary>Two people edit the same record: the first save wins and the second is refused, never silently overwriting.</summary>
public sealed class ConcurrencyTests
{
    [Theory]
    [MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task A_stale_specialist_edit_is_refused_and_the_first_edit_stays(TestProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var (_, specialist, _) = await SeedAsync(app);

        await FirstSaveWinsAsync<Specialist>(app, specialist,
            s => s.FullName = "First Editor's Name", s => s.FullName = "Second Editor's Name", s => s.FullName);
    }

    [Theory]
    [MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task A_stale_firm_edit_is_refused_and_the_first_edit_stays(TestProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var (firm, _, _) = await SeedAsync(app);

        await FirstSaveWinsAsync<Firm>(app, firm,
            f => f.ContactName = "First Contact", f => f.ContactName = "Second Contact", f => f.ContactName);
    }

    [Theory]
    [MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task A_stale_flag_edit_is_refused_and_the_first_edit_stays(TestProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var (_, _, flag) = await SeedAsync(app);

        await FirstSaveWinsAsync<Flag>(app, flag,
            f => { f.Status = FlagStatus.Resolved; f.ResolutionNote = "Travel was approved"; },
            f => f.Severity = FlagSeverity.Low,
            f => $"{f.Status}/{f.Severity}/{f.ResolutionNote}");
    }

    [Theory]
    [MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task After_a_refused_save_the_editor_can_reload_and_save_again_on_the_same_context(TestProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var (_, id, _) = await SeedAsync(app);
        await using var first = app.OpenDb();
        await using var second = app.OpenDb();
        (await first.Specialists.SingleAsync(s => s.Id == id)).Department = "Magnet R&D";
        var theirs = await second.Specialists.SingleAsync(s => s.Id == id);
        theirs.Position = "Chief engineer";
        await first.SaveChangesAsync();
        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync());

        // The refused editor sees the current record and applies their change to it.
        await second.Entry(theirs).ReloadAsync();
        theirs.Position = "Chief engineer";
        await second.SaveChangesAsync();

        await using var check = app.OpenDb();
        var stored = await check.Specialists.SingleAsync(s => s.Id == id);
        Assert.Equal(("Magnet R&D", "Chief engineer"), (stored.Department, stored.Position));
        var trail = await TestRecords.AuditTrailAsync(app);
        Assert.Equal(2, trail.Count(a => a.EntityKey == id.ToString() && a.Action == "Modified"));
        Assert.Null(AuditChain.FindFirstBreak(trail));
    }

    private static async Task FirstSaveWinsAsync<T>(TestApp app, Guid id, Action<T> firstEdit, Action<T> secondEdit, Func<T, string> describe)
        where T : class
    {
        await using var first = app.OpenDb();
        await using var second = app.OpenDb();
        var mine = await first.Set<T>().FindAsync(id);
        var theirs = await second.Set<T>().FindAsync(id);
        firstEdit(mine!);
        secondEdit(theirs!);
        var expected = describe(mine!);

        await first.SaveChangesAsync();
        var trail = await TestRecords.AuditTrailAsync(app);
        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync());

        // The refused save left no audit entry and, with its context still open, no lock that blocks the next writer.
        Assert.Equal(trail.Count, (await TestRecords.AuditTrailAsync(app)).Count);
        await app.WithDbAsync(TestUsers.Admin, db => { db.Firms.Add(TestRecords.Firm("Next Writer")); return db.SaveChangesAsync(); });
        await using var check = app.OpenDb();
        Assert.Equal(expected, describe((await check.Set<T>().FindAsync(id))!));
    }

    private static async Task<(Guid Firm, Guid Specialist, Guid Flag)> SeedAsync(TestApp app)
    {
        var firm = TestRecords.Firm();
        var specialist = TestRecords.Specialist(firm.Id, app.Get<FieldProtector>());
        var flag = new Flag
        {
            SpecialistId = specialist.Id, Reason = FlagReason.OverdueReturn, Severity = FlagSeverity.Medium,
            Note = "Passport two weeks late", RaisedById = "test-regulator", RaisedAt = app.Clock.GetUtcNow(),
        };
        await using var db = app.OpenDb();
        db.AddRange(firm, specialist, flag);
        await db.SaveChangesAsync();
        return (firm.Id, specialist.Id, flag.Id);
    }
}
