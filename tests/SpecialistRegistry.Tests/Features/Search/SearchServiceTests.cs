using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SpecialistRegistry.Data;
using SpecialistRegistry.Domain;
using SpecialistRegistry.Features.Search;
using SpecialistRegistry.Tests.Infrastructure;

namespace SpecialistRegistry.Tests.Features.Search;

public sealed class SearchServiceTests : IAsyncLifetime
{
    private TestApp _app = default!;
    private SearchTestData _data = default!;

    public async Task InitializeAsync()
    {
        _app = await TestApp.StartAsync();
        _data = await SearchTestData.CreateAsync(_app);
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private async Task<SearchResult> SearchAsync(SearchQuery query, bool facets = false, System.Security.Claims.ClaimsPrincipal? user = null)
    {
        await using var scope = _app.Scope(user ?? TestUsers.Regulator);
        return await scope.ServiceProvider.GetRequiredService<SearchService>().SearchAsync(query, facets);
    }

    private async Task<string[]> NamesAsync(string url) => (await SearchAsync(SearchUrl.Parse(url))).Rows.Select(r => r.LatinName).ToArray();

    [Theory]
    [InlineData("伟明", "Wang Weiming")]
    [InlineData("王伟明", "Wang Weiming")]
    [InlineData("李娜", "Li Na")]
    [InlineData("wang", "Wang Weiming")]
    [InlineData("WEIM", "Wang Weiming")]
    [InlineData("e002", "Li Na")]
    [InlineData("tsinghua", "Li Na")]
    [InlineData("Central South", "Wang Weiming")]
    [InlineData("materials science", "Zhang Min")]
    [InlineData("neodymium", "Wang Weiming")]
    [InlineData("sintering", "Zhang Min")]
    [InlineData("li chemistry", "Li Na")]
    public async Task Free_text_finds_names_in_both_scripts_employee_numbers_institutions_fields_research_and_expertise(string text, string expected)
    {
        var result = await SearchAsync(new SearchQuery { Text = text });

        Assert.Equal([expected], result.Rows.Select(r => r.LatinName));
        Assert.Null(result.Message);
    }

    [Fact]
    public async Task Free_text_across_people_returns_each_match_once()
    {
        Assert.Equal(["Chen Jie", "Wang Weiming"], await NamesAsync("/search?q=ion+exchange"));
        Assert.Empty(await NamesAsync("/search?q=nobody+here"));
    }

    [Theory]
    [InlineData("?segment=PermanentMagnets", new[] { "Chen Jie", "Zhang Min" })]
    [InlineData("?segment=RareEarthSeparation&segment=PermanentMagnets", new[] { "Chen Jie", "Li Na", "Wang Weiming", "Zhang Min" })]
    [InlineData("?area=IonExchange", new[] { "Chen Jie", "Wang Weiming" })]
    [InlineData("?area=IonExchange&level=Advanced", new[] { "Wang Weiming" })]
    [InlineData("?area=IonExchange&area=SolventExtraction", new[] { "Chen Jie", "Li Na", "Wang Weiming" })]
    [InlineData("?level=Advanced", new[] { "Wang Weiming", "Zhang Min" })]
    [InlineData("?degree=Master&degree=Doctorate", new[] { "Wang Weiming", "Zhang Min" })]
    [InlineData("?custody=Held", new[] { "Wang Weiming" })]
    [InlineData("?custody=Overdue", new[] { "Li Na" })]
    [InlineData("?custody=Released", new string[0])]
    [InlineData("?custody=NoPassport", new[] { "Zhang Min" })]
    [InlineData("?custody=NotDeposited&custody=Overdue", new[] { "Chen Jie", "Li Na" })]
    [InlineData("?flags=Open", new[] { "Li Na" })]
    [InlineData("?flags=ResolvedOnly", new[] { "Zhang Min" })]
    [InlineData("?flags=None", new[] { "Chen Jie", "Wang Weiming" })]
    [InlineData("?nationality=Germany", new[] { "Zhang Min" })]
    [InlineData("?expiring=30", new[] { "Li Na" })]
    [InlineData("?expiring=90", new[] { "Chen Jie", "Li Na" })]
    [InlineData("?hiredAfter=2019-12-31", new[] { "Li Na", "Zhang Min" })]
    [InlineData("?segment=RareEarthSeparation&area=SolventExtraction&custody=Overdue&flags=Open&expiring=30", new[] { "Li Na" })]
    [InlineData("?segment=PermanentMagnets&custody=Held", new string[0])]
    [InlineData("?q=ion&segment=PermanentMagnets", new[] { "Chen Jie" })]
    [InlineData("?q=ion&level=Expert&nationality=China&hiredAfter=2000-01-01", new[] { "Wang Weiming" })]
    public async Task Each_facet_narrows_the_result_values_within_a_facet_widen_it_and_facets_combine(string url, string[] expected)
    {
        Assert.Equal(expected, await NamesAsync("/search" + url));
    }

    [Fact]
    public async Task The_firm_facet_keeps_one_firms_people()
    {
        var result = await SearchAsync(new SearchQuery { Firms = [_data.Magnets.Id] });

        Assert.Equal(["Chen Jie", "Zhang Min"], result.Rows.Select(r => r.LatinName));
        Assert.All(result.Rows, r => Assert.Equal(_data.Magnets.Name, r.FirmName));
    }

    [Fact]
    public async Task Facet_counts_describe_the_current_result()
    {
        var all = (await SearchAsync(new SearchQuery(), facets: true)).Facets!;

        Assert.Equal(2, Count(all.Firms, _data.Separation.Id.ToString()));
        Assert.Equal(2, Count(all.Segments, nameof(IndustrySegment.PermanentMagnets)));
        Assert.Equal(2, Count(all.Areas, nameof(ExpertiseArea.IonExchange)));
        Assert.Equal(2, Count(all.Levels, nameof(ExpertiseLevel.Advanced)));
        Assert.Equal(4, Count(all.Levels, nameof(ExpertiseLevel.Basic)));
        Assert.Equal(1, Count(all.Degrees, nameof(Degree.Doctorate)));
        Assert.Equal(1, Count(all.Custody, nameof(CustodyFacet.Held)));
        Assert.Equal(1, Count(all.Custody, nameof(CustodyFacet.Overdue)));
        Assert.Equal(0, Count(all.Custody, nameof(CustodyFacet.Released)));
        Assert.Equal(1, Count(all.Custody, nameof(CustodyFacet.NoPassport)));
        Assert.Equal(1, Count(all.Flags, nameof(SearchFlagState.Open)));
        Assert.Equal(2, Count(all.Flags, nameof(SearchFlagState.None)));
        Assert.Equal(3, Count(all.Nationalities, "China"));
        Assert.Equal(1, Count(all.Expiring, "30"));
        Assert.Equal(2, Count(all.Expiring, "90"));

        var magnets = (await SearchAsync(SearchUrl.Parse("/search?segment=PermanentMagnets"), facets: true)).Facets!;
        // The segment facet's own counts ignore the segment ticked, so another segment can be added.
        Assert.Equal(2, Count(magnets.Segments, nameof(IndustrySegment.RareEarthSeparation)));
        Assert.Equal(1, Count(magnets.Custody, nameof(CustodyFacet.NotDeposited)));
        Assert.Equal(0, Count(magnets.Custody, nameof(CustodyFacet.Held)));
        Assert.Equal(1, Count(magnets.Nationalities, "Germany"));
    }

    [Fact]
    public async Task Facets_counted_on_their_own_match_those_counted_with_the_page()
    {
        var query = SearchUrl.Parse("/search?q=ion&segment=PermanentMagnets&segment=RareEarthSeparation");
        await using var scope = _app.Scope(TestUsers.Regulator);
        var search = scope.ServiceProvider.GetRequiredService<SearchService>();

        var alone = await search.FacetsAsync(query);
        var together = (await search.SearchAsync(query, withFacets: true)).Facets!;

        Assert.NotNull(alone);
        Assert.Equal(together.Areas, alone.Areas);
        Assert.Equal(together.Custody, alone.Custody);
        Assert.Equal(together.Firms, alone.Firms);
        await using var hrScope = _app.Scope(TestUsers.FirmHr(_data.Separation.Id));
        Assert.Null(await hrScope.ServiceProvider.GetRequiredService<SearchService>().FacetsAsync(query));
    }

    private static int Count(IReadOnlyList<FacetValue> values, string key) => values.SingleOrDefault(v => v.Key == key)?.Count ?? 0;

    [Theory]
    [InlineData("E12345678", "Wang Weiming")]
    [InlineData("e 1234-5678", "Wang Weiming")]
    [InlineData("p7654321", "Li Na")]
    [InlineData("110101-19850314-0011", "Wang Weiming")]
    public async Task A_full_passport_or_national_ID_number_finds_its_holder_exactly(string typed, string expected)
    {
        var result = await SearchAsync(new SearchQuery { Text = typed, Segments = [IndustrySegment.PermanentMagnets] });

        Assert.True(result.ExactMatch);
        Assert.Equal([expected], result.Rows.Select(r => r.LatinName));
    }

    [Fact]
    public async Task A_number_nobody_holds_is_searched_as_text_and_finds_nothing()
    {
        var result = await SearchAsync(new SearchQuery { Text = "X99999999" });

        Assert.False(result.ExactMatch);
        Assert.Empty(result.Rows);
    }

    [Fact]
    public async Task Pages_and_sorting_happen_in_the_database()
    {
        for (var i = 0; i < 30; i++)
            await TestData.AddSpecialistAsync(_app, _data.Magnets.Id, $"F{i:D3}", "填充", $"Filler {i:D2}", adjust: s => s.HireDate = new DateOnly(2000, 1, 1).AddDays(i));

        var page2 = await SearchAsync(new SearchQuery { Firms = [_data.Magnets.Id], PageSize = 25, Page = 2 });
        var newest = await SearchAsync(new SearchQuery { Sort = SearchSort.HireDate, Descending = true, PageSize = 25 });
        var byNumber = await SearchAsync(new SearchQuery { Sort = SearchSort.EmployeeNumber, Descending = true, PageSize = 25 });

        Assert.Equal(32, page2.Total);
        Assert.Equal(7, page2.Rows.Count);
        Assert.Equal("Zhang Min", page2.Rows[^1].LatinName);
        Assert.Equal(["Zhang Min", "Li Na", "Wang Weiming"], newest.Rows.Take(3).Select(r => r.LatinName));
        Assert.Equal("F029", byNumber.Rows[0].EmployeeNumber);
    }

    [Fact]
    public async Task Edits_custody_flags_and_firm_changes_are_searchable_as_soon_as_they_are_saved()
    {
        await _app.WithDbAsync(TestUsers.Admin, async db =>
        {
            var chen = await db.Specialists.Include(s => s.Passports).Include(s => s.Expertise).SingleAsync(s => s.Id == _data.Chen.Id);
            chen.LatinName = "Chen Jiewen";
            chen.Expertise.Add(new Expertise { Area = ExpertiseArea.SmCoMagnets, Level = ExpertiseLevel.Expert, Years = 4 });
            chen.Passports[0].HandIn(new CustodyEvent { Kind = CustodyEventKind.HandIn, OccurredAt = _app.Clock.GetUtcNow(), OfficerId = "c", OfficerName = "Officer" });
            db.Flags.Add(new Flag { SpecialistId = chen.Id, Reason = FlagReason.Other, Severity = FlagSeverity.Low, Note = "Check", RaisedById = "r", RaisedAt = _app.Clock.GetUtcNow() });
            (await db.Firms.SingleAsync(f => f.Id == _data.Magnets.Id)).Name = "Ningbo Magnet Works";
            await db.SaveChangesAsync();
        });

        var found = Assert.Single((await SearchAsync(new SearchQuery { Text = "jiewen" })).Rows);
        Assert.Equal(CustodyFacet.Held, found.Custody);
        Assert.Equal(SearchFlagState.Open, found.FlagState);
        Assert.Equal("Ningbo Magnet Works", found.FirmName);
        Assert.Equal(["Chen Jiewen"], await NamesAsync("/search?area=SmCoMagnets&level=Expert"));
        var magnets = await SearchAsync(new SearchQuery { Firms = [_data.Magnets.Id] });
        Assert.All(magnets.Rows, r => Assert.Equal("Ningbo Magnet Works", r.FirmName));
        Assert.Equal(2, magnets.Total);
    }

    [Fact]
    public async Task Removing_a_list_entry_or_retiring_a_passport_updates_the_document()
    {
        await _app.WithDbAsync(TestUsers.Admin, async db =>
        {
            var wang = await db.Specialists.Include(s => s.Passports).Include(s => s.Expertise).SingleAsync(s => s.Id == _data.Wang.Id);
            db.Expertise.Remove(wang.Expertise[0]);
            wang.Passports[0].Retire(new CustodyEvent { Kind = CustodyEventKind.Retired, OccurredAt = _app.Clock.GetUtcNow(), OfficerId = "c", OfficerName = "Officer" });
            await db.SaveChangesAsync();
        });

        Assert.Empty(await NamesAsync("/search?q=wang&area=IonExchange"));
        Assert.Equal(CustodyFacet.NoPassport, Assert.Single((await SearchAsync(new SearchQuery { Text = "wang" })).Rows).Custody);
    }

    [Fact]
    public async Task A_save_that_fails_leaves_the_index_as_it_was()
    {
        var before = await _app.WithDbAsync(null, db => db.SearchDocuments.CountAsync());

        await Assert.ThrowsAsync<DbUpdateException>(() => TestData.AddSpecialistAsync(_app, _data.Separation.Id, "E001", "重复", "Duplicate Number"));

        Assert.Equal(before, await _app.WithDbAsync(null, db => db.SearchDocuments.CountAsync()));
        Assert.Empty(await NamesAsync("/search?q=duplicate"));
    }

    [Fact]
    public async Task The_derived_search_rows_are_not_audited_but_the_specialists_are()
    {
        await using var db = _app.OpenDb();

        Assert.False(await db.AuditEntries.AnyAsync(a => a.EntityType == nameof(SearchDocument) || a.EntityType == nameof(SearchText)));
        Assert.True(await db.AuditEntries.AnyAsync(a => a.EntityType == nameof(Specialist) && a.EntityKey == _data.Wang.Id.ToString()));
        Assert.Equal(await db.Specialists.CountAsync(), await db.SearchDocuments.CountAsync());
    }

    [Fact]
    public async Task A_database_without_search_rows_gets_them_rebuilt_at_start_up()
    {
        await using (var db = _app.OpenDb())
        {
            await db.Database.ExecuteSqlRawAsync("DELETE FROM SearchDocuments");
            Assert.Empty(await NamesAsync("/search?q=wang"));
            await SearchIndexSchema.EnsureAsync(db);
        }

        Assert.Equal(["Wang Weiming"], await NamesAsync("/search?q=wang"));
        Assert.Equal(["Li Na"], await NamesAsync("/search?custody=Overdue"));
    }

    public static TheoryData<string> OddInput => new()
    {
        "\"", "'", "%", "*", "%%%", "_", "\\", "' OR 1=1 --", "\"; DROP TABLE Specialists; --", "wang\" OR \"1\"=\"1",
        "NEAR(wang li)", "wang AND OR NOT", "^wang", "Text:wang", "wang*", "(li", "{li}", "王\"伟", "💥", "   ",
        new string('a', 200), new string('x', 5000), string.Concat(Enumerable.Repeat("王' %* ", 1000)),
        string.Join(' ', Enumerable.Range(0, 40).Select(i => $"w{i}")),
    };

    [Theory]
    [MemberData(nameof(OddInput))]
    public async Task Odd_characters_SQL_fragments_and_very_long_text_give_a_normal_result_or_a_clear_message(string text)
    {
        var result = await SearchAsync(new SearchQuery { Text = text }, facets: true);

        Assert.True(result.Message is not null || result.Facets is not null);
        if (text.Length > SearchQuery.MaxTextLength)
            Assert.Contains("limit", result.Message);
        await using var db = _app.OpenDb();
        Assert.Equal(4, await db.Specialists.CountAsync());
    }

    [Fact]
    public async Task Text_without_letters_or_digits_is_left_out_and_said_so()
    {
        var result = await SearchAsync(new SearchQuery { Text = "%*'" });

        Assert.Equal(4, result.Total);
        Assert.Contains("no letters or digits", result.Message);
    }

    [Fact]
    public async Task Firm_HR_custody_officers_and_admins_get_nothing_from_the_search()
    {
        foreach (var user in new[] { TestUsers.FirmHr(_data.Separation.Id), TestUsers.CustodyOfficer, TestUsers.Admin })
        {
            var result = await SearchAsync(new SearchQuery(), facets: true, user: user);
            Assert.Empty(result.Rows);
            Assert.Null(result.Facets);
            Assert.NotNull(result.Message);
        }
    }
}
