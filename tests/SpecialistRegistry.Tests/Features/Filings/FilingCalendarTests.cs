using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SpecialistRegistry.Domain;
using SpecialistRegistry.Features.Admin;
using SpecialistRegistry.Features.Filings;
using SpecialistRegistry.Tests.Infrastructure;

namespace SpecialistRegistry.Tests.Features.Filings;

/// <summary>Quarters made automatically (idempotent, safe with two nodes) and the Admin's adjustments of the calendar.</summary>
public sealed class FilingCalendarTests
{
    private static Task<TestApp> StartAsync(TestProvider provider = TestProvider.Sqlite) =>
        TestApp.StartAsync(provider, s => s.Configure<FilingOptions>(o => { o.FirstQuarter = "2026-Q2"; o.DueDaysAfterQuarter = 45; }));

    [Theory]
    [MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task Quarters_from_the_configured_first_to_today_s_are_made_once_even_by_two_nodes_at_once(TestProvider provider)
    {
        await using var app = await StartAsync(provider);

        var made = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => Task.Run(async () =>
        {
            await using var scope = app.Scope();
            return await scope.ServiceProvider.GetRequiredService<FilingCalendar>().EnsureQuarterlyPeriodsAsync();
        })));

        Assert.Equal(3, made.Sum());
        await using var db = app.OpenDb();
        var periods = await db.FilingPeriods.AsNoTracking().OrderBy(p => p.StartsOn).ToListAsync();
        Assert.Equal(["2026-Q2", "2026-Q3", "2026-Q4"], periods.Select(p => p.Code));
        Assert.Equal(new DateOnly(2026, 8, 14), periods[0].DueOn);
        await using var again = app.Scope();
        Assert.Equal(0, await again.ServiceProvider.GetRequiredService<FilingCalendar>().EnsureQuarterlyPeriodsAsync());
    }

    [Fact]
    public async Task The_admin_moves_a_due_date_with_a_reason_and_a_past_date_or_a_stale_version_is_refused()
    {
        await using var app = await StartAsync();
        await using (var scope = app.Scope())
            await scope.ServiceProvider.GetRequiredService<FilingCalendar>().EnsureQuarterlyPeriodsAsync();
        await using var admin = app.Scope(TestUsers.Admin);
        var calendar = admin.ServiceProvider.GetRequiredService<FilingCalendarAdminService>();
        var q4 = (await calendar.ListAsync(FilingPeriodKind.Quarterly, new PageRequest())).Items[0];
        Assert.Equal("2026-Q4", q4.Code);

        var noNote = await calendar.MoveDueDateAsync(q4.Id, q4.Version, new DateOnly(2027, 3, 1), " ");
        var past = await calendar.MoveDueDateAsync(q4.Id, q4.Version, new DateOnly(2026, 11, 1), "Typo.");
        var moved = await calendar.MoveDueDateAsync(q4.Id, q4.Version, new DateOnly(2027, 3, 1), "Extended for the new year holiday.");
        var stale = await calendar.MoveDueDateAsync(q4.Id, q4.Version, new DateOnly(2027, 3, 2), "Again.");

        Assert.Equal("Note", noNote.Field);
        Assert.Equal(("DueOn", "The new due date cannot be in the past (today is 2026-11-02)."), (past.Field, past.Error));
        Assert.True(moved.Succeeded);
        Assert.Contains("Someone changed this period after you opened it: it is now due on 2027-03-01.", stale.Error);
        var now = (await calendar.ListAsync(null, new PageRequest())).Items.Single(p => p.Id == q4.Id);
        Assert.Equal((new DateOnly(2027, 3, 1), "Extended for the new year holiday."), (now.DueOn, now.DueDateNote));
    }

    [Fact]
    public async Task Only_an_admin_manages_the_calendar()
    {
        await using var app = await StartAsync();
        await using var regulator = app.Scope(TestUsers.Regulator);
        var calendar = regulator.ServiceProvider.GetRequiredService<FilingCalendarAdminService>();

        await Assert.ThrowsAsync<DomainException>(() => calendar.ListAsync(null, new PageRequest()));
        await Assert.ThrowsAsync<DomainException>(() => calendar.MoveDueDateAsync(Guid.CreateVersion7(), Guid.NewGuid(), new DateOnly(2027, 1, 1), "x"));
    }
}
