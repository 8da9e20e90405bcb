using Microsoft.EntityFrameworkCore;
using SpecialistRegistry.Auth;
using SpecialistRegistry.Domain;
using SpecialistRegistry.Features.Custody;
using SpecialistRegistry.Features.Filings;
using SpecialistRegistry.Operations;
using SpecialistRegistry.Tests.Features.Custody;
using SpecialistRegistry.Tests.Features.Filings;
using SpecialistRegistry.Tests.Infrastructure;

namespace SpecialistRegistry.Tests.Operations;

/// <summary>Two app nodes on one database: each scheduled run happens on one of them, and a notice is given once.</summary>
public sealed class JobsOnceTests
{
    [Theory]
    [MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task Two_nodes_ticking_the_overdue_reminders_at_once_give_one_notice_and_one_mail(TestProvider provider)
    {
        await using var first = await TestApp.StartAsync(provider);
        var (officer, hr) = await ArrangeOverduePassportAsync(first);
        await using var second = TestApp.NodeOf(first);
        second.Clock.Advance(first.Clock.GetUtcNow() - second.Clock.GetUtcNow());

        var runs = await Task.WhenAll(
            Task.Run(() => first.Get<OverdueReminderJob>().TickAsync()),
            Task.Run(() => second.Get<OverdueReminderJob>().TickAsync()));

        Assert.Contains(runs, r => r is { Notifications: 2 });
        await using var db = first.OpenDb();
        var notices = await db.Notifications.AsNoTracking().Where(n => n.Kind == NotificationKind.PassportOverdue).ToListAsync();
        Assert.Single(notices, n => n.UserId == officer);
        Assert.Single(notices, n => n.UserId == hr);
        Assert.Equal(2, Directory.GetFiles(Path.Combine(first.DataFolder, "mail-pickup"), "*.eml").Length);
    }

    [Theory]
    [MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task Two_runs_racing_past_the_lock_still_give_each_person_one_notice_a_day(TestProvider provider)
    {
        await using var first = await TestApp.StartAsync(provider);
        var (officer, hr) = await ArrangeOverduePassportAsync(first);
        await using var second = TestApp.NodeOf(first);
        second.Clock.Advance(first.Clock.GetUtcNow() - second.Clock.GetUtcNow());

        // RunOnceAsync is the run itself, without the lock: the database's unique key alone decides.
        var runs = await Task.WhenAll(
            Task.Run(() => first.Get<OverdueReminderJob>().RunOnceAsync()),
            Task.Run(() => second.Get<OverdueReminderJob>().RunOnceAsync()));

        Assert.Equal(2, runs.Sum(r => r.Notifications));
        Assert.Equal(2, runs.Sum(r => r.Emails));
        await using var db = first.OpenDb();
        var notices = await db.Notifications.AsNoTracking().Where(n => n.Kind == NotificationKind.PassportOverdue).ToListAsync();
        Assert.Equal(new[] { hr, officer }.Order(), notices.Select(n => n.UserId).Order());
        Assert.Equal(2, await db.NotificationKeys.CountAsync());
    }

    [Theory]
    [MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task A_node_skips_a_tick_while_another_node_runs_it_and_takes_it_once_freed(TestProvider provider)
    {
        await using var first = await TestApp.StartAsync(provider);
        await using var second = TestApp.NodeOf(first);
        var running = new TaskCompletionSource();
        var finish = new TaskCompletionSource();
        var holder = Task.Run(() => first.Get<ClusterLock>().TryRunAsync("test-job", async _ =>
        {
            running.SetResult();
            await finish.Task;
            return 1;
        }));
        await running.Task;

        var whileHeld = await second.Get<ClusterLock>().TryRunAsync("test-job", _ => Task.FromResult(2));
        var otherJob = await second.Get<ClusterLock>().TryRunAsync("another-job", _ => Task.FromResult(3));
        finish.SetResult();
        var held = await holder;
        var afterwards = await second.Get<ClusterLock>().TryRunAsync("test-job", _ => Task.FromResult(4));

        Assert.Equal((false, 0), whileHeld);
        Assert.Equal((true, 3), otherJob);
        Assert.Equal((true, 1), held);
        Assert.Equal((true, 4), afterwards);
    }

    [Theory]
    [MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task Two_nodes_ticking_the_filing_reminders_at_once_remind_a_firm_once(TestProvider provider)
    {
        await using var first = await TestApp.StartAsync(provider);
        await FilingTestKit.CreateAsync(first);
        await using var second = TestApp.NodeOf(first);
        // 2027-01-20: 2026 Q4 is due in ten days.
        var day = new DateTimeOffset(2027, 1, 20, 2, 0, 0, TimeSpan.Zero);
        first.Clock.Advance(day - first.Clock.GetUtcNow());
        second.Clock.Advance(day - second.Clock.GetUtcNow());

        var runs = await Task.WhenAll(
            Task.Run(() => first.Get<FilingReminderJob>().TickAsync()),
            Task.Run(() => second.Get<FilingReminderJob>().TickAsync()));

        Assert.Contains(runs, r => r is { Reminders: 1 });
        Assert.DoesNotContain(runs, r => r is { Reminders: > 1 });
        await using var db = first.OpenDb();
        Assert.Equal(1, await db.FilingReminders.CountAsync());
        Assert.Equal(1, await db.Notifications.CountAsync(n => n.Kind == NotificationKind.FilingDueSoon));
        Assert.Single(Directory.GetFiles(Path.Combine(first.DataFolder, "mail-pickup"), "*.eml"));
    }

    /// <summary>One passport released on the first day and due back two days later, five days on: overdue.</summary>
    private static async Task<(string Officer, string Hr)> ArrangeOverduePassportAsync(TestApp app)
    {
        var late = await CustodyTestData.CreateAsync(app, "L-1", "Late Person", "E10000001");
        await late.HandInAsync();
        app.Clock.Advance(TimeSpan.FromMinutes(5));
        var today = DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime);
        await late.ReleaseAsync(today, today.AddDays(2));
        var officer = await TestData.AddUserAsync(app, Roles.CustodyOfficer, email: "officer@test.registry");
        var hr = await TestData.AddUserAsync(app, Roles.FirmHR, late.Firm.Id, "hr-late@test.registry");
        app.Clock.Advance(TimeSpan.FromDays(5));
        return (officer, hr);
    }
}
