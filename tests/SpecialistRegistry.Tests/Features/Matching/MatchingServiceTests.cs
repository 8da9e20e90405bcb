using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SpecialistRegistry.Auth;
using SpecialistRegistry.Domain;
using SpecialistRegistry.Features.Matching;
using SpecialistRegistry.Tests.Infrastructure;

namespace SpecialistRegistry.Tests.Features.Matching;

public sealed class MatchingServiceTests
{
    private static readonly System.Security.Claims.ClaimsPrincipal Alice = TestUsers.Principal(Roles.Regulator, id: "reg-alice", name: "Alice Regulator");
    private static readonly System.Security.Claims.ClaimsPrincipal Bob = TestUsers.Principal(Roles.Regulator, id: "reg-bob", name: "Bob Regulator");

    private static async Task<T> As<T>(TestApp app, System.Security.Claims.ClaimsPrincipal user, Func<MatchingService, Task<T>> work)
    {
        await using var scope = app.Scope(user);
        return await work(scope.ServiceProvider.GetRequiredService<MatchingService>());
    }

    private static Action<Specialist> Born(int year, int month, int day) => s => s.DateOfBirth = new DateOnly(year, month, day);

    [Fact]
    public async Task The_same_passport_number_at_two_firms_is_an_exact_match_but_at_one_firm_it_is_not()
    {
        await using var app = await TestApp.StartAsync();
        var (north, south) = (await TestData.AddFirmAsync(app, "North"), await TestData.AddFirmAsync(app, "South"));
        var a = await TestData.AddSpecialistAsync(app, north.Id, "N-1", "张三", "Zhang San", passportNumber: "E11112222", adjust: Born(1980, 1, 1));
        var b = await TestData.AddSpecialistAsync(app, south.Id, "S-1", "李四", "Li Si", passportNumber: "E11112222", adjust: Born(1990, 2, 2));
        await TestData.AddSpecialistAsync(app, north.Id, "N-2", "王五", "Wang Wu", passportNumber: "E33334444", adjust: Born(1970, 3, 3));
        await TestData.AddSpecialistAsync(app, north.Id, "N-3", "赵六", "Zhao Liu", passportNumber: "E33334444", adjust: Born(1971, 4, 4));

        var match = Assert.Single(await As(app, Alice, m => m.FindAsync()));

        Assert.Equal(MatchKind.SamePassport, match.Kind);
        Assert.Equal(1, match.Score);
        Assert.Equal(new[] { a.Id, b.Id }.Order(), new[] { match.First.Id, match.Second.Id }.Order());
    }

    [Fact]
    public async Task The_same_national_id_at_two_firms_is_an_exact_match()
    {
        await using var app = await TestApp.StartAsync();
        var (north, south) = (await TestData.AddFirmAsync(app, "North"), await TestData.AddFirmAsync(app, "South"));
        await TestData.AddSpecialistAsync(app, north.Id, "N-1", "张三", "Zhang San", nationalId: "110101198001010011", adjust: Born(1980, 1, 1));
        await TestData.AddSpecialistAsync(app, south.Id, "S-1", "李四", "Li Si", nationalId: "110101198001010011", adjust: Born(1990, 2, 2));

        Assert.Equal(MatchKind.SameNationalId, Assert.Single(await As(app, Alice, m => m.FindAsync())).Kind);
    }

    [Fact]
    public async Task The_same_birthday_with_a_similar_name_at_two_firms_is_a_scored_fuzzy_match()
    {
        await using var app = await TestApp.StartAsync();
        var (north, south) = (await TestData.AddFirmAsync(app, "North"), await TestData.AddFirmAsync(app, "South"));
        await TestData.AddSpecialistAsync(app, north.Id, "N-1", "王伟", "Wang Wei", adjust: Born(1985, 3, 14));
        await TestData.AddSpecialistAsync(app, south.Id, "S-1", "王伟", "WANG  Wei", adjust: Born(1985, 3, 14));     // same person, typed differently
        await TestData.AddSpecialistAsync(app, south.Id, "S-2", "王玮", "Wang Wei", adjust: Born(1985, 3, 14));      // same pinyin, other characters
        await TestData.AddSpecialistAsync(app, south.Id, "S-3", "李娜", "Li Na", adjust: Born(1985, 3, 14));         // same birthday, other name
        await TestData.AddSpecialistAsync(app, south.Id, "S-4", "王伟", "Wang Wei", adjust: Born(1985, 3, 15));      // other birthday
        await TestData.AddSpecialistAsync(app, north.Id, "N-2", "王伟", "Wang Wei", adjust: Born(1985, 3, 14));      // same firm as N-1: not cross-firm with it

        var matches = await As(app, Alice, m => m.FindAsync());

        Assert.All(matches, m => Assert.Equal(MatchKind.SimilarName, m.Kind));
        Assert.All(matches, m => Assert.NotEqual(m.First.FirmId, m.Second.FirmId));
        var pairs = matches.Select(m => (string.Join("+", new[] { m.First.EmployeeNumber, m.Second.EmployeeNumber }.Order()), m.Score)).ToList();
        Assert.Equal(
        [
            ("N-1+S-1", 1.0), ("N-2+S-1", 1.0), ("N-1+S-2", 0.85), ("N-2+S-2", 0.85),
        ], pairs.OrderByDescending(p => p.Score).ThenBy(p => p.Item1).ToList());
    }

