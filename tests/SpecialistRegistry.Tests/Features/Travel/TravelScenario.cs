using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using SpecialistRegistry.Auth;
using SpecialistRegistry.Domain;
using SpecialistRegistry.Tests.Infrastructure;

namespace SpecialistRegistry.Tests.Features.Travel;

/// <summary>
/// A firm with one specialist (passport E12345678, valid to 2030-01-01, held by the custody office), real accounts
/// for its HR, a regulator and a custody officer (notifications belong to user rows), and a second firm.
/// The clock stands at 2026-11-02 09:00 UTC.
/// </summary>
public sealed class TravelScenario
{
    public required TestApp App { get; init; }
    public required Firm Firm { get; init; }
    public required Firm OtherFirm { get; init; }
    public required Specialist Person { get; init; }
    public required ClaimsPrincipal Hr { get; init; }
    public required ClaimsPrincipal OtherHr { get; init; }
    public required ClaimsPrincipal Regulator { get; init; }
    public required ClaimsPrincipal Officer { get; init; }

    public DateOnly Today => DateOnly.FromDateTime(App.Clock.GetUtcNow().UtcDateTime);

    public static async Task<TravelScenario> CreateAsync(TestApp app, bool handIn = true)
    {
        var firm = await TestData.AddFirmAsync(app, "Ningbo Magnets");
        var other = await TestData.AddFirmAsync(app, "Baotou Mining");
        var person = await TestData.AddSpecialistAsync(app, firm.Id, "E-001", passportNumber: "E12345678");
        var hrId = await TestData.AddUserAsync(app, Roles.FirmHR, firm.Id);
        var otherHrId = await TestData.AddUserAsync(app, Roles.FirmHR, other.Id);
        var regulatorId = await TestData.AddUserAsync(app, Roles.Regulator);
        var officerId = await TestData.AddUserAsync(app, Roles.CustodyOfficer);
        if (handIn)
        {
            await app.WithDbAsync(TestUsers.CustodyOfficer, async db =>
            {
                var passport = await db.Passports.SingleAsync(p => p.SpecialistId == person.Id);
                db.CustodyEvents.Add(passport.HandIn(new CustodyEvent
                {
                    Kind = CustodyEventKind.HandIn, OccurredAt = app.Clock.GetUtcNow().AddDays(-30), OfficerId = officerId, OfficerName = "Officer",
                    StorageLocation = "Safe A, slot 1", Condition = "Good",
                }));
                await db.SaveChangesAsync();
            });
        }
        return new TravelScenario
        {
            App = app, Firm = firm, OtherFirm = other, Person = person,
            Hr = TestUsers.Principal(Roles.FirmHR, firm.Id, hrId, "Li Na (HR)"),
            OtherHr = TestUsers.Principal(Roles.FirmHR, other.Id, otherHrId, "Zhao Lei (other HR)"),
            Regulator = TestUsers.Principal(Roles.Regulator, id: regulatorId, name: "Wang Lei (Regulator)"),
            Officer = TestUsers.Principal(Roles.CustodyOfficer, id: officerId, name: "Chen Jie (Officer)"),
        };
    }

    public string Id(ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.NameIdentifier)!;

    public async Task<List<Notification>> NotificationsAsync(ClaimsPrincipal user)
    {
        await using var db = App.OpenDb();
        var id = Id(user);
        return await db.Notifications.AsNoTracking().Where(n => n.UserId == id).OrderBy(n => n.CreatedAt).ToListAsync();
    }

    public async Task<int> TripCountAsync()
    {
        await using var db = App.OpenDb();
        return await db.TravelRequests.CountAsync();
    }

    public async Task<Passport> PassportAsync()
    {
        await using var db = App.OpenDb();
        return await db.Passports.AsNoTracking().SingleAsync(p => p.SpecialistId == Person.Id);
    }
}
