using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SpecialistRegistry.Auth;
using SpecialistRegistry.Domain;
using SpecialistRegistry.Features.Flags;
using SpecialistRegistry.Tests.Infrastructure;

namespace SpecialistRegistry.Tests.Features.Flags;

public sealed class FlagServiceTests
{
    private static readonly System.Security.Claims.ClaimsPrincipal Alice = TestUsers.Principal(Roles.Regulator, id: "reg-alice", name: "Alice Regulator");
    private static readonly System.Security.Claims.ClaimsPrincipal Bob = TestUsers.Principal(Roles.Regulator, id: "reg-bob", name: "Bob Regulator");

    private static async Task<T> As<T>(TestApp app, System.Security.Claims.ClaimsPrincipal user, Func<FlagService, Task<T>> work)
    {
        await using var scope = app.Scope(user);
        return await work(scope.ServiceProvider.GetRequiredService<FlagService>());
    }

    private static async Task<Guid> RaiseAsync(TestApp app, Guid specialistId, FlagReason reason = FlagReason.UnreportedTravel,
        FlagSeverity severity = FlagSeverity.High, string note = "Seen in Osaka without a release", System.Security.Claims.ClaimsPrincipal? by = null)
    {
        var outcome = await As(app, by ?? Alice, f => f.RaiseAsync(new RaiseFlagInput(specialistId, reason, severity, note)));
        return Assert.IsType<FlagOutcome.Saved>(outcome).Id;
    }

    [Fact]
    public async Task Raise_adds_an_open_flag_and_an_audit_entry_naming_the_regulator()
    {
        await using var app = await TestApp.StartAsync();
        var firm = await TestData.AddFirmAsync(app);
        var specialist = await TestData.AddSpecialistAsync(app, firm.Id, "E-1");

        var id = await RaiseAsync(app, specialist.Id);

        await using var db = app.OpenDb();
        var flag = await db.Flags.SingleAsync(f => f.Id == id);
        Assert.Equal((FlagStatus.Open, FlagReason.UnreportedTravel, FlagSeverity.High, "reg-alice"), (flag.Status, flag.Reason, flag.Severity, flag.RaisedById));
        var audit = await db.AuditEntries.SingleAsync(a => a.EntityType == nameof(Flag) && a.EntityKey == id.ToString());
        Assert.Equal(("Added", "Alice Regulator"), (audit.Action, audit.ActorName));
    }

    [Theory]
    [InlineData(null, FlagSeverity.Low, "note", "Reason")]
    [InlineData(FlagReason.Other, null, "note", "Severity")]
    [InlineData(FlagReason.Other, FlagSeverity.Low, "   ", "Note")]
    public async Task Raise_with_a_missing_field_is_refused_on_that_field_and_writes_nothing(FlagReason? reason, FlagSeverity? severity, string note, string field)
    {
        await using var app = await TestApp.StartAsync();
        var firm = await TestData.AddFirmAsync(app);
        var specialist = await TestData.AddSpecialistAsync(app, firm.Id, "E-1");

        var outcome = await As(app, Alice, f => f.RaiseAsync(new RaiseFlagInput(specialist.Id, reason, severity, note)));

        Assert.Equal(field, Assert.IsType<FlagOutcome.Invalid>(outcome).Field);
        await using var db = app.OpenDb();
        Assert.False(await db.Flags.AnyAsync());
    }

    [Fact]
    public async Task Raise_on_an_unknown_specialist_is_not_found()
    {
        await using var app = await TestApp.StartAsync();

        var outcome = await As(app, Alice, f => f.RaiseAsync(new RaiseFlagInput(Guid.NewGuid(), FlagReason.Other, FlagSeverity.Low, "x")));

        Assert.IsType<FlagOutcome.NotFound>(outcome);
    }

