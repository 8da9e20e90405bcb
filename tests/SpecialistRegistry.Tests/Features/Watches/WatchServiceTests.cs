using Microsoft.EntityFrameworkCore;
using SpecialistRegistry.Domain;
using SpecialistRegistry.Tests.Infrastructure;
using static SpecialistRegistry.Tests.Features.Watches.WatchTestData;

namespace SpecialistRegistry.Tests.Features.Watches;

public sealed class WatchServiceTests
{
    [Fact]
    public async Task Watching_twice_keeps_one_watch_and_unwatching_removes_it()
    {
        await using var app = await TestApp.StartAsync();
        var firm = await TestData.AddFirmAsync(app);
        var specialist = await TestData.AddSpecialistAsync(app, firm.Id, "E-1");
        var alice = await AddRegulatorAsync(app, "Alice");

        Assert.True(await app.AsAsync(alice, w => w.WatchAsync(specialist.Id)));
        Assert.True(await app.AsAsync(alice, w => w.WatchAsync(specialist.Id)));
        Assert.True(await app.AsAsync(alice, w => w.IsWatchingAsync(specialist.Id)));
        Assert.Equal([specialist.Id], (await app.AsAsync(alice, w => w.MyWatchesAsync())).Select(x => x.SpecialistId));

        await app.AsAsync(alice, async w => { await w.UnwatchAsync(specialist.Id); return true; });

        Assert.False(await app.AsAsync(alice, w => w.IsWatchingAsync(specialist.Id)));
        await using var db = app.OpenDb();
        Assert.False(await db.Watches.AnyAsync());
    }

    [Fact]
    public async Task Watching_an_unknown_specialist_is_refused()
    {
        await using var app = await TestApp.StartAsync();
        var alice = await AddRegulatorAsync(app, "Alice");

        Assert.False(await app.AsAsync(alice, w => w.WatchAsync(Guid.NewGuid())));
    }

    [Fact]
    public async Task Unread_count_and_mark_as_read_concern_only_the_signed_in_user()
    {
        await using var app = await TestApp.StartAsync();
        var (alice, bob) = (await AddRegulatorAsync(app, "Alice"), await AddRegulatorAsync(app, "Bob"));
        var ids = new List<Guid>();
        await app.WithDbAsync(TestUsers.Regulator, async db =>
        {
            foreach (var (user, message) in new[] { (alice, "one"), (alice, "two"), (bob, "three") })
            {
                var n = new Notification { UserId = user.Id(), Kind = NotificationKind.FlagChanged, Message = message, CreatedAt = app.Clock.GetUtcNow() };
                ids.Add(n.Id);
                db.Notifications.Add(n);
            }
            await db.SaveChangesAsync();
        });

        Assert.Equal(2, await app.AsAsync(alice, w => w.UnreadCountAsync()));
        await app.AsAsync(alice, async w => { await w.MarkReadAsync(ids[0]); await w.MarkReadAsync(ids[2]); return true; });

        Assert.Equal(1, await app.AsAsync(alice, w => w.UnreadCountAsync()));
        Assert.Equal(1, await app.AsAsync(bob, w => w.UnreadCountAsync())); // Alice cannot mark Bob's
        var recent = await app.NotificationsAsync(alice);
        Assert.Equal(["two", "one"], recent.Select(n => n.Message)); // unread first
        Assert.True(recent[1].IsRead);

        await app.AsAsync(alice, async w => { await w.MarkAllReadAsync(); return true; });
        Assert.Equal(0, await app.AsAsync(alice, w => w.UnreadCountAsync()));
        Assert.Equal(1, await app.AsAsync(bob, w => w.UnreadCountAsync()));
    }
}
