using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SpecialistRegistry.Domain;
using SpecialistRegistry.Features.Watches;
using SpecialistRegistry.Localization;
using SpecialistRegistry.Tests.Infrastructure;
using static SpecialistRegistry.Tests.Features.Watches.WatchTestData;

namespace SpecialistRegistry.Tests.Features.Watches;

/// <summary>
/// A notification is stored as text, so it is written in its recipient's language (their account's choice, else
/// Registry:DefaultCulture), whatever the language of the person whose change caused it.
/// </summary>
public sealed class NotificationLanguageTests
{
    [Fact]
    public async Task Each_watcher_is_told_in_the_language_on_their_account_not_the_one_of_the_change()
    {
        await using var app = await TestApp.StartAsync();
        var firm = await TestData.AddFirmAsync(app);
        var specialist = await TestData.AddSpecialistAsync(app, firm.Id, "E-1");
        var (chinese, english) = (await RegulatorInAsync(app, "Chen", "zh-CN"), await RegulatorInAsync(app, "Emma", "en"));
        await app.WatchAsync(chinese, specialist.Id);
        await app.WatchAsync(english, specialist.Id);

        // The regulator raising the flag works in English; the Chinese watcher still reads Chinese.
        using (CultureScope.Use(CultureInfo.GetCultureInfo("en")))
            await RaiseFlagAsync(app, specialist.Id, FlagSeverity.High, FlagReason.UnreportedTravel);

        Assert.Equal("已对王伟 (Wang Wei)添加高严重程度标记，原因：未报备出境。", Assert.Single(await app.NotificationsAsync(chinese)).Message);
        Assert.Equal("A high flag was raised on 王伟 (Wang Wei): Unreported travel.", Assert.Single(await app.NotificationsAsync(english)).Message);
    }

    [Fact]
    public async Task A_change_made_in_Chinese_reaches_an_English_watcher_in_English()
    {
        await using var app = await TestApp.StartAsync();
        var from = await TestData.AddFirmAsync(app, "Old Magnets");
        var to = await TestData.AddFirmAsync(app, "New Alloys");
        var specialist = await TestData.AddSpecialistAsync(app, from.Id, "E-1");
        var (chinese, english) = (await RegulatorInAsync(app, "Chen", "zh-CN"), await RegulatorInAsync(app, "Emma", "en"));
        await app.WatchAsync(chinese, specialist.Id);
        await app.WatchAsync(english, specialist.Id);

        using (CultureScope.Use(CultureInfo.GetCultureInfo("zh-CN")))
            await app.WithDbAsync(TestUsers.Admin, async db =>
            {
                (await db.Specialists.SingleAsync(s => s.Id == specialist.Id)).FirmId = to.Id;
                await db.SaveChangesAsync();
            });

        Assert.Equal($"王伟 (Wang Wei)的工作单位已变更：{from.Name} → {to.Name}。", Assert.Single(await app.NotificationsAsync(chinese)).Message);
        Assert.Equal($"王伟 (Wang Wei) changed employer: {from.Name} → {to.Name}.", Assert.Single(await app.NotificationsAsync(english)).Message);
    }

    [Fact]
    public async Task A_watcher_who_never_chose_a_language_is_told_in_the_portals_default_which_is_Chinese()
    {
        // The app's own localization setup, with no Registry:DefaultCulture: the default is zh-CN.
        await using var app = await TestApp.StartAsync(configure: s => s.AddRegistryLocalization(new ConfigurationBuilder().Build()));
        var firm = await TestData.AddFirmAsync(app);
        var specialist = await TestData.AddSpecialistAsync(app, firm.Id, "E-1");
        var undecided = await AddRegulatorAsync(app, "Nobody-chose");
        await app.WatchAsync(undecided, specialist.Id);

        using (CultureScope.Use(CultureInfo.GetCultureInfo("en")))
            await RaiseFlagAsync(app, specialist.Id, FlagSeverity.Low, FlagReason.Other);

        Assert.Equal("已对王伟 (Wang Wei)添加低严重程度标记，原因：其他。", Assert.Single(await app.NotificationsAsync(undecided)).Message);
    }

    [Fact]
    public async Task The_overdue_notice_is_written_in_each_watchers_language()
    {
        await using var app = await TestApp.StartAsync();
        var firm = await TestData.AddFirmAsync(app);
        var specialist = await TestData.AddSpecialistAsync(app, firm.Id, "E-1", passportNumber: "E12345678");
        var (chinese, english) = (await RegulatorInAsync(app, "Chen", "zh-CN"), await RegulatorInAsync(app, "Emma", "en"));
        await app.WatchAsync(chinese, specialist.Id);
        await app.WatchAsync(english, specialist.Id);
        await app.WithDbAsync(TestUsers.CustodyOfficer, async db =>
        {
            var passport = await db.Passports.SingleAsync(p => p.SpecialistId == specialist.Id);
            db.CustodyEvents.Add(passport.HandIn(Event(app, CustodyEventKind.HandIn)));
            await db.SaveChangesAsync();
        });
        app.Clock.Advance(TimeSpan.FromHours(1));
        await app.WithDbAsync(TestUsers.CustodyOfficer, async db =>
        {
            var passport = await db.Passports.SingleAsync(p => p.SpecialistId == specialist.Id);
            var release = Event(app, CustodyEventKind.Release);
            (release.ApprovalReference, release.Destination, release.DepartureOn, release.DueBackOn) = ("TA-1", "Tokyo", new DateOnly(2026, 11, 5), new DateOnly(2026, 11, 10));
            db.CustodyEvents.Add(passport.Release(release));
            await db.SaveChangesAsync();
        });
        Assert.Equal("王伟 (Wang Wei)的护照已因前往Tokyo出境借出，应于 2026-11-10 归还。", Assert.Single(await app.NotificationsAsync(chinese)).Message);

        await using (var scope = app.Scope())
            await scope.ServiceProvider.GetRequiredService<WatchOverdueNotifier>().RunAsync(new DateOnly(2026, 11, 11));

        Assert.Equal("王伟 (Wang Wei)的护照逾期未还：应于 2026-11-10 归还。",
            Assert.Single(await app.NotificationsAsync(chinese), n => n.Kind == NotificationKind.PassportOverdue).Message);
        Assert.Equal("王伟 (Wang Wei)'s passport is overdue: it was due back 2026-11-10.",
            Assert.Single(await app.NotificationsAsync(english), n => n.Kind == NotificationKind.PassportOverdue).Message);
    }

    private static async Task<System.Security.Claims.ClaimsPrincipal> RegulatorInAsync(TestApp app, string name, string culture)
    {
        var user = await AddRegulatorAsync(app, name);
        await app.WithDbAsync(TestUsers.Admin, async db =>
        {
            (await db.Users.SingleAsync(u => u.Id == user.Id())).Culture = culture;
            await db.SaveChangesAsync();
        });
        return user;
    }

    private static Task RaiseFlagAsync(TestApp app, Guid specialistId, FlagSeverity severity, FlagReason reason) =>
        app.WithDbAsync(TestUsers.Regulator, async db =>
        {
            db.Flags.Add(new Flag { SpecialistId = specialistId, Reason = reason, Severity = severity, Note = "n", RaisedById = "test-regulator", RaisedAt = app.Clock.GetUtcNow() });
            await db.SaveChangesAsync();
        });
}
