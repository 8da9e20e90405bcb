using SpecialistRegistry.Data;
using SpecialistRegistry.Domain;
using SpecialistRegistry.Operations;
using SpecialistRegistry.Tests.Infrastructure;

namespace SpecialistRegistry.Tests.Operations;

/// <summary>A notification saved on one node reaches the bells open on another (PostgreSQL LISTEN/NOTIFY).</summary>
public sealed class LiveAcrossNodesTests
{
    [Theory]
    [MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task A_notification_saved_on_one_node_is_announced_on_the_other_within_two_seconds_and_once_on_its_own(TestProvider provider)
    {
        await using var first = await TestApp.StartAsync(provider);
        var userId = await TestData.AddUserAsync(first);
        await using var second = TestApp.NodeOf(first);
        using var stop = new CancellationTokenSource();
        var relays = new[] { first.Get<PostgresNotificationRelay>(), second.Get<PostgresNotificationRelay>() };
        foreach (var relay in relays)
            await relay.StartAsync(stop.Token);
        if (provider == TestProvider.Postgres)
            await Task.WhenAll(relays.Select(r => r.Listening)).WaitAsync(TimeSpan.FromSeconds(10));
        var heardHere = new List<IReadOnlySet<string>>();
        var heardThere = new TaskCompletionSource<IReadOnlySet<string>>(TaskCreationOptions.RunContinuationsAsynchronously);
        first.Get<NotificationBroadcaster>().Published += heardHere.Add;
        second.Get<NotificationBroadcaster>().Published += ids => heardThere.TrySetResult(ids);

        await first.WithDbAsync(TestUsers.Regulator, async db =>
        {
            db.Notifications.Add(new Notification { UserId = userId, Kind = NotificationKind.FlagChanged, Message = "A flag changed", CreatedAt = first.Clock.GetUtcNow() });
            await db.SaveChangesAsync();
        });

        if (provider == TestProvider.Postgres)
        {
            Assert.Equal([userId], await heardThere.Task.WaitAsync(TimeSpan.FromSeconds(2)));
        }
        else
        {
            // SQLite serves one node: nothing is relayed, and no relay connection is opened.
            await Task.Delay(500);
            Assert.False(heardThere.Task.IsCompleted);
        }
        await Task.Delay(300);
        Assert.Equal([userId], Assert.Single(heardHere));
        foreach (var relay in relays)
            await relay.StopAsync(CancellationToken.None);
    }
}