    [Fact]
    public async Task A_dismissed_pair_stays_dismissed_and_the_decision_is_audited()
    {
        await using var app = await TestApp.StartAsync();
        var (north, south) = (await TestData.AddFirmAsync(app, "North"), await TestData.AddFirmAsync(app, "South"));
        await TestData.AddSpecialistAsync(app, north.Id, "N-1", "王伟", "Wang Wei", adjust: Born(1985, 3, 14));
        await TestData.AddSpecialistAsync(app, south.Id, "S-2", "王玮", "Wang Wei", adjust: Born(1985, 3, 14));
        var match = Assert.Single(await As(app, Alice, m => m.FindAsync()));

        var outcome = await As(app, Alice, m => m.DecideAsync(new MatchDecisionInput(match.Second.Id, match.First.Id, match.Kind, match.Score, MatchVerdict.Dismissed, "Different people: ID cards checked", null)));

        Assert.IsType<MatchOutcome.Saved>(outcome);
        Assert.Empty(await As(app, Alice, m => m.FindAsync()));
        var dismissed = Assert.Single(await As(app, Alice, m => m.FindAsync(MatchFilter.Dismissed)));
        Assert.Equal((MatchVerdict.Dismissed, "Alice Regulator", "Different people: ID cards checked"), (dismissed.Verdict!.Value, dismissed.DecidedByName!, dismissed.Note!));
        Assert.Empty(await As(app, Alice, m => m.FindAsync(MatchFilter.Confirmed)));
        await using var db = app.OpenDb();
        var audit = await db.AuditEntries.SingleAsync(a => a.EntityType == nameof(MatchDecision));
        Assert.Equal(("Added", "Alice Regulator"), (audit.Action, audit.ActorName));
        Assert.Contains("Dismissed", audit.Changes);
    }

    [Fact]
    public async Task Two_regulators_deciding_one_pair_the_second_is_told_and_the_first_decision_stands()
    {
        await using var app = await TestApp.StartAsync();
        var (north, south) = (await TestData.AddFirmAsync(app, "North"), await TestData.AddFirmAsync(app, "South"));
        await TestData.AddSpecialistAsync(app, north.Id, "N-1", passportNumber: "E11112222", adjust: Born(1980, 1, 1));
        await TestData.AddSpecialistAsync(app, south.Id, "S-1", passportNumber: "E11112222", adjust: Born(1980, 1, 1));
        var match = (await As(app, Alice, m => m.FindAsync())).Single(m => m.Kind == MatchKind.SamePassport);
        MatchDecisionInput Input(MatchVerdict v) => new(match.First.Id, match.Second.Id, match.Kind, match.Score, v, "", match.DecisionVersion);

        var first = await As(app, Alice, m => m.DecideAsync(Input(MatchVerdict.Confirmed)));
        var second = await As(app, Bob, m => m.DecideAsync(Input(MatchVerdict.Dismissed)));

        Assert.IsType<MatchOutcome.Saved>(first);
        Assert.Equal(new MatchOutcome.Conflict(MatchVerdict.Confirmed, "Alice Regulator"), second);
        var confirmed = Assert.Single(await As(app, Alice, m => m.FindAsync(MatchFilter.Confirmed)));

        // Changing one's mind with the current version is allowed, and audited as a change.
        var change = await As(app, Bob, m => m.DecideAsync(new MatchDecisionInput(match.First.Id, match.Second.Id, match.Kind, match.Score, MatchVerdict.Dismissed, "Checked again", confirmed.DecisionVersion)));
        Assert.IsType<MatchOutcome.Saved>(change);
        Assert.Equal("Bob Regulator", Assert.Single(await As(app, Alice, m => m.FindAsync(MatchFilter.Dismissed))).DecidedByName);
    }

    [Fact]
    public async Task A_pair_of_one_person_with_themselves_is_refused()
    {
        await using var app = await TestApp.StartAsync();
        var id = Guid.NewGuid();

        var outcome = await As(app, Alice, m => m.DecideAsync(new MatchDecisionInput(id, id, MatchKind.SamePassport, 1, MatchVerdict.Confirmed, "", null)));

        Assert.IsType<MatchOutcome.Invalid>(outcome);
    }
}
