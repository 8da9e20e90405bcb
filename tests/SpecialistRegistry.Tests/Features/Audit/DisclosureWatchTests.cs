using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SpecialistRegistry.Auth;
using SpecialistRegistry.Data;
using SpecialistRegistry.Domain;
using SpecialistRegistry.Features.Audit;
using SpecialistRegistry.Features.Profile;
using SpecialistRegistry.Tests.Infrastructure;

namespace SpecialistRegistry.Tests.Features.Audit;

/// <summary>
/// Insider-leak detection: reveals of full numbers are counted per user from the trail; the first one past the
/// hourly limit notifies every admin once (in their language) and is itself audited; the report lists them by user.
/// </summary>
public sealed class DisclosureWatchTests
{
    [Theory]
    [MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task The_first_reveal_past_the_limit_tells_the_admins_once(TestProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, s => s.Configure<DisclosureOptions>(o => o.RevealsPerHour = 2));
        var adminId = await TestData.AddUserAsync(app, Roles.Admin);
        var firm = await TestData.AddFirmAsync(app);
        var person = await TestData.AddSpecialistAsync(app, firm.Id, "E-1", passportNumber: "E12345678");
        var regulator = TestUsers.Principal(Roles.Regulator, id: "regulator-li", name: "Li Na (Regulator)");

        for (var i = 0; i < 2; i++)
            await RevealAsync(app, regulator, person);
        Assert.Equal(0, await NoticesAsync(app, adminId));

        await RevealAsync(app, regulator, person);
        await RevealAsync(app, regulator, person);

        Assert.Equal(1, await NoticesAsync(app, adminId));
        await using var db = app.OpenDb();
        var notice = await db.Notifications.SingleAsync(n => n.UserId == adminId);
        Assert.Contains("Li Na (Regulator)", notice.Message);
        Assert.Contains("3", notice.Message);
        Assert.Single(await db.AuditEntries.Where(a => a.Action == "DisclosureLimitPassed" && a.EntityKey == "regulator-li").ToListAsync());
    }

    [Theory]
    [MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task The_report_counts_reveals_and_exports_by_user(TestProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var firm = await TestData.AddFirmAsync(app);
        var person = await TestData.AddSpecialistAsync(app, firm.Id, "E-1", passportNumber: "E12345678");
        var regulator = TestUsers.Principal(Roles.Regulator, id: "regulator-li", name: "Li Na (Regulator)");
        await RevealAsync(app, regulator, person);
        await RevealAsync(app, regulator, person);
        await app.WithDbAsync(TestUsers.FirmHr(firm.Id), async db =>
        {
            db.RecordAuditEvent("RosterExported", nameof(Firm), firm.Id.ToString(), new Dictionary<string, string?> { ["numbers"] = "masked" });
            await db.SaveChangesAsync();
        });

        await using var scope = app.Scope(TestUsers.Admin);
        var rows = await scope.ServiceProvider.GetRequiredService<DisclosureReportService>().ByUserAsync(7);

        Assert.Equal(2, rows.Count);
        Assert.Equal(("Li Na (Regulator)", 2, 0), (rows[0].ActorName, rows[0].Reveals, rows[0].Exports));
        Assert.Equal((0, 1), (rows[1].Reveals, rows[1].Exports));
    }

    private static async Task RevealAsync(TestApp app, System.Security.Claims.ClaimsPrincipal user, Specialist person)
    {
        await using var scope = app.Scope(user);
        var outcome = await scope.ServiceProvider.GetRequiredService<ProfileService>()
            .RevealAsync(person.Id, RevealField.Passport, person.Passports[0].Id, "Checking a travel request against the passport");
        Assert.Null(outcome.Error);
    }

    private static async Task<int> NoticesAsync(TestApp app, string userId)
    {
        await using var db = app.OpenDb();
        return await db.Notifications.CountAsync(n => n.UserId == userId && n.Kind == NotificationKind.DisclosureLimitPassed);
    }
}
