using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SpecialistRegistry.Domain;
using SpecialistRegistry.Features.Watches;
using SpecialistRegistry.Tests.Infrastructure;
using static SpecialistRegistry.Tests.Features.Watches.WatchTestData;

namespace SpecialistRegistry.Tests.Features.Watches;

/// <summary>"Becomes overdue" is told once per passport per overdue episode, whenever the check runs.</summary>
public sealed class WatchOverdueNotifierTests
{
    private static readonly DateOnly DueBack = new(2026, 11, 10);

    [Fact]
    public async Task A_passport_past_its_due_back_date_is_told_once_however_often_the_check_runs()
    {
        await using var app = await TestApp.StartAsync();
        var (specialist, alice) = await ReleasedAndWatchedAsync(app);
        var notifier = new Notifier(app);

        Assert.Equal(0, await notifier.RunAsync(DueBack));                // due back today: not overdue yet
        Assert.Equal(1, await notifier.RunAsync(DueBack.AddDays(1)));
        Assert.Equal(0, await notifier.RunAsync(DueBack.AddDays(2)));

        var n = Assert.Single(await app.NotificationsAsync(alice), x => x.Kind == NotificationKind.PassportOverdue);
        Assert.Equal(specialist.Id, n.SpecialistId);
        Assert.Equal("王伟 (Wang Wei)'s passport is overdue: it was due back 2026-11-10.", n.Message);
    }

    [Fact]
    public async Task A_new_release_that_becomes_overdue_again_is_a_new_episode_and_told_again()
    {
        await using var app = await TestApp.StartAsync();
        var (specialist, alice) = await ReleasedAndWatchedAsync(app);
        var notifier = new Notifier(app);
        await notifier.RunAsync(DueBack.AddDays(1));

        app.Clock.Advance(TimeSpan.FromDays(3));
        await CustodyAsync(app, specialist.Id, p => p.Return(Event(app, CustodyEventKind.Return)));
        app.Clock.Advance(TimeSpan.FromDays(1));
        await ReleaseAsync(app, specialist.Id, new DateOnly(2026, 11, 20));
        Assert.Equal(0, await notifier.RunAsync(new DateOnly(2026, 11, 20)));
        app.Clock.Advance(TimeSpan.FromDays(15));
        Assert.Equal(1, await notifier.RunAsync(new DateOnly(2026, 11, 21)));

        Assert.Equal(2, (await app.NotificationsAsync(alice)).Count(x => x.Kind == NotificationKind.PassportOverdue));
    }

    [Fact]
    public async Task A_returned_passport_or_an_unwatched_person_tells_nobody()
    {
        await using var app = await TestApp.StartAsync();
        var (specialist, alice) = await ReleasedAndWatchedAsync(app);
        await CustodyAsync(app, specialist.Id, p => p.Return(Event(app, CustodyEventKind.Return)));
        var firm = await TestData.AddFirmAsync(app);
        var unwatched = await TestData.AddSpecialistAsync(app, firm.Id, "U-1", passportNumber: "U99999999");
        await CustodyAsync(app, unwatched.Id, p => p.HandIn(Event(app, CustodyEventKind.HandIn)));
        await ReleaseAsync(app, unwatched.Id, DueBack);

        Assert.Equal(0, await new Notifier(app).RunAsync(DueBack.AddDays(5)));
        Assert.DoesNotContain(await app.NotificationsAsync(alice), n => n.Kind == NotificationKind.PassportOverdue);
    }

    // The notifier is scoped, as the background service resolves it: one scope per run.
    private sealed class Notifier(TestApp app)
    {
        public async Task<int> RunAsync(DateOnly today)
        {
            await using var scope = app.Scope();
            return await scope.ServiceProvider.GetRequiredService<WatchOverdueNotifier>().RunAsync(today);
        }
    }

    private static async Task<(Specialist, System.Security.Claims.ClaimsPrincipal)> ReleasedAndWatchedAsync(TestApp app)
    {
        var firm = await TestData.AddFirmAsync(app);
        var specialist = await TestData.AddSpecialistAsync(app, firm.Id, "E-1", passportNumber: "E12345678");
        var alice = await AddRegulatorAsync(app, "Alice");
        await app.WatchAsync(alice, specialist.Id);
        await CustodyAsync(app, specialist.Id, p => p.HandIn(Event(app, CustodyEventKind.HandIn)));
        app.Clock.Advance(TimeSpan.FromHours(1));
        await ReleaseAsync(app, specialist.Id, DueBack);
        return (specialist, alice);
    }

    private static Task ReleaseAsync(TestApp app, Guid specialistId, DateOnly dueBack) =>
        CustodyAsync(app, specialistId, p =>
        {
            var release = Event(app, CustodyEventKind.Release);
            (release.ApprovalReference, release.Destination, release.DepartureOn, release.DueBackOn) = ("TA-1", "Tokyo", dueBack.AddDays(-5), dueBack);
            return p.Release(release);
        });

    private static Task CustodyAsync(TestApp app, Guid specialistId, Func<Passport, CustodyEvent> apply) =>
        app.WithDbAsync(TestUsers.CustodyOfficer, async db =>
        {
            var passport = await db.Passports.SingleAsync(p => p.SpecialistId == specialistId);
            db.CustodyEvents.Add(apply(passport));
            await db.SaveChangesAsync();
        });
}
