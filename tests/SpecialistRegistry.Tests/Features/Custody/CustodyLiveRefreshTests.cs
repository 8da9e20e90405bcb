using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using SpecialistRegistry.Data;
using SpecialistRegistry.Features.Custody;
using SpecialistRegistry.Tests.Infrastructure;

namespace SpecialistRegistry.Tests.Features.Custody;

/// <summary>An open profile or passport page hears of a custody change through the bell's live channel.</summary>
public sealed class CustodyLiveRefreshTests : BunitTestBase
{
    [Fact]
    public void The_page_reloads_when_its_passports_custody_changes_and_not_for_other_passports()
    {
        var broadcaster = new NotificationBroadcaster();
        Context.Services.AddSingleton(broadcaster);
        SignIn(TestUsers.Regulator);
        var shown = Guid.NewGuid();
        var reloads = 0;

        var live = Context.Render<CustodyLiveRefresh>(p => p
            .Add(x => x.PassportIds, new[] { shown })
            .Add(x => x.Changed, EventCallback.Factory.Create(this, () => reloads++)));

        broadcaster.Publish(new HashSet<string> { NotificationBroadcaster.CustodyKey(Guid.NewGuid()), "some-user-id" });
        Assert.Equal(0, reloads);
        broadcaster.Publish(new HashSet<string> { NotificationBroadcaster.CustodyKey(shown) });
        live.WaitForAssertion(() => Assert.Equal(1, reloads));

        live.Instance.Dispose();
        broadcaster.Publish(new HashSet<string> { NotificationBroadcaster.CustodyKey(shown) });
        Assert.Equal(1, reloads);
    }
}

/// <summary>Logging a custody entry announces the passport's key once the save committed, on every engine.</summary>
public sealed class CustodyChangeAnnouncementTests
{
    public static TheoryData<TestProvider> Providers => TestProviders.All;

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_hand_in_and_a_release_announce_the_passports_custody_key(TestProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var data = await CustodyTestData.CreateAsync(app);
        var heard = new List<IReadOnlySet<string>>();
        var broadcaster = app.Get<NotificationBroadcaster>();
        broadcaster.Published += keys => { lock (heard) heard.Add(keys); };

        await data.HandInAsync();
        var key = NotificationBroadcaster.CustodyKey(data.PassportId);
        lock (heard) Assert.Contains(heard, keys => keys.Contains(key));

        lock (heard) heard.Clear();
        app.Clock.Advance(TimeSpan.FromHours(1));
        var today = DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime);
        await data.ReleaseAsync(today.AddDays(1), today.AddDays(5));
        lock (heard) Assert.Contains(heard, keys => keys.Contains(key));
    }
}
