using Microsoft.Extensions.DependencyInjection;
using SpecialistRegistry.Domain;
using SpecialistRegistry.Features.Audit;
using SpecialistRegistry.Tests.Infrastructure;

using static SpecialistRegistry.Tests.Features.Audit.AuditTrailData;

using SpecialistRegistry.Domain.Records;

namespace SpecialistRegistry.Tests.Features.Audit;

public sealed class AuditTrailServiceTests
{
    [Theory]
    [MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task Newest_entries_come_first_by_default(TestProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await AddFirmAsync(app, "First Magnets");
        var last = await AddFirmAsync(app, "Second Magnets");

        var page = await PageAsync(app, new AuditQuery());

        Assert.Equal(last.Id.ToString(), page.Rows[0].EntityKey);
        Assert.Equal(page.Rows.Select(r => r.Sequence).OrderDescending(), page.Rows.Select(r => r.Sequence));
    }

    [Theory]
    [MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task Filters_by_entity_type_and_lists_the_types_and_actions_present(TestProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await AddFirmAsync(app, "First Magnets");
        await AddFirmAsync(app, "Second Magnets");

        var page = await PageAsync(app, new AuditQuery { EntityType = nameof(Firm) });
        var options = await UseAsync(app, s => s.GetFilterOptionsAsync());

        Assert.Equal(2, page.TotalCount);
        Assert.All(page.Rows, r => Assert.Equal(nameof(Firm), r.EntityType));
        // Start-up created the roles and the field key's check value, so the trail already holds those entries.
        Assert.Equal(["FieldKeyCheck", "Firm", "IdentityRole"], options.EntityTypes);
        Assert.Equal(["Added"], options.Actions);
    }

    [Theory]
    [MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task Filters_by_action_and_summarizes_the_change(TestProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var firm = await AddFirmAsync(app, "Ningbo Magnets");
        await RenameFirmAsync(app, firm.Id, "Ningbo Eastern Magnets");

        var page = await PageAsync(app, new AuditQuery { Action = "Modified" });

        var row = Assert.Single(page.Rows);
        Assert.Equal(firm.Id.ToString(), row.EntityKey);
        Assert.Equal("Name: Ningbo Magnets → Ningbo Eastern Magnets", row.Summary);
        Assert.Equal(new FieldChange("Name", "Ningbo Magnets", "Ningbo Eastern Magnets"), Assert.Single(row.Changes));
    }

    [Theory]
    [MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task Free_text_matches_actor_name_or_entity_key_ignoring_case(TestProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var byAdmin = await AddFirmAsync(app, "Admin's Firm", AuditTrailData.Admin);
        var byRegulator = await AddFirmAsync(app, "Regulator's Firm", Regulator);

        var byName = await PageAsync(app, new AuditQuery { Text = "WANG lei" });
        var byKey = await PageAsync(app, new AuditQuery { Text = byAdmin.Id.ToString()[^12..].ToUpperInvariant() });

        Assert.Equal(byRegulator.Id.ToString(), Assert.Single(byName.Rows).EntityKey);
        Assert.Equal(byAdmin.Id.ToString(), Assert.Single(byKey.Rows).EntityKey);
    }

    [Theory]
    [MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task Filters_by_actor_id_and_knows_the_actors_name(TestProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await AddFirmAsync(app, "Admin's Firm", AuditTrailData.Admin);
        var byRegulator = await AddFirmAsync(app, "Regulator's Firm", Regulator);

        var page = await PageAsync(app, new AuditQuery { ActorId = "regulator-wang" });

        var row = Assert.Single(page.Rows);
        Assert.Equal(byRegulator.Id.ToString(), row.EntityKey);
        Assert.Equal("Wang Lei (Regulator)", row.ActorName);
        Assert.Equal("Wang Lei (Regulator)", await UseAsync(app, s => s.GetActorNameAsync("regulator-wang")));
        Assert.Null(await UseAsync(app, s => s.GetActorNameAsync("nobody")));
    }

    [Theory]
    [MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task Filters_by_whole_utc_days_with_both_ends_included(TestProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var monday = await AddFirmAsync(app, "Monday Magnets");        // 2026-11-02 09:00 UTC
        app.Clock.Advance(TimeSpan.FromHours(38));                      // 2026-11-03 23:00 UTC
        var tuesday = await AddFirmAsync(app, "Tuesday Magnets");
        app.Clock.Advance(TimeSpan.FromHours(1));                       // 2026-11-04 00:00 UTC
        var wednesday = await AddFirmAsync(app, "Wednesday Magnets");
        var firms = new AuditQuery { EntityType = nameof(Firm) };

        var onTuesday = await PageAsync(app, firms with { From = new(2026, 11, 3), To = new(2026, 11, 3) });
        var fromTuesday = await PageAsync(app, firms with { From = new(2026, 11, 3) });
        var untilTuesday = await PageAsync(app, firms with { To = new(2026, 11, 3) });

        Assert.Equal([tuesday.Id.ToString()], onTuesday.Rows.Select(r => r.EntityKey));
        Assert.Equal([wednesday.Id.ToString(), tuesday.Id.ToString()], fromTuesday.Rows.Select(r => r.EntityKey));
        Assert.Equal([tuesday.Id.ToString(), monday.Id.ToString()], untilTuesday.Rows.Select(r => r.EntityKey));
        Assert.Equal(new DateTimeOffset(2026, 11, 3, 23, 0, 0, TimeSpan.Zero), onTuesday.Rows[0].At);
    }

    [Theory]
    [MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task Pages_are_cut_in_the_database_and_the_total_counts_every_match(TestProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var firms = new List<Firm>();
        for (var i = 1; i <= 12; i++)
            firms.Add(await AddFirmAsync(app, $"Firm {i}"));
        var query = new AuditQuery { EntityType = nameof(Firm), PageSize = 5 };

        var first = await PageAsync(app, query);
        var third = await PageAsync(app, query with { Page = 2 });
        var pastTheEnd = await PageAsync(app, query with { Page = 3 });

        Assert.Equal(12, first.TotalCount);
        Assert.Equal(firms[^5..].Select(f => f.Id.ToString()).Reverse(), first.Rows.Select(r => r.EntityKey));
        Assert.Equal(2, third.Page);
        Assert.Equal(firms[..2].Select(f => f.Id.ToString()).Reverse(), third.Rows.Select(r => r.EntityKey));
        Assert.Equal(12, third.TotalCount);
        Assert.Equal(0, pastTheEnd.Page);
        Assert.Equal(first.Rows.Select(r => r.Sequence), pastTheEnd.Rows.Select(r => r.Sequence));
    }

    [Theory]
    [MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task Sorts_by_a_column_and_breaks_ties_newest_first(TestProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var first = await AddFirmAsync(app, "By the admin, first", AuditTrailData.Admin);
        var byRegulator = await AddFirmAsync(app, "By the regulator", Regulator);
        var second = await AddFirmAsync(app, "By the admin, second", AuditTrailData.Admin);

        var page = await PageAsync(app, new AuditQuery { EntityType = nameof(Firm), Sort = AuditSort.Actor, Descending = false });

        // "Wang Lei" sorts before "Zhou Min"; the admin's two entries keep newest first.
        Assert.Equal([byRegulator.Id.ToString(), second.Id.ToString(), first.Id.ToString()], page.Rows.Select(r => r.EntityKey));
    }

    [Theory]
    [MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task A_named_event_shows_its_details_and_a_deletion_says_so(TestProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var firm = await AddFirmAsync(app, "Short-lived Magnets");
        await DeleteFirmAsync(app, firm.Id);
        await RecordRevealAsync(app, "passport-1", "Travel approval check");

        var reveal = Assert.Single((await PageAsync(app, new AuditQuery { Action = "RevealedPassportNumber" })).Rows);
        var deletion = Assert.Single((await PageAsync(app, new AuditQuery { Action = "Deleted" })).Rows);

        Assert.Equal(new FieldChange("Reason", null, "Travel approval check", IsDetail: true), Assert.Single(reveal.Changes));
        Assert.Equal("Reason: Travel approval check", reveal.Summary);
        Assert.Equal("Wang Lei (Regulator)", reveal.ActorName);
        Assert.StartsWith("Removed (", deletion.Summary);
        Assert.Contains(deletion.Changes, c => c.Field == "Name" && c.Old == "Short-lived Magnets" && c.New is null);
    }

    private static Task<AuditPage> PageAsync(TestApp app, AuditQuery query) => UseAsync(app, s => s.GetPageAsync(query));

    // The service is scoped like every feature service: resolve it in a scope of a user who may read the trail.
    private static async Task<T> UseAsync<T>(TestApp app, Func<AuditTrailService, Task<T>> work)
    {
        await using var scope = app.Scope(Regulator);
        return await work(scope.ServiceProvider.GetRequiredService<AuditTrailService>());
    }
}
