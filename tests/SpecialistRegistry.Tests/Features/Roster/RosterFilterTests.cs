using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SpecialistRegistry.Domain;
using SpecialistRegistry.Features.Roster;
using SpecialistRegistry.Tests.Infrastructure;

namespace SpecialistRegistry.Tests.Features.Roster;

/// <summary>The roster's filters on the current passport's custody, an area of expertise and the highest degree, in the database on both engines.</summary>
public sealed class RosterFilterTests
{
    [Theory]
    [MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task The_roster_filters_by_custody_expertise_and_highest_degree_alone_and_together(TestProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var firm = await TestData.AddFirmAsync(app);
        var other = await TestData.AddFirmAsync(app, "Other");
        var wang = await TestData.AddSpecialistAsync(app, firm.Id, "E001", "王伟", "Wang Wei", passportNumber: "E00000001", adjust: s =>
        {
            s.Expertise.Add(new Expertise { Area = ExpertiseArea.SolventExtraction, Level = ExpertiseLevel.Basic, Years = 2 });
            s.Education.Add(new Education { Degree = Degree.Bachelor, Field = "Chemistry", Institution = "CSU", Country = "China", GraduationYear = 2007 });
            s.Education.Add(new Education { Degree = Degree.Doctorate, Field = "Metallurgy", Institution = "USTB", Country = "China", GraduationYear = 2012 });
        });
        await TestData.AddSpecialistAsync(app, firm.Id, "E002", "李娜", "Li Na", passportNumber: "E00000002", adjust: s =>
        {
            s.Expertise.Add(new Expertise { Area = ExpertiseArea.IonExchange, Level = ExpertiseLevel.Expert, Years = 9 });
            s.Education.Add(new Education { Degree = Degree.Bachelor, Field = "Physics", Institution = "NJU", Country = "China", GraduationYear = 2010 });
        });
        await TestData.AddSpecialistAsync(app, firm.Id, "E003", "张敏", "Zhang Min");
        // Another firm's person matching every filter never shows.
        var elsewhere = await TestData.AddSpecialistAsync(app, other.Id, "E001", "王伟", "Wang Wei", passportNumber: "E00000003", adjust: s =>
            s.Expertise.Add(new Expertise { Area = ExpertiseArea.SolventExtraction, Level = ExpertiseLevel.Expert, Years = 9 }));
        await HandInAsync(app, wang.Id);
        await HandInAsync(app, elsewhere.Id);

        async Task<string[]> Numbers(RosterQuery query)
        {
            await using var scope = app.Scope(TestUsers.FirmHr(firm.Id));
            var result = await scope.ServiceProvider.GetRequiredService<RosterService>().QueryAsync(query with { Sort = RosterSort.EmployeeNumber });
            return [.. result.Rows.Select(r => r.EmployeeNumber)];
        }

        Assert.Equal(["E001"], await Numbers(new RosterQuery(Custody: CustodyStatus.Held)));
        Assert.Equal(["E002"], await Numbers(new RosterQuery(Custody: CustodyStatus.NotHeld)));
        // Any level counts: Wang's basic solvent extraction is not his main expertise.
        Assert.Equal(["E001"], await Numbers(new RosterQuery(Expertise: ExpertiseArea.SolventExtraction)));
        // The highest degree, as the grid's column shows it: Wang's bachelor's is not his highest.
        Assert.Equal(["E002"], await Numbers(new RosterQuery(Degree: Degree.Bachelor)));
        Assert.Equal(["E001"], await Numbers(new RosterQuery(Degree: Degree.Doctorate)));
        Assert.Empty(await Numbers(new RosterQuery(Custody: CustodyStatus.Held, Expertise: ExpertiseArea.IonExchange)));
        Assert.Equal(["E002"], await Numbers(new RosterQuery(Custody: CustodyStatus.NotHeld, Expertise: ExpertiseArea.IonExchange, Degree: Degree.Bachelor)));
        Assert.Equal(["E001", "E002", "E003"], await Numbers(new RosterQuery()));
    }

    private static async Task HandInAsync(TestApp app, Guid specialistId) => await app.WithDbAsync(TestUsers.Admin, async db =>
    {
        var passport = await db.Passports.SingleAsync(p => p.SpecialistId == specialistId);
        db.CustodyEvents.Add(passport.HandIn(new CustodyEvent
        {
            Kind = CustodyEventKind.HandIn, OccurredAt = app.Clock.GetUtcNow(), OfficerId = "o", OfficerName = "Officer", StorageLocation = "Safe A, slot 1",
        }));
        await db.SaveChangesAsync();
    });
}
