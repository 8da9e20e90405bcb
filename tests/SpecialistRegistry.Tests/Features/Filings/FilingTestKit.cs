using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SpecialistRegistry.Auth;
using SpecialistRegistry.Domain;
using SpecialistRegistry.Features.Filings;
using SpecialistRegistry.Tests.Infrastructure;

namespace SpecialistRegistry.Tests.Features.Filings;

/// <summary>
/// A firm with people who pass every completeness check, its HR user and a regulator (real accounts, so that
/// notifications have someone to go to), today's quarter, and shortcuts to the filing services as each of them.
/// </summary>
public sealed class FilingTestKit
{
    public required TestApp App { get; init; }
    public required Firm Firm { get; init; }
    public required ClaimsPrincipal Hr { get; init; }
    public required ClaimsPrincipal Regulator { get; init; }
    public required FilingPeriod Quarter { get; init; }
    public List<Specialist> People { get; } = [];

    public DateOnly Today => DateOnly.FromDateTime(App.Clock.GetUtcNow().UtcDateTime);

    public static async Task<FilingTestKit> CreateAsync(TestApp app, int people = 3, string firmName = "Filing Firm")
    {
        var firm = await TestData.AddFirmAsync(app, firmName);
        var hrId = await TestData.AddUserAsync(app, Roles.FirmHR, firm.Id);
        var regulatorId = await TestData.AddUserAsync(app, Roles.Regulator);
        await using (var scope = app.Scope(TestUsers.Admin))
            await scope.ServiceProvider.GetRequiredService<FilingCalendar>().EnsureQuarterlyPeriodsAsync();
        await using var db = app.OpenDb();
        var code = FilingPeriod.QuarterCode(2026, 4);
        var kit = new FilingTestKit
        {
            App = app,
            Firm = firm,
            Hr = TestUsers.Principal(Roles.FirmHR, firm.Id, id: hrId, name: "Hu Rong (HR)"),
            Regulator = TestUsers.Principal(Roles.Regulator, id: regulatorId, name: "Ren Gang (Regulator)"),
            Quarter = await db.FilingPeriods.AsNoTracking().SingleAsync(p => p.Code == code),
        };
        for (var i = 1; i <= people; i++)
            kit.People.Add(await kit.AddPersonAsync($"E{i:D4}", $"Person {i}"));
        return kit;
    }

    /// <summary>Another firm with its own HR user and complete people, in the same registry.</summary>
    public static async Task<FilingTestKit> OtherFirmAsync(FilingTestKit first, int people = 2, string firmName = "Other Firm")
    {
        var firm = await TestData.AddFirmAsync(first.App, firmName);
        var hrId = await TestData.AddUserAsync(first.App, Roles.FirmHR, firm.Id);
        var kit = new FilingTestKit
        {
            App = first.App, Firm = firm, Regulator = first.Regulator, Quarter = first.Quarter,
            Hr = TestUsers.Principal(Roles.FirmHR, firm.Id, id: hrId, name: "Other HR"),
        };
        for (var i = 1; i <= people; i++)
            kit.People.Add(await kit.AddPersonAsync($"E{i:D4}", $"Other {i}"));
        return kit;
    }

    public async Task<Specialist> AddPersonAsync(string employeeNumber, string latinName, Action<Specialist>? adjust = null)
    {
        var n = Math.Abs(employeeNumber.GetHashCode() % 1000000);
        return await TestData.AddSpecialistAsync(App, Firm.Id, employeeNumber, "王伟", latinName,
            passportNumber: $"E{n:D8}", nationalId: $"1101051985{n:D6}3", adjust: s =>
            {
                s.Phone = "+86 138 0000 0000";
                s.Email = $"{employeeNumber.ToLowerInvariant()}@example.cn";
                s.Expertise.Add(new Expertise { SpecialistId = s.Id, Area = ExpertiseArea.IonExchange, Level = ExpertiseLevel.Advanced, Years = 8 });
                s.Education.Add(new Education { SpecialistId = s.Id, Degree = Degree.Master, Field = "Chemistry", Institution = "Central South University", Country = "China", GraduationYear = 2010 });
                adjust?.Invoke(s);
            });
    }

    /// <summary>Changes a specialist as the roster editor would (a tracked save, audited), bumping the record's version.</summary>
    public async Task EditAsync(Guid specialistId, Action<Specialist> change)
    {
        await App.WithDbAsync(Hr, async db =>
        {
            var s = await db.Specialists.Include(x => x.Expertise).Include(x => x.Education).Include(x => x.Passports).SingleAsync(x => x.Id == specialistId);
            change(s);
            s.UpdatedAt = App.Clock.GetUtcNow();
            await db.SaveChangesAsync();
        });
    }

    public async Task<T> AsHrAsync<T>(Func<FilingService, Task<T>> work, ClaimsPrincipal? user = null)
    {
        await using var scope = App.Scope(user ?? Hr);
        return await work(scope.ServiceProvider.GetRequiredService<FilingService>());
    }

    public async Task<T> AsRegulatorAsync<T>(Func<FilingReviewService, Task<T>> work, ClaimsPrincipal? user = null)
    {
        await using var scope = App.Scope(user ?? Regulator);
        return await work(scope.ServiceProvider.GetRequiredService<FilingReviewService>());
    }

    public async Task<T> QueryAsync<T>(Func<FilingQueries, Task<T>> work, ClaimsPrincipal? user = null)
    {
        await using var scope = App.Scope(user ?? Hr);
        return await work(scope.ServiceProvider.GetRequiredService<FilingQueries>());
    }

    public async Task<FilingOutcome.Prepared> PrepareAsync(Guid? periodId = null)
    {
        var outcome = await AsHrAsync(s => s.PrepareAsync(periodId ?? Quarter.Id));
        return Assert.IsType<FilingOutcome.Prepared>(outcome);
    }

    /// <summary>Prepares and submits the period's filing; returns its id.</summary>
    public async Task<Guid> SubmitAsync(Guid? periodId = null)
    {
        var draft = await PrepareAsync(periodId);
        var outcome = await AsHrAsync(s => s.SubmitAsync(draft.FilingId, draft.Version, attested: true));
        return Assert.IsType<FilingOutcome.Done>(outcome).FilingId;
    }

    public async Task<Filing> FilingAsync(Guid id)
    {
        await using var db = App.OpenDb();
        return await db.Filings.AsNoTracking().SingleAsync(f => f.Id == id);
    }

    public async Task<List<FilingEntry>> EntriesAsync(Guid filingId)
    {
        await using var db = App.OpenDb();
        return await db.FilingEntries.AsNoTracking().Where(e => e.FilingId == filingId).OrderBy(e => e.EmployeeNumber).ToListAsync();
    }

    public async Task<Guid> VersionOfAsync(Guid filingId) => (await FilingAsync(filingId)).Version;

    public async Task AcceptAsync(Guid filingId)
    {
        var version = await VersionOfAsync(filingId);
        Assert.IsType<FilingOutcome.Done>(await AsRegulatorAsync(s => s.AcceptAsync(filingId, version)));
    }

    public async Task ReturnAsync(Guid filingId, string comment = "Two passports look wrong; see the remarks.")
    {
        var version = await VersionOfAsync(filingId);
        Assert.IsType<FilingOutcome.Done>(await AsRegulatorAsync(s => s.ReturnAsync(filingId, version, comment)));
    }
}
