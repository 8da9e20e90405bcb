using Microsoft.Extensions.DependencyInjection;
using SpecialistRegistry.Domain;
using SpecialistRegistry.Features.Search;
using SpecialistRegistry.Tests.Infrastructure;

namespace SpecialistRegistry.Tests.Features.Search;

/// <summary>The same questions on each engine: SQLite answers free text through FTS5, PostgreSQL through a trigram-indexed LIKE.</summary>
public sealed class SearchProvidersTests
{
    [Theory]
    [MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task Text_facets_counts_and_exact_look_up_give_the_same_answers_on_each_engine(TestProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var data = await SearchTestData.CreateAsync(app);
        await using var scope = app.Scope(TestUsers.Regulator);
        var search = scope.ServiceProvider.GetRequiredService<SearchService>();

        async Task<string[]> Names(string url) => (await search.SearchAsync(SearchUrl.Parse(url), false)).Rows.Select(r => r.LatinName).ToArray();

        Assert.Equal(["Wang Weiming"], await Names("/search?q=伟明"));
        Assert.Equal(["Li Na"], await Names("/search?q=TSINGHUA"));
        Assert.Equal(["Chen Jie", "Wang Weiming"], await Names("/search?q=ion+exchange"));
        Assert.Equal(["Li Na"], await Names("/search?segment=RareEarthSeparation&area=SolventExtraction&custody=Overdue&flags=Open&expiring=30"));
        Assert.Equal(["Wang Weiming"], await Names("/search?q=ion&level=Expert&nationality=China&hiredAfter=2000-01-01"));
        Assert.Equal(["Chen Jie"], await Names($"/search?firm={data.Magnets.Id}&custody=NotDeposited"));
        var exact = await search.SearchAsync(new SearchQuery { Text = "p 765-4321" }, false);
        Assert.True(exact.ExactMatch);
        Assert.Equal(["Li Na"], exact.Rows.Select(r => r.LatinName));
        var facets = (await search.SearchAsync(new SearchQuery(), true)).Facets!;
        Assert.Equal(1, facets.Custody.Single(v => v.Key == nameof(CustodyFacet.Overdue)).Count);
        Assert.Equal(2, facets.Areas.Single(v => v.Key == nameof(ExpertiseArea.IonExchange)).Count);
        Assert.Equal(2, facets.Expiring.Single(v => v.Key == "90").Count);
        var bad = await search.SearchAsync(new SearchQuery { Text = "' OR 1=1; -- %_*" }, true);
        Assert.NotNull(bad.Facets);
    }
}
