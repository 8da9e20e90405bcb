using Microsoft.Extensions.DependencyInjection;
using SpecialistRegistry.Domain;
using SpecialistRegistry.Features.Roster;
using SpecialistRegistry.Tests.Infrastructure;

namespace SpecialistRegistry.Tests.Features.Roster;

public sealed class RosterServiceTests : IAsyncLifetime
{
    private TestApp _app = default!;
    private Firm _firm = default!;
    private Firm _otherFirm = default!;

    public async Task InitializeAsync()
    {
        _app = await TestApp.StartAsync();
        _firm = await TestData.AddFirmAsync(_app);
        _otherFirm = await TestData.AddFirmAsync(_app, "Other");
        await TestData.AddSpecialistAsync(_app, _firm.Id, "E001", "王伟", "Wang Wei", adjust: s =>
        {
            s.Expertise.Add(new Expertise { Area = ExpertiseArea.IonExchange, Level = ExpertiseLevel.Basic, Years = 3 });
            s.Expertise.Add(new Expertise { Area = ExpertiseArea.SolventExtraction, Level = ExpertiseLevel.Expert, Years = 12 });
            s.Education.Add(new Education { Degree = Degree.Bachelor, Field = "Chemistry", Institution = "CSU", Country = "China", GraduationYear = 2007 });
            s.Education.Add(new Education { Degree = Degree.Doctorate, Field = "Metallurgy", Institution = "USTB", Country = "China", GraduationYear = 2012 });
        });
        await TestData.AddSpecialistAsync(_app, _firm.Id, "E002", "李娜", "Li Na");
        await TestData.AddSpecialistAsync(_app, _firm.Id, "E003", "张敏", "Zhang Min", adjust: s => s.RecordLeaving(new DateOnly(2025, 1, 31), "Retired"));
        for (var i = 10; i < 40; i++)
            await TestData.AddSpecialistAsync(_app, _firm.Id, $"E{i:D3}", "陈杰", $"Chen Jie {i}");
        await TestData.AddSpecialistAsync(_app, _otherFirm.Id, "E001", "王伟", "Wang Wei");
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task The_roster_holds_only_the_users_own_firm_and_current_staff_by_default()
    {
        var result = await QueryAsync(new RosterQuery(PageSize: 200));

        Assert.Equal(32, result.Total);
        Assert.DoesNotContain(result.Rows, r => r.EmployeeNumber == "E003");
    }

    [Fact]
    public async Task Search_finds_by_Chinese_name_Latin_name_in_any_case_and_employee_number()
    {
        Assert.Equal(["E001"], (await QueryAsync(new RosterQuery("王伟"))).Rows.Select(r => r.EmployeeNumber));
        Assert.Equal(["E002"], (await QueryAsync(new RosterQuery("li na"))).Rows.Select(r => r.EmployeeNumber));
        Assert.Equal(["E002"], (await QueryAsync(new RosterQuery("e002"))).Rows.Select(r => r.EmployeeNumber));
        Assert.Empty((await QueryAsync(new RosterQuery("%"))).Rows);
    }

    [Fact]
    public async Task The_status_filter_shows_people_who_left()
    {
        var left = await QueryAsync(new RosterQuery(Status: EmploymentStatus.Left));
        var everyone = await QueryAsync(new RosterQuery(Status: null));

        Assert.Equal(["E003"], left.Rows.Select(r => r.EmployeeNumber));
        Assert.Equal(33, everyone.Total);
    }

    [Fact]
    public async Task Pages_and_sorting_are_done_by_the_database()
    {
        var second = await QueryAsync(new RosterQuery(Sort: RosterSort.EmployeeNumber, Page: 1, PageSize: 10));
        var descending = await QueryAsync(new RosterQuery(Sort: RosterSort.EmployeeNumber, Descending: true, PageSize: 1));

        Assert.Equal(32, second.Total);
        Assert.Equal(10, second.Rows.Count);
        Assert.Equal("E018", second.Rows[0].EmployeeNumber); // E001, E002, E010 … E017 fill the first page
        Assert.Equal("E039", descending.Rows.Single().EmployeeNumber);
    }

    [Fact]
    public async Task A_row_shows_the_main_expertise_and_the_highest_degree()
    {
        var row = (await QueryAsync(new RosterQuery("E001"))).Rows.Single();

        Assert.Equal(ExpertiseArea.SolventExtraction, row.MainExpertise);
        Assert.Equal(Degree.Doctorate, row.HighestDegree);
    }

    private async Task<RosterResult> QueryAsync(RosterQuery query)
    {
        await using var scope = _app.Scope(TestUsers.FirmHr(_firm.Id));
        return await scope.ServiceProvider.GetRequiredService<RosterService>().QueryAsync(query);
    }
}
