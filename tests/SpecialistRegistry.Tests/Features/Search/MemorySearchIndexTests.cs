using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SpecialistRegistry.Data;
using SpecialistRegistry.Domain;
using SpecialistRegistry.Features.Search;
using SpecialistRegistry.Features.Search.Memory;
using SpecialistRegistry.Tests.Infrastructure;

namespace SpecialistRegistry.Tests.Features.Search;

/// <summary>The in-memory index follows the database: what commits is found by the next search, nothing else is.</summary>
public sealed class MemorySearchIndexTests : IAsyncLifetime
{
    private TestApp _app = default!;
    private SearchTestData _data = default!;

    public async Task InitializeAsync()
    {
        _app = await TestApp.StartAsync();
        _data = await SearchTestData.CreateAsync(_app);
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private async Task<SearchResult> SearchAsync(string url, bool facets = false)
    {
        await using var scope = _app.Scope(TestUsers.Regulator);
        return await scope.ServiceProvider.GetRequiredService<SearchService>().SearchAsync(SearchUrl.Parse("?" + url), facets);
    }

    private async Task<string[]> NamesAsync(string url) => (await SearchAsync(url)).Rows.Select(r => r.LatinName).ToArray();

    private Task<int> ExecuteAsync(string sql) => _app.WithDbAsync(TestUsers.Admin, db => db.Database.ExecuteSqlRawAsync(sql));

    [Fact]
    public async Task The_index_is_what_answers_on_SQLite()
    {
        await SearchAsync("");
        Assert.True(_app.Get<MemorySearchIndex>().IsLoaded);
        Assert.Equal(4, _app.Get<MemorySearchIndex>().LastLoad.Documents);
    }

    [Fact]
    public async Task A_person_saved_after_the_index_loaded_is_found_by_the_next_search_with_counts_to_match()
    {
        Assert.Empty(await NamesAsync("q=okafor"));
        var before = await SearchAsync("", facets: true);

        await TestData.AddSpecialistAsync(_app, _data.Magnets.Id, "E777", "欧卡福", "Okafor Chidi", adjust: s => s.Nationality = "Nigeria");

        Assert.Equal(["Okafor Chidi"], await NamesAsync("q=okafor"));
        Assert.Equal(["Okafor Chidi"], await NamesAsync("q=卡福"));
        var after = await SearchAsync("", facets: true);
        Assert.Equal(before.Total + 1, after.Total);
        Assert.Equal(1, after.Facets!.Nationalities.Single(n => n.Key == "Nigeria").Count);
    }

    [Fact]
    public async Task An_edit_moves_a_person_between_facets_words_and_sort_positions()
    {
        Assert.Equal("Chen Jie", (await NamesAsync(""))[0]);
        await _app.WithDbAsync(TestUsers.Admin, async db =>
        {
            var wang = await db.Specialists.SingleAsync(s => s.Id == _data.Wang.Id);
            wang.LatinName = "Abbott Weiming";
            wang.Nationality = "Canada";
            await db.SaveChangesAsync();
        });

        Assert.Equal("Abbott Weiming", (await NamesAsync(""))[0]);
        Assert.Equal(["Abbott Weiming"], await NamesAsync("q=abbott"));
        Assert.Empty(await NamesAsync("q=wang"));
        Assert.Equal(["Abbott Weiming"], await NamesAsync("nationality=Canada"));
    }

    [Fact]
    public async Task A_renamed_firm_shows_its_new_name_at_once()
    {
        await SearchAsync("");
        await _app.WithDbAsync(TestUsers.Admin, async db =>
        {
            (await db.Firms.SingleAsync(f => f.Id == _data.Magnets.Id)).Name = "Ningbo Permanent Magnets";
            await db.SaveChangesAsync();
        });

        var rows = (await SearchAsync($"firm={_data.Magnets.Id}")).Rows;
        Assert.Equal(2, rows.Count);
        Assert.All(rows, r => Assert.Equal("Ningbo Permanent Magnets", r.FirmName));
    }

    [Fact]
    public async Task A_save_that_is_rolled_back_is_never_seen()
    {
        await SearchAsync("");
        await _app.WithDbAsync(TestUsers.Admin, async db =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            db.Specialists.Add(new Specialist
            {
                FirmId = _data.Magnets.Id, EmployeeNumber = "E900", FullName = "赵雷", LatinName = "Zhao Lei", Nationality = "China",
                Position = "Engineer", Department = "Plant", HireDate = new DateOnly(2020, 1, 1), DateOfBirth = new DateOnly(1990, 1, 1),
            });
            await db.SaveChangesAsync();
            // Uncommitted: another connection (the search) must not see it.
            Assert.Empty(await NamesAsync("q=zhao"));
            await transaction.RollbackAsync();
        });

        Assert.Empty(await NamesAsync("q=zhao"));
        Assert.Equal(4, (await SearchAsync("")).Total);
    }

