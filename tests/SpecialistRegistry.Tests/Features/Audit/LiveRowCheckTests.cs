using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SpecialistRegistry.Domain;
using SpecialistRegistry.Features.Audit;
using SpecialistRegistry.Tests.Infrastructure;

namespace SpecialistRegistry.Tests.Features.Audit;

/// <summary>
/// `audit verify --deep`: a change made in the database directly, past the app, leaves the audit chain whole but
/// the stored row different from what the trail last recorded for it. Edits are raw SQL, as an insider would make them.
/// </summary>
public sealed class LiveRowCheckTests
{
    [Theory]
    [MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task Rows_changed_only_through_the_app_all_match_the_trail(TestProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var (specialist, _) = await ArrangeAsync(app);
        await app.WithDbAsync(TestUsers.Admin, async db =>
        {
            var s = await db.Specialists.Include(x => x.Passports).SingleAsync(x => x.Id == specialist.Id);
            s.Position = "Chief Engineer";
            s.Passports[0].CorrectDetails(SensitiveValue.Empty, "France", s.Passports[0].IssuedOn, s.Passports[0].ExpiresOn); // held: the office corrects it
            await db.SaveChangesAsync();
        });

        var (differences, total, rows) = await RunAsync(app);

        Assert.Empty(differences);
        Assert.Equal(0, total);
        Assert.True(rows >= 4, $"only {rows} rows were checked");
    }

    [Theory]
    [MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task A_specialists_name_changed_in_the_database_is_named_with_the_field(TestProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var (specialist, _) = await ArrangeAsync(app);
        await SqlAsync(app, db => db.Database.ExecuteSqlAsync($"""UPDATE "Specialists" SET "FullName" = {"李四"} WHERE "Id" = {specialist.Id}"""));

        var d = Assert.Single((await RunAsync(app)).Differences);

        Assert.Equal(nameof(Specialist), d.EntityType);
        Assert.Equal(specialist.Id.ToString(), d.EntityKey);
        Assert.Contains("FullName", d.Problem);
    }

    [Theory]
    [MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task A_held_passports_expiry_and_its_custody_events_storage_changed_in_the_database_are_named(TestProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var (_, passport) = await ArrangeAsync(app);
        await SqlAsync(app, db => db.Database.ExecuteSqlAsync($"""UPDATE "Passports" SET "ExpiresOn" = {new DateOnly(2040, 1, 1)} WHERE "Id" = {passport.Id}"""));
        await SqlAsync(app, db => db.Database.ExecuteSqlAsync($"""UPDATE "CustodyEvents" SET "StorageLocation" = {"Nowhere"} WHERE "PassportId" = {passport.Id}"""));

        var differences = (await RunAsync(app)).Differences;

        Assert.Contains(differences, d => d.EntityType == nameof(Passport) && d.EntityKey == passport.Id.ToString() && d.Problem.Contains("ExpiresOn"));
        Assert.Contains(differences, d => d.EntityType == nameof(CustodyEvent) && d.Problem.Contains("StorageLocation"));
        Assert.Equal(2, differences.Count);
    }

    [Theory]
    [MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task Rows_deleted_or_inserted_past_the_app_are_named(TestProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var (specialist, _) = await ArrangeAsync(app);
        await SqlAsync(app, db => db.Database.ExecuteSqlAsync($"""DELETE FROM "Expertise" WHERE "SpecialistId" = {specialist.Id}"""));
        var planted = Guid.NewGuid();
        await SqlAsync(app, db => db.Database.ExecuteSqlAsync(
            $"""INSERT INTO "Flags" ("Id", "SpecialistId", "Reason", "Severity", "Status", "Note", "RaisedById", "RaisedAt", "Version") VALUES ({planted}, {specialist.Id}, {"Other"}, {"Low"}, {"Open"}, {"planted"}, {"x"}, {(app.Provider == TestProvider.Sqlite ? app.Clock.GetUtcNow().UtcTicks : app.Clock.GetUtcNow())}, {Guid.NewGuid()})"""));

        var differences = (await RunAsync(app)).Differences;

        Assert.Contains(differences, d => d.EntityType == nameof(Expertise) && d.Problem.Contains("not in the database"));
        Assert.Contains(differences, d => d.EntityType == nameof(Flag) && d.EntityKey == planted.ToString() && d.Problem.Contains("no audit entry"));
    }

    [Theory]
    [MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task The_deep_verify_command_prints_each_differing_row_and_exits_1(TestProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var (specialist, _) = await ArrangeAsync(app);
        var output = new StringWriter();
        Assert.Equal(0, await CommandLine.RunAsync(app.Services, ["audit", "verify", "--deep"], output));
        Assert.Contains("stored rows OK: ", output.ToString());

        await SqlAsync(app, db => db.Database.ExecuteSqlAsync($"""UPDATE "Specialists" SET "Department" = {"Elsewhere"} WHERE "Id" = {specialist.Id}"""));
        output = new StringWriter();
        Assert.Equal(1, await CommandLine.RunAsync(app.Services, ["audit", "verify", "--deep"], output));
        Assert.Contains($"row MISMATCH: Specialist {specialist.Id}: The stored Department differ", output.ToString());
        Assert.Contains("audit chain OK", output.ToString()); // the chain itself was never touched
    }

    private static async Task<(Specialist, Passport)> ArrangeAsync(TestApp app)
    {
        var firm = await TestData.AddFirmAsync(app);
        var specialist = await TestData.AddSpecialistAsync(app, firm.Id, "E-1", passportNumber: "E12345678",
            adjust: s => s.Expertise.Add(new Expertise { SpecialistId = s.Id, Area = ExpertiseArea.SolventExtraction, Level = ExpertiseLevel.Expert, Years = 5 }));
        await app.WithDbAsync(TestUsers.CustodyOfficer, async db =>
        {
            var passport = await db.Passports.SingleAsync(p => p.SpecialistId == specialist.Id);
            db.CustodyEvents.Add(passport.HandIn(new CustodyEvent
            {
                Kind = CustodyEventKind.HandIn, OccurredAt = app.Clock.GetUtcNow(), OfficerId = "officer", OfficerName = "Officer", StorageLocation = "Safe A",
            }));
            await db.SaveChangesAsync();
        });
        return (specialist, specialist.Passports[0]);
    }

    private static async Task SqlAsync(TestApp app, Func<SpecialistRegistry.Data.RegistryDb, Task<int>> sql)
    {
        await using var db = app.OpenDb();
        Assert.True(await sql(db) >= 1);
    }

    private static async Task<(IReadOnlyList<RowDifference> Differences, long Total, long Rows)> RunAsync(TestApp app)
    {
        await using var scope = app.Scope();
        return await scope.ServiceProvider.GetRequiredService<LiveRowCheck>().RunAsync();
    }
}
