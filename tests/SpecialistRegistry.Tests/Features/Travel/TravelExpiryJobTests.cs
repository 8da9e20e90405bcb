using Microsoft.EntityFrameworkCore;
using SpecialistRegistry.Domain;
using SpecialistRegistry.Features.Travel;
using SpecialistRegistry.Tests.Infrastructure;

namespace SpecialistRegistry.Tests.Features.Travel;

/// <summary>Approved trips never collected expire once a day; the job may run twice (a restart, two servers) without doing anything twice.</summary>
public sealed class TravelExpiryJobTests
{
    [Theory]
    [MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task An_approval_not_collected_within_its_window_expires_and_HR_is_told_once(TestProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var s = await TravelScenario.CreateAsync(app);
        var trip = await app.ApprovedTripAsync(s.Person, s.Today.AddDays(2), s.Today.AddDays(10));
        var job = app.Get<TravelExpiryJob>();
        var hrBefore = (await s.NotificationsAsync(s.Hr)).Count;

        app.Clock.Advance(TimeSpan.FromDays(5)); // 2026-11-07: the last day it can be collected (departure + 3)
        Assert.Equal(0, await job.RunOnceAsync());
        Assert.Equal(TravelStatus.Approved, (await app.TripAsync(trip.Id)).Status);

        app.Clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal(1, await job.RunOnceAsync());
        Assert.Equal(0, await job.RunOnceAsync());

        var expired = await app.TripAsync(trip.Id);
        Assert.Equal(TravelStatus.Expired, expired.Status);
        Assert.Equal(app.Clock.GetUtcNow(), expired.ExpiredAt);
        var notice = Assert.Single((await s.NotificationsAsync(s.Hr)).Skip(hrBefore));
        Assert.Equal(NotificationKind.TravelExpired, notice.Kind);
        Assert.Equal($"Travel approval {trip.ApprovalNumber} for 王伟 (Wang Wei) to Tokyo, Japan expired: the passport was not collected by 2026-11-07. Request the trip again if it is still planned.", notice.Message);
        await using var db = app.OpenDb();
        var audit = await db.AuditEntries.Where(a => a.EntityType == nameof(TravelRequest) && a.EntityKey == trip.Id.ToString() && a.Action == "Modified")
            .OrderByDescending(a => a.Sequence).FirstAsync();
        Assert.Equal(TravelExpiryJob.JobActor.Name, audit.ActorName);
        Assert.Contains("Expired", audit.Changes);
    }

    [Theory]
    [MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task Two_servers_running_the_job_at_the_same_moment_expire_each_trip_once_and_tell_HR_once(TestProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var s = await TravelScenario.CreateAsync(app);
        var trips = new List<TravelRequest>();
        for (var i = 0; i < 4; i++)
            trips.Add(await app.ApprovedTripAsync(s.Person, s.Today.AddDays(1 + i * 3), s.Today.AddDays(2 + i * 3)));
        var hrBefore = (await s.NotificationsAsync(s.Hr)).Count;
        app.Clock.Advance(TimeSpan.FromDays(30));

        var runs = await Task.WhenAll(
            Task.Run(() => app.Get<TravelExpiryJob>().RunOnceAsync()),
            Task.Run(() => app.Get<TravelExpiryJob>().RunOnceAsync()));

        Assert.Equal(4, runs.Sum());
        foreach (var trip in trips)
            Assert.Equal(TravelStatus.Expired, (await app.TripAsync(trip.Id)).Status);
        Assert.Equal(4, (await s.NotificationsAsync(s.Hr)).Count - hrBefore);
    }

    [Theory]
    [InlineData("2026-11-02T01:00:00Z", 1)]
    [InlineData("2026-11-02T02:00:00Z", 24)]
    [InlineData("2026-11-02T09:00:00Z", 17)]
    public async Task The_job_waits_until_the_next_daily_run_hour(string now, double hours)
    {
        await using var app = await TestApp.StartAsync();

        Assert.Equal(TimeSpan.FromHours(hours), app.Get<TravelExpiryJob>().UntilNextRun(DateTimeOffset.Parse(now, System.Globalization.CultureInfo.InvariantCulture)));
    }
}
