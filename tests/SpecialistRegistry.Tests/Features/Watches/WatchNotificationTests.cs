using Microsoft.EntityFrameworkCore;
using SpecialistRegistry.Data;
using SpecialistRegistry.Domain;
using SpecialistRegistry.Tests.Infrastructure;
using static SpecialistRegistry.Tests.Features.Watches.WatchTestData;

namespace SpecialistRegistry.Tests.Features.Watches;

/// <summary>The interceptor tells every watcher, in the same save, about the changes a watcher cares about.</summary>
public sealed class WatchNotificationTests
{
    [Fact]
    public async Task A_passport_release_tells_every_watcher_and_nobody_else()
    {
        await using var app = await TestApp.StartAsync();
        var firm = await TestData.AddFirmAsync(app);
        var specialist = await TestData.AddSpecialistAsync(app, firm.Id, "E-1", passportNumber: "E12345678");
        var (alice, bob, carol) = (await AddRegulatorAsync(app, "Alice"), await AddRegulatorAsync(app, "Bob"), await AddRegulatorAsync(app, "Carol"));
        await app.WatchAsync(alice, specialist.Id);
        await app.WatchAsync(bob, specialist.Id);
        await HandInAsync(app, specialist.Id);

        await app.WithDbAsync(TestUsers.CustodyOfficer, async db =>
        {
            var passport = await db.Passports.SingleAsync(p => p.SpecialistId == specialist.Id);
            var release = Event(app, CustodyEventKind.Release);
            (release.ApprovalReference, release.Destination, release.DepartureOn, release.DueBackOn) = ("TA-1", "Tokyo", new DateOnly(2026, 11, 5), new DateOnly(2026, 11, 20));
            db.CustodyEvents.Add(passport.Release(release));
            await db.SaveChangesAsync();
        });

        foreach (var watcher in new[] { alice, bob })
        {
            var n = Assert.Single(await app.NotificationsAsync(watcher));
            Assert.Equal(NotificationKind.PassportReleased, n.Kind);
            Assert.Equal(specialist.Id, n.SpecialistId);
            Assert.Equal("王伟 (Wang Wei)'s passport was released for travel to Tokyo, due back 2026-11-20.", n.Message);
        }
        Assert.Empty(await app.NotificationsAsync(carol));
    }

    [Fact]
    public async Task A_hand_in_or_a_return_tells_nobody()
    {
        await using var app = await TestApp.StartAsync();
        var firm = await TestData.AddFirmAsync(app);
        var specialist = await TestData.AddSpecialistAsync(app, firm.Id, "E-1", passportNumber: "E12345678");
        var alice = await AddRegulatorAsync(app, "Alice");
        await app.WatchAsync(alice, specialist.Id);

        await HandInAsync(app, specialist.Id);

        Assert.Empty(await app.NotificationsAsync(alice));
    }

    [Fact]
    public async Task A_change_of_employer_tells_the_watcher_both_firms()
    {
        await using var app = await TestApp.StartAsync();
        var from = await TestData.AddFirmAsync(app, "Old Magnets");
        var to = await TestData.AddFirmAsync(app, "New Alloys");
        var specialist = await TestData.AddSpecialistAsync(app, from.Id, "E-1");
        var alice = await AddRegulatorAsync(app, "Alice");
        await app.WatchAsync(alice, specialist.Id);

        await app.WithDbAsync(TestUsers.Admin, async db =>
        {
            (await db.Specialists.SingleAsync(s => s.Id == specialist.Id)).FirmId = to.Id;
            await db.SaveChangesAsync();
        });

        var n = Assert.Single(await app.NotificationsAsync(alice));
        Assert.Equal(NotificationKind.EmployerChanged, n.Kind);
        Assert.Equal($"王伟 (Wang Wei) changed employer: {from.Name} → {to.Name}.", n.Message);
    }

    [Fact]
    public async Task Other_edits_of_a_specialist_tell_nobody()
    {
        await using var app = await TestApp.StartAsync();
        var firm = await TestData.AddFirmAsync(app);
        var specialist = await TestData.AddSpecialistAsync(app, firm.Id, "E-1");
        var alice = await AddRegulatorAsync(app, "Alice");
        await app.WatchAsync(alice, specialist.Id);

        await app.WithDbAsync(TestUsers.FirmHr(firm.Id), async db =>
        {
            (await db.Specialists.SingleAsync(s => s.Id == specialist.Id)).Position = "Chief Engineer";
            await db.SaveChangesAsync();
        });

        Assert.Empty(await app.NotificationsAsync(alice));
    }

    [Theory]
    [InlineData(FilingStatus.Submitted, true)]
    [InlineData(FilingStatus.Resubmitted, true)]
    [InlineData(FilingStatus.Draft, false)]
    public async Task Appearing_on_a_submitted_filing_tells_the_watcher_but_a_draft_does_not(FilingStatus status, bool told)
    {
        await using var app = await TestApp.StartAsync();
        var firm = await TestData.AddFirmAsync(app, "Filing Firm");
        var specialist = await TestData.AddSpecialistAsync(app, firm.Id, "E-1");
        var alice = await AddRegulatorAsync(app, "Alice");
        await app.WatchAsync(alice, specialist.Id);

        await app.WithDbAsync(TestUsers.FirmHr(firm.Id), async db =>
        {
            var period = TestFilings.Quarter(app.Clock.GetUtcNow());
            db.Add(period);
            db.Filings.AddRange(TestFilings.Make(firm.Id, period, status, app.Clock.GetUtcNow(), specialist));
            await db.SaveChangesAsync();
        });

        var notes = await app.NotificationsAsync(alice);
        if (told)
            Assert.Equal($"王伟 (Wang Wei) appears on {firm.Name}'s filing for 2026-Q4.", Assert.Single(notes).Message);
        else
            Assert.Empty(notes);
    }

