using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;
using SpecialistRegistry.Components.Shared;
using SpecialistRegistry.Data;
using SpecialistRegistry.Domain;
using SpecialistRegistry.Features.Watches;
using SpecialistRegistry.Tests.Infrastructure;
using static SpecialistRegistry.Tests.Features.Watches.WatchTestData;

namespace SpecialistRegistry.Tests.Features.Watches;

/// <summary>The bell over the real services: its count follows saves made elsewhere, live.</summary>
public sealed class NotificationBellTests : IAsyncDisposable
{
    private readonly BunitContext _ctx = new();
    private TestApp? _app;
    private AsyncServiceScope? _scope;
    private IRenderedComponent<MudPopoverProvider>? _popovers;

    [Fact]
    public async Task The_count_updates_live_when_a_watched_person_changes_and_clicking_shows_and_marks_notifications()
    {
        _app = await TestApp.StartAsync();
        var firm = await TestData.AddFirmAsync(_app);
        var specialist = await TestData.AddSpecialistAsync(_app, firm.Id, "E-1");
        var alice = await AddRegulatorAsync(_app, "Alice");
        await _app.WatchAsync(alice, specialist.Id);
        var bell = Render(alice);
        Assert.Equal("Notifications, none unread", bell.Find("[data-testid=notification-bell]").GetAttribute("aria-label"));

        // Another regulator raises a flag, in another scope (another circuit).
        await _app.WithDbAsync(TestUsers.Regulator, async db =>
        {
            db.Flags.Add(new Flag { SpecialistId = specialist.Id, Reason = FlagReason.Other, Severity = FlagSeverity.Low, Note = "n", RaisedById = "test-regulator", RaisedAt = _app.Clock.GetUtcNow() });
            await db.SaveChangesAsync();
        });

        bell.WaitForAssertion(() => Assert.Equal("Notifications, 1 unread", bell.Find("[data-testid=notification-bell]").GetAttribute("aria-label")), TimeSpan.FromSeconds(5));
        bell.Find("[data-testid=notification-bell]").Click();
        var popovers = _popovers!;
        popovers.WaitForAssertion(() => Assert.Contains("A low flag was raised on 王伟 (Wang Wei): Other.", popovers.Markup));
        popovers.Find("[aria-label='Mark as read']").Click();
        bell.WaitForAssertion(() => Assert.Equal("Notifications, none unread", bell.Find("[data-testid=notification-bell]").GetAttribute("aria-label")));
    }

    [Fact]
    public async Task Notifications_for_someone_else_leave_the_count_alone()
    {
        _app = await TestApp.StartAsync();
        var (alice, bob) = (await AddRegulatorAsync(_app, "Alice"), await AddRegulatorAsync(_app, "Bob"));
        var bell = Render(alice);

        await _app.WithDbAsync(TestUsers.Regulator, async db =>
        {
            db.Notifications.Add(new Notification { UserId = bob.Id(), Kind = NotificationKind.FlagChanged, Message = "for Bob", CreatedAt = _app.Clock.GetUtcNow() });
            await db.SaveChangesAsync();
        });

        Assert.Equal("Notifications, none unread", bell.Find("[data-testid=notification-bell]").GetAttribute("aria-label"));
    }

    [Fact]
    public async Task Disposing_the_bell_stops_listening()
    {
        _app = await TestApp.StartAsync();
        var alice = await AddRegulatorAsync(_app, "Alice");
        var broadcaster = _app.Get<NotificationBroadcaster>();
        var bell = Render(alice);

        bell.Instance.Dispose();

        var field = typeof(NotificationBroadcaster).GetField("Published", System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.NonPublic)!;
        Assert.Null(field.GetValue(broadcaster));
    }

    private IRenderedComponent<NotificationBell> Render(System.Security.Claims.ClaimsPrincipal user)
    {
        _scope = _app!.Scope(user);
        _ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        _ctx.Services.AddMudServices();
        _ctx.Services.AddLocalization(); // the pages read their texts through IStringLocalizer, as in the app
        _ctx.Services.AddSingleton(_scope.Value.ServiceProvider.GetRequiredService<WatchService>());
        _ctx.Services.AddSingleton(_app.Get<NotificationBroadcaster>());
        _ctx.SetRendererInfo(new RendererInfo("Server", true));
        _popovers = _ctx.Render<MudPopoverProvider>();
        return _ctx.Render<NotificationBell>();
    }

    public async ValueTask DisposeAsync()
    {
        await _ctx.DisposeAsync();
        if (_scope is { } scope)
            await scope.DisposeAsync();
        if (_app is not null)
            await _app.DisposeAsync();
    }
}
