using SpecialistRegistry.Localization;
using Microsoft.EntityFrameworkCore;
using SpecialistRegistry.Domain;
using SpecialistRegistry.Features.Filings;
using SpecialistRegistry.Tests.Infrastructure;

namespace SpecialistRegistry.Tests.Features.Filings;

/// <summary>The daily filing job: quarters made, firms reminded before and after a due date, once a day even with two app nodes.</summary>
public sealed class FilingReminderJobTests
{
    [Theory]
    [MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task Firm_HR_is_reminded_before_and_after_the_due_date_once_a_day_in_app_and_by_mail_until_the_firm_files(TestProvider provider)
    {
        // The messages are read in English here; FilingNoticeLanguageTests and the page scan cover Chinese.
        using var english = CultureScope.Use("en");
        await using var app = await TestApp.StartAsync(provider);
        var kit = await FilingTestKit.CreateAsync(app);
        var job = app.Get<FilingReminderJob>();
        Assert.Equal(new FilingReminderRun(0, 0, 0, 0), await job.RunOnceAsync());

        // 2027-01-20: 2026 Q4 is due in ten days, and 2027 Q1 has begun.
        app.Clock.Advance(new DateTimeOffset(2027, 1, 20, 2, 0, 0, TimeSpan.Zero) - app.Clock.GetUtcNow());
        Assert.Equal(new FilingReminderRun(1, 1, 1, 1), await job.RunOnceAsync());
        Assert.Equal(new FilingReminderRun(0, 0, 0, 0), await job.RunOnceAsync());
        var soon = Assert.Single(await NoticesAsync(app));
        Assert.Equal(NotificationKind.FilingDueSoon, soon.Kind);
        Assert.Equal($"{kit.Firm.Name}'s filing for 2026 Q4 is due on 2027-01-30, in 10 days.", soon.Message);
        var mail = Assert.Single(Directory.GetFiles(Path.Combine(app.DataFolder, "mail-pickup"), "*.eml"));
        Assert.Contains("Subject: =?utf-8?B?", File.ReadAllText(mail));

        app.Clock.Advance(TimeSpan.FromDays(12));
        Assert.Equal(1, (await job.RunOnceAsync()).Reminders);
        var overdue = (await NoticesAsync(app)).Single(n => n.Kind == NotificationKind.FilingOverdue);
        Assert.Equal($"{kit.Firm.Name}'s filing for 2026 Q4 was due on 2027-01-30 and is 2 days overdue. Submit it from Filings.", overdue.Message);

        await kit.SubmitAsync();
        app.Clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal(0, (await job.RunOnceAsync()).Reminders);
    }

    [Theory]
    [MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task Two_app_nodes_running_the_job_at_once_remind_once(TestProvider provider)
    {
        // The messages are read in English here; FilingNoticeLanguageTests and the page scan cover Chinese.
        using var english = CultureScope.Use("en");
        await using var app = await TestApp.StartAsync(provider);
        var kit = await FilingTestKit.CreateAsync(app);
        await FilingTestKit.OtherFirmAsync(kit);
        app.Clock.Advance(new DateTimeOffset(2027, 2, 5, 2, 0, 0, TimeSpan.Zero) - app.Clock.GetUtcNow());
        // Two nodes are two job instances over the same database.
        var nodes = new[] { app.Get<FilingReminderJob>(), ActivatorUtilitiesJob(app) };

        var runs = await Task.WhenAll(nodes.Select(n => Task.Run(() => n.RunOnceAsync())));

        Assert.Equal(2, runs.Sum(r => r.Reminders));
        Assert.Equal(1, runs.Sum(r => r.Periods));
        await using var db = app.OpenDb();
        Assert.Equal(2, await db.FilingReminders.CountAsync());
        Assert.Equal(2, await db.Notifications.CountAsync(n => n.Kind == NotificationKind.FilingOverdue));
        Assert.Equal(2, await db.FilingPeriods.CountAsync());
    }

    private static FilingReminderJob ActivatorUtilitiesJob(TestApp app) =>
        Microsoft.Extensions.DependencyInjection.ActivatorUtilities.CreateInstance<FilingReminderJob>(app.Services);

    private static async Task<List<Notification>> NoticesAsync(TestApp app)
    {
        await using var db = app.OpenDb();
        return await db.Notifications.AsNoTracking().Where(n => n.Kind == NotificationKind.FilingDueSoon || n.Kind == NotificationKind.FilingOverdue)
            .OrderBy(n => n.CreatedAt).ToListAsync();
    }
}
