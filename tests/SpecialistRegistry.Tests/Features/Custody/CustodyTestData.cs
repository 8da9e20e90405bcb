using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SpecialistRegistry.Domain;
using SpecialistRegistry.Features.Custody;
using SpecialistRegistry.Tests.Features.Travel;
using SpecialistRegistry.Tests.Infrastructure;

namespace SpecialistRegistry.Tests.Features.Custody;

/// <summary>A firm, one specialist with passport E12345678 (China, expires 2030-01-01), and officer shortcuts.</summary>
public sealed class CustodyTestData
{
    public const string Number = "E12345678";
    public static readonly DateOnly Expiry = new(2030, 1, 1);

    public required TestApp App { get; init; }
    public required Firm Firm { get; init; }
    public required Specialist Specialist { get; init; }
    public string PassportNumber { get; init; } = Number;
    public Guid PassportId => Specialist.Passports[0].Id;

    public static async Task<CustodyTestData> CreateAsync(TestApp app, string employeeNumber = "E-001", string latinName = "Wang Wei", string number = Number)
    {
        var firm = await TestData.AddFirmAsync(app);
        var specialist = await TestData.AddSpecialistAsync(app, firm.Id, employeeNumber, latinName: latinName, passportNumber: number);
        return new CustodyTestData { App = app, Firm = firm, Specialist = specialist, PassportNumber = number };
    }

    public async Task<T> AsOfficerAsync<T>(Func<CustodyService, Task<T>> work, System.Security.Claims.ClaimsPrincipal? user = null)
    {
        await using var scope = App.Scope(user ?? TestUsers.CustodyOfficer);
        return await work(scope.ServiceProvider.GetRequiredService<CustodyService>());
    }

    public async Task<T> QueryAsync<T>(Func<CustodyQueries, Task<T>> work, System.Security.Claims.ClaimsPrincipal? user = null)
    {
        await using var scope = App.Scope(user ?? TestUsers.CustodyOfficer);
        return await work(scope.ServiceProvider.GetRequiredService<CustodyQueries>());
    }

    public async Task<Passport> PassportAsync(Guid? id = null)
    {
        await using var db = App.OpenDb();
        return await db.Passports.AsNoTracking().SingleAsync(p => p.Id == (id ?? PassportId));
    }

    public async Task<List<CustodyEvent>> EventsAsync(Guid? id = null)
    {
        await using var db = App.OpenDb();
        return await db.CustodyEvents.AsNoTracking().Where(e => e.PassportId == (id ?? PassportId)).OrderBy(e => e.OccurredAt).ToListAsync();
    }

    public async Task<HandInInput> HandInFormAsync(Guid? id = null) => new()
    {
        PassportId = id ?? PassportId,
        Version = (await PassportAsync(id)).Version,
        Number = PassportNumber,
        IssuingCountry = "China",
        ExpiresOn = Expiry,
        Safe = "A",
        Slot = "12",
        Condition = "Good",
        AcknowledgedBy = "Wang Wei",
        BothPartiesAcknowledge = true,
    };

    /// <summary>
    /// A release form for a trip that HR requested and a regulator approved, departing on <paramref name="departure"/>
    /// and due back on <paramref name="dueBack"/> (the approved return is that less the grace days).
    /// </summary>
    public async Task<ReleaseInput> ReleaseFormAsync(DateOnly departure, DateOnly dueBack)
    {
        var trip = await App.ApprovedTripAsync(Specialist, departure, dueBack.AddDays(-GraceDays));
        return await ReleaseFormAsync(trip.Id);
    }

    public async Task<ReleaseInput> ReleaseFormAsync(Guid? travelRequestId) => new()
    {
        PassportId = PassportId,
        Version = (await PassportAsync()).Version,
        TravelRequestId = travelRequestId,
        AcknowledgedBy = "Wang Wei",
        BothPartiesAcknowledge = true,
    };

    public int GraceDays => App.Get<Microsoft.Extensions.Options.IOptions<TravelRules>>().Value.GraceDays;

    public async Task<ReturnInput> ReturnFormAsync() => new()
    {
        PassportId = PassportId,
        Version = (await PassportAsync()).Version,
        Safe = "B",
        Slot = "3",
        Condition = "Good",
        AcknowledgedBy = "Wang Wei",
        BothPartiesAcknowledge = true,
    };

    public async Task<CustodyOutcome.Logged> HandInAsync()
    {
        var form = await HandInFormAsync();
        return Assert.IsType<CustodyOutcome.Logged>(await AsOfficerAsync(s => s.HandInAsync(form)));
    }

    public async Task<CustodyOutcome.Logged> ReleaseAsync(DateOnly departure, DateOnly dueBack)
    {
        var form = await ReleaseFormAsync(departure, dueBack);
        return Assert.IsType<CustodyOutcome.Logged>(await AsOfficerAsync(s => s.ReleaseAsync(form)));
    }
}