    [Fact]
    public async Task A_flag_is_resolved_with_a_note_and_reopened_and_the_trail_keeps_each_step()
    {
        await using var app = await TestApp.StartAsync();
        var firm = await TestData.AddFirmAsync(app);
        var specialist = await TestData.AddSpecialistAsync(app, firm.Id, "E-1");
        var id = await RaiseAsync(app, specialist.Id);

        var noNote = await As(app, Bob, async f => await f.ResolveAsync(id, (await f.GetAsync(id))!.Version, " "));
        Assert.Equal("Say how the flag was resolved.", Assert.IsType<FlagOutcome.Invalid>(noNote).Message);

        Assert.IsType<FlagOutcome.Saved>(await As(app, Bob, async f => await f.ResolveAsync(id, (await f.GetAsync(id))!.Version, "Travel approval found: TA-2026-114")));
        var resolved = (await As(app, Alice, f => f.GetAsync(id)))!;
        Assert.Equal((FlagStatus.Resolved, "Travel approval found: TA-2026-114", "reg-bob"), (resolved.Status, resolved.ResolutionNote, resolved.ResolvedByName));
        Assert.Equal(app.Clock.GetUtcNow(), resolved.ResolvedAt);

        Assert.IsType<FlagOutcome.Saved>(await As(app, Alice, f => f.ReopenAsync(id, resolved.Version)));
        var reopened = (await As(app, Alice, f => f.GetAsync(id)))!;
        Assert.Equal((FlagStatus.Open, (string?)null, (DateTimeOffset?)null), (reopened.Status, reopened.ResolutionNote, reopened.ResolvedAt));

        await using var db = app.OpenDb();
        var steps = await db.AuditEntries.Where(a => a.EntityType == nameof(Flag) && a.EntityKey == id.ToString()).OrderBy(a => a.Sequence).ToListAsync();
        Assert.Equal(["Added", "Modified", "Modified"], steps.Select(s => s.Action));
        Assert.Contains("Travel approval found", steps[1].Changes);
        Assert.Contains("Travel approval found", steps[2].Changes); // the reopening records the note it cleared
    }

    [Fact]
    public async Task Reopening_an_open_flag_says_it_is_open()
    {
        await using var app = await TestApp.StartAsync();
        var firm = await TestData.AddFirmAsync(app);
        var specialist = await TestData.AddSpecialistAsync(app, firm.Id, "E-1");
        var id = await RaiseAsync(app, specialist.Id);

        var outcome = await As(app, Alice, async f => await f.ReopenAsync(id, (await f.GetAsync(id))!.Version));

        Assert.Equal("This flag is already open.", Assert.IsType<FlagOutcome.Invalid>(outcome).Message);
    }

    [Fact]
    public async Task Two_regulators_resolving_one_flag_the_second_is_told_and_the_first_resolution_stands()
    {
        await using var app = await TestApp.StartAsync();
        var firm = await TestData.AddFirmAsync(app);
        var specialist = await TestData.AddSpecialistAsync(app, firm.Id, "E-1");
        var id = await RaiseAsync(app, specialist.Id);
        // Both open the flag and see the same version.
        var seen = (await As(app, Alice, f => f.GetAsync(id)))!.Version;

        var first = await As(app, Alice, f => f.ResolveAsync(id, seen, "Approval on file"));
        var second = await As(app, Bob, f => f.ResolveAsync(id, seen, "Passport was returned"));

        Assert.IsType<FlagOutcome.Saved>(first);
        var conflict = Assert.IsType<FlagOutcome.Conflict>(second);
        Assert.Equal((FlagStatus.Resolved, "Approval on file", "reg-alice"), (conflict.Current.Status, conflict.Current.ResolutionNote, conflict.Current.ResolvedByName));
        var stored = (await As(app, Alice, f => f.GetAsync(id)))!;
        Assert.Equal("Approval on file", stored.ResolutionNote);
    }

    [Fact]
    public async Task A_stale_edit_after_a_resolution_is_refused_and_changes_nothing()
    {
        await using var app = await TestApp.StartAsync();
        var firm = await TestData.AddFirmAsync(app);
        var specialist = await TestData.AddSpecialistAsync(app, firm.Id, "E-1");
        var id = await RaiseAsync(app, specialist.Id, severity: FlagSeverity.Low);
        var seen = (await As(app, Alice, f => f.GetAsync(id)))!.Version;
        await As(app, Bob, f => f.ResolveAsync(id, seen, "Settled"));

        var edit = await As(app, Alice, f => f.EditAsync(id, seen, FlagSeverity.High, "Worse than thought"));

        Assert.IsType<FlagOutcome.Conflict>(edit);
        var stored = (await As(app, Alice, f => f.GetAsync(id)))!;
        Assert.Equal((FlagSeverity.Low, FlagStatus.Resolved), (stored.Severity, stored.Status));
    }