    [Fact]
    public async Task A_flag_raised_or_resolved_by_someone_else_tells_the_watcher_but_not_the_one_who_did_it()
    {
        await using var app = await TestApp.StartAsync();
        var firm = await TestData.AddFirmAsync(app);
        var specialist = await TestData.AddSpecialistAsync(app, firm.Id, "E-1");
        var (alice, bob) = (await AddRegulatorAsync(app, "Alice"), await AddRegulatorAsync(app, "Bob"));
        await app.WatchAsync(alice, specialist.Id);
        await app.WatchAsync(bob, specialist.Id);

        var flag = new Flag { SpecialistId = specialist.Id, Reason = FlagReason.ForeignContact, Severity = FlagSeverity.High, Note = "n", RaisedById = bob.Id(), RaisedAt = app.Clock.GetUtcNow() };
        await app.WithDbAsync(bob, async db => { db.Flags.Add(flag); await db.SaveChangesAsync(); });
        await app.WithDbAsync(bob, async db =>
        {
            (await db.Flags.SingleAsync()).Resolve(bob.Id(), "Declared", app.Clock.GetUtcNow());
            await db.SaveChangesAsync();
        });
        await app.WithDbAsync(bob, async db =>
        {
            (await db.Flags.SingleAsync()).Note = "An edit that changes no status";
            await db.SaveChangesAsync();
        });

        var messages = (await app.NotificationsAsync(alice)).Select(n => (n.Kind, n.Message)).OrderBy(m => m.Message).ToList();
        Assert.Equal(
        [
            (NotificationKind.FlagChanged, "A flag on 王伟 (Wang Wei) (Foreign contact) was resolved."),
            (NotificationKind.FlagChanged, "A high flag was raised on 王伟 (Wang Wei): Foreign contact."),
        ], messages);
        Assert.Empty(await app.NotificationsAsync(bob));
    }

    [Fact]
    public async Task The_notification_is_written_and_audited_in_the_same_save_as_the_change()
    {
        await using var app = await TestApp.StartAsync();
        var firm = await TestData.AddFirmAsync(app);
        var specialist = await TestData.AddSpecialistAsync(app, firm.Id, "E-1");
        var alice = await AddRegulatorAsync(app, "Alice");
        await app.WatchAsync(alice, specialist.Id);
        var heard = new List<IReadOnlySet<string>>();
        app.Get<NotificationBroadcaster>().Published += heard.Add;

        await app.WithDbAsync(TestUsers.Regulator, async db =>
        {
            db.Flags.Add(new Flag { SpecialistId = specialist.Id, Reason = FlagReason.Other, Severity = FlagSeverity.Low, Note = "n", RaisedById = "test-regulator", RaisedAt = app.Clock.GetUtcNow() });
            await db.SaveChangesAsync();
        });

        await using var check = app.OpenDb();
        var flagAudit = await check.AuditEntries.SingleAsync(a => a.EntityType == nameof(Flag));
        var notificationAudit = await check.AuditEntries.SingleAsync(a => a.EntityType == nameof(Notification));
        Assert.Equal(flagAudit.At, notificationAudit.At);
        Assert.Equal(flagAudit.Sequence + 1, notificationAudit.Sequence);
        Assert.Equal([alice.Id()], heard.Single());
    }

    [Fact]
    public async Task A_failed_save_leaves_no_notification_behind()
    {
        await using var app = await TestApp.StartAsync();
        var firm = await TestData.AddFirmAsync(app);
        var specialist = await TestData.AddSpecialistAsync(app, firm.Id, "E-1");
        var alice = await AddRegulatorAsync(app, "Alice");
        await app.WatchAsync(alice, specialist.Id);

        await app.WithDbAsync(TestUsers.Regulator, async db =>
        {
            db.Flags.Add(new Flag { SpecialistId = specialist.Id, Reason = FlagReason.Other, Severity = FlagSeverity.Low, Note = "n", RaisedById = "r", RaisedAt = app.Clock.GetUtcNow() });
            // A second specialist with the same employee number at the same firm breaks the save.
            db.Specialists.Add(new Specialist { FirmId = firm.Id, EmployeeNumber = "E-1", FullName = "x", LatinName = "x", Nationality = "China" });
            await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
        });

        Assert.Empty(await app.NotificationsAsync(alice));
    }

    private static async Task HandInAsync(TestApp app, Guid specialistId) =>
        await app.WithDbAsync(TestUsers.CustodyOfficer, async db =>
        {
            var passport = await db.Passports.SingleAsync(p => p.SpecialistId == specialistId);
            db.CustodyEvents.Add(passport.HandIn(Event(app, CustodyEventKind.HandIn)));
            await db.SaveChangesAsync();
        });
}