    [Fact]
    public async Task A_change_written_outside_the_app_is_followed_and_a_removed_document_disappears()
    {
        await SearchAsync("");
        await ExecuteAsync("UPDATE SearchDocuments SET FlagState = 2 WHERE LatinName = 'Chen Jie'");
        Assert.Equal(["Chen Jie", "Li Na"], await NamesAsync("flags=Open"));

        await ExecuteAsync("DELETE FROM SearchDocuments WHERE LatinName = 'Zhang Min'");
        Assert.Empty(await NamesAsync("q=zhang"));
        Assert.Equal(3, (await SearchAsync("")).Total);
    }

    [Fact]
    public async Task When_the_log_was_pruned_past_the_index_it_loads_again_and_misses_nothing()
    {
        await SearchAsync("");
        await ExecuteAsync("UPDATE SearchDocuments SET Nationality = 'Peru' WHERE LatinName = 'Li Na'");
        // Someone pruned the log before this index applied that change.
        await ExecuteAsync($"DELETE FROM {SearchIndexSchema.ChangeLog}");
        await ExecuteAsync("UPDATE SearchDocuments SET Nationality = 'Chile' WHERE LatinName = 'Chen Jie'");

        Assert.Equal(["Li Na"], await NamesAsync("nationality=Peru"));
        Assert.Equal(["Chen Jie"], await NamesAsync("nationality=Chile"));
    }

    [Fact]
    public async Task Pruning_keeps_the_newest_entries_and_the_index_keeps_following()
    {
        await SearchAsync("");
        await ExecuteAsync("UPDATE SearchDocuments SET Nationality = 'Peru'");
        await SearchAsync("");
        var index = _app.Get<MemorySearchIndex>();

        await _app.WithDbAsync(TestUsers.Admin, db => index.PruneAsync(db, keep: 1));

        var left = await _app.WithDbAsync(TestUsers.Admin, db =>
            db.Database.SqlQueryRaw<long>($"SELECT count(*) AS \"Value\" FROM {SearchIndexSchema.ChangeLog}").SingleAsync());
        Assert.Equal(1, left);
        await ExecuteAsync("UPDATE SearchDocuments SET Nationality = 'Chile' WHERE LatinName = 'Wang Weiming'");
        Assert.Equal(["Wang Weiming"], await NamesAsync("nationality=Chile"));
        Assert.Equal(3, (await SearchAsync("nationality=Peru")).Total);
    }

    [Fact]
    public async Task Searches_running_in_parallel_with_a_stream_of_changes_all_answer_and_end_current()
    {
        await SearchAsync("");
        var writing = Task.Run(async () =>
        {
            for (var i = 0; i < 40; i++)
                await ExecuteAsync($"UPDATE SearchDocuments SET HireDate = date('2000-01-01', '{i} days'), Nationality = 'N{i % 3}' WHERE LatinName = 'Li Na'");
        });
        var searching = Enumerable.Range(0, 4).Select(n => Task.Run(async () =>
        {
            var answered = 0;
            do
            {
                var result = await SearchAsync(n % 2 == 0 ? "sort=HireDate&desc=true" : "q=li", facets: true);
                Assert.NotEmpty(result.Rows);
                answered++;
            }
            while (!writing.IsCompleted);
            return answered;
        })).ToList();

        await writing;
        Assert.All(await Task.WhenAll(searching), answered => Assert.True(answered > 0));
        Assert.Equal(["Li Na"], await NamesAsync("nationality=N0"));
        Assert.Equal("2000-02-09", (await SearchAsync("sort=HireDate&desc=true")).Rows.Single(r => r.LatinName == "Li Na").HireDate.ToString("yyyy-MM-dd"));
    }

    [Fact]
    public async Task The_index_knows_every_firm_so_only_regulators_get_answers_from_it()
    {
        await SearchAsync("");
        foreach (var user in new[] { TestUsers.FirmHr(_data.Magnets.Id), TestUsers.CustodyOfficer, TestUsers.Admin })
        {
            await using var scope = _app.Scope(user);
            var search = scope.ServiceProvider.GetRequiredService<SearchService>();
            Assert.Empty((await search.SearchAsync(new SearchQuery(), withFacets: true)).Rows);
            Assert.Null(await search.FacetsAsync(new SearchQuery()));
            var export = await search.AllRowsAsync(new SearchQuery());
            Assert.Empty(export.Rows);
            Assert.Equal("Search across firms is for regulators.", export.Message);
        }
    }
}
