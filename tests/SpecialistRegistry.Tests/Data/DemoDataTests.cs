using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SpecialistRegistry.Data;
using SpecialistRegistry.Data.Seed;
using SpecialistRegistry.Domain;
using SpecialistRegistry.Features.Audit;
using SpecialistRegistry.Features.Matching;
using SpecialistRegistry.Tests.Infrastructure;

namespace SpecialistRegistry.Tests.Data;

public sealed class DemoDataTests
{
    [Fact]
    public async Task Start_up_outside_Development_seeds_nothing()
    {
        await using var app = await TestApp.StartAsync();

        await using var db = app.OpenDb();
        Assert.False(await db.Firms.AnyAsync());
        Assert.False(await db.Users.AnyAsync());
        Assert.Equal(4, await db.Roles.CountAsync());
    }

    [Fact]
    public async Task A_new_database_gets_six_firms_about_300_specialists_and_one_account_per_role()
    {
        await using var app = await TestApp.StartAsync();

        Assert.True(await SeedAsync(app));

        await using var db = app.OpenDb();
        Assert.Equal(6, await db.Firms.CountAsync());
        Assert.All(await db.Firms.Select(f => f.CreditCode).ToListAsync(), code => Assert.True(UnifiedSocialCreditCode.IsValid(code), code));
        Assert.Equal(4, Enum.GetValues<IndustrySegment>().Count(s => db.Firms.Any(f => f.Segment == s)));
        Assert.InRange(await db.Specialists.CountAsync(), 280, 320);
        Assert.True(await db.Expertise.AnyAsync() && await db.Education.AnyAsync() && await db.ResearchRecords.AnyAsync());
        Assert.True(await db.CustodyEvents.AnyAsync(e => e.Kind == CustodyEventKind.Release));
        Assert.Equal(DemoAccounts.All.Length, await db.Users.CountAsync());
        var hr = await db.Users.SingleAsync(u => u.Email == DemoAccounts.FirmHrEmail);
        Assert.NotNull(hr.FirmId);
        var sample = await db.Specialists.Include(s => s.Passports).FirstAsync(s => s.Passports.Any());
        Assert.Matches(@"^\p{IsCJKUnifiedIdeographs}{2,3}$", sample.FullName);
        Assert.Matches("^[A-Z][a-z]+ [A-Z][a-z]+$", sample.LatinName);
        Assert.Matches("^E[0-9]{8}$", app.Get<FieldProtector>().Reveal(sample.Passports[0].Number));
        await using var scope = app.Scope();
        Assert.True((await scope.ServiceProvider.GetRequiredService<AuditVerifier>().VerifyAsync()).IsIntact);

        // The regulator's Matches page has one of each kind to decide.
        await using var regulator = app.Scope(TestUsers.Regulator);
        var matches = await regulator.ServiceProvider.GetRequiredService<MatchingService>().FindAsync();
        Assert.Contains(matches, m => m.Kind == MatchKind.SameNationalId);
        Assert.Contains(matches, m => m.Kind == MatchKind.SamePassport);
        Assert.Contains(matches, m => m.Kind == MatchKind.SimilarName);
    }

    [Fact]
    public async Task A_database_that_already_has_firms_is_never_seeded()
    {
        await using var app = await TestApp.StartAsync();
        await app.WithDbAsync(TestUsers.Admin, async db =>
        {
            db.Firms.Add(new Firm { Name = "Existing", CreditCode = "91330200MA2G9Y3K1Z", Region = "Zhejiang" });
            await db.SaveChangesAsync();
        });

        Assert.False(await SeedAsync(app));

        await using var check = app.OpenDb();
        Assert.Equal(1, await check.Firms.CountAsync());
        Assert.False(await check.Specialists.AnyAsync());
    }

    private static async Task<bool> SeedAsync(TestApp app)
    {
        await using var scope = app.Scope();
        return await scope.ServiceProvider.GetRequiredService<DemoData>().SeedIfEmptyAsync();
    }
}