    [Fact]
    public async Task The_list_filters_by_status_reason_severity_firm_and_text_and_combines_them()
    {
        await using var app = await TestApp.StartAsync();
        var north = await TestData.AddFirmAsync(app, "North");
        var south = await TestData.AddFirmAsync(app, "South");
        var wang = await TestData.AddSpecialistAsync(app, north.Id, "N-1", "王伟", "Wang Wei");
        var li = await TestData.AddSpecialistAsync(app, south.Id, "S-7", "李娜", "Li Na");
        var travel = await RaiseAsync(app, wang.Id, FlagReason.UnreportedTravel, FlagSeverity.High, "Osaka trip");
        var record = await RaiseAsync(app, li.Id, FlagReason.IncompleteRecord, FlagSeverity.Low, "No education listed");
        var contact = await RaiseAsync(app, li.Id, FlagReason.ForeignContact, FlagSeverity.High, "Conference 100% sponsored");
        await As(app, Alice, async f => await f.ResolveAsync(contact, (await f.GetAsync(contact))!.Version, "Declared"));

        async Task<Guid[]> Ids(FlagQuery q) => (await As(app, Alice, f => f.QueryAsync(q))).Rows.Select(r => r.Id).Order().ToArray();
        Guid[] Of(params Guid[] ids) => ids.Order().ToArray();

        Assert.Equal(Of(travel, record), await Ids(new FlagQuery()));
        Assert.Equal(Of(contact), await Ids(new FlagQuery(Status: FlagStatus.Resolved)));
        Assert.Equal(Of(travel, record, contact), await Ids(new FlagQuery(Status: null)));
        Assert.Equal(Of(record), await Ids(new FlagQuery(Reason: FlagReason.IncompleteRecord)));
        Assert.Equal(Of(travel), await Ids(new FlagQuery(Severity: FlagSeverity.High)));
        Assert.Equal(Of(contact), await Ids(new FlagQuery(Status: null, Severity: FlagSeverity.High, FirmId: south.Id)));
        Assert.Equal(Of(travel), await Ids(new FlagQuery(Text: "wang")));
        Assert.Equal(Of(travel), await Ids(new FlagQuery(Text: "王")));
        Assert.Equal(Of(record), await Ids(new FlagQuery(Text: "s-7")));
        Assert.Equal(Of(record), await Ids(new FlagQuery(Text: "education")));
        Assert.Equal(Of(contact), await Ids(new FlagQuery(Status: null, Text: "100%")));
    }

    [Theory]
    [InlineData("%")]
    [InlineData("_")]
    [InlineData("' OR 1=1 --")]
    [InlineData("\"quoted\" *")]
    public async Task Odd_characters_in_the_text_filter_are_taken_literally(string text)
    {
        await using var app = await TestApp.StartAsync();
        var firm = await TestData.AddFirmAsync(app);
        var specialist = await TestData.AddSpecialistAsync(app, firm.Id, "E-1");
        await RaiseAsync(app, specialist.Id, note: "Plain note");

        var page = await As(app, Alice, f => f.QueryAsync(new FlagQuery(Text: text)));

        Assert.Empty(page.Rows);
    }

    [Fact]
    public async Task A_very_long_text_filter_returns_a_normal_result()
    {
        await using var app = await TestApp.StartAsync();

        var page = await As(app, Alice, f => f.QueryAsync(new FlagQuery(Text: new string('x', 5000))));

        Assert.Equal(0, page.Total);
    }

    [Fact]
    public async Task The_list_pages_and_sorts_on_the_server()
    {
        await using var app = await TestApp.StartAsync();
        var firm = await TestData.AddFirmAsync(app);
        var ids = new List<Guid>();
        for (var i = 0; i < 5; i++)
        {
            var s = await TestData.AddSpecialistAsync(app, firm.Id, $"E-{i}", latinName: $"Person {(char)('A' + i)}");
            ids.Add(await RaiseAsync(app, s.Id, severity: i % 2 == 0 ? FlagSeverity.High : FlagSeverity.Low));
        }

        var page = await As(app, Alice, f => f.QueryAsync(new FlagQuery(Sort: FlagSort.Name, Descending: false, Page: 1, PageSize: 2)));
        var bySeverity = await As(app, Alice, f => f.QueryAsync(new FlagQuery(Sort: FlagSort.Severity, Descending: true, PageSize: 3)));

        Assert.Equal(5, page.Total);
        Assert.Equal(["Person C", "Person D"], page.Rows.Select(r => r.LatinName));
        Assert.All(bySeverity.Rows, r => Assert.Equal(FlagSeverity.High, r.Severity));
    }

    [Fact]
    public async Task The_specialist_picker_finds_by_either_script_or_exact_employee_number()
    {
        await using var app = await TestApp.StartAsync();
        var firm = await TestData.AddFirmAsync(app, "Picker Firm");
        var wang = await TestData.AddSpecialistAsync(app, firm.Id, "PK-100", "王伟", "Wang Wei");
        await TestData.AddSpecialistAsync(app, firm.Id, "PK-101", "李娜", "Li Na");

        Assert.Equal([wang.Id], (await As(app, Alice, f => f.FindSpecialistsAsync("wang"))).Select(c => c.Id));
        Assert.Equal([wang.Id], (await As(app, Alice, f => f.FindSpecialistsAsync("王伟"))).Select(c => c.Id));
        Assert.Equal([wang.Id], (await As(app, Alice, f => f.FindSpecialistsAsync("pk-100"))).Select(c => c.Id));
        Assert.Empty(await As(app, Alice, f => f.FindSpecialistsAsync("   ")));
        Assert.StartsWith("Picker Firm", (await As(app, Alice, f => f.FindSpecialistsAsync("Wang")))[0].FirmName);
    }
}
