using SpecialistRegistry.Data;
using SpecialistRegistry.Domain;
using SpecialistRegistry.Tests.Infrastructure;

namespace SpecialistRegistry.Tests.Data;

public sealed class NotificationBroadcasterTests
{
    [Fact]
    public async Task Saving_notifications_announces_their_recipients_once_the_save_succeeded()
    {
        await using var app = await TestApp.StartAsync();
        var userId = await TestData.AddUserAsync(app);
        var heard = new List<IReadOnlySet<string>>();
        app.Get<NotificationBroadcaster>().Published += heard.Add;

        await app.WithDbAsync(TestUsers.Regulator, async db =>
        {
            db.Notifications.Add(new Notification { UserId = userId, Kind = NotificationKind.FlagChanged, Message = "A flag changed", CreatedAt = app.Clock.GetUtcNow() });
            await db.SaveChangesAsync();
        });

        Assert.Equal([userId], heard.Single());
    }

    [Fact]
    public async Task A_failed_save_announces_nothing()
    {
        await using var app = await TestApp.StartAsync();
        var heard = new List<IReadOnlySet<string>>();
        app.Get<NotificationBroadcaster>().Published += heard.Add;

        await app.WithDbAsync(TestUsers.Regulator, async db =>
        {
            // No such user: the foreign key refuses the row.
            db.Notifications.Add(new Notification { UserId = "nobody", Kind = NotificationKind.FlagChanged, Message = "x", CreatedAt = app.Clock.GetUtcNow() });
            await Assert.ThrowsAnyAsync<Exception>(() => db.SaveChangesAsync());
        });

        Assert.Empty(heard);
    }
}
