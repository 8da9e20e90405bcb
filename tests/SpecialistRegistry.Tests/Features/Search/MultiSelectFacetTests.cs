using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SpecialistRegistry.Data;
using SpecialistRegistry.Domain;
using SpecialistRegistry.Features.Search;
using SpecialistRegistry.Tests.Infrastructure;

namespace SpecialistRegistry.Tests.Features.Search;

/// <summary>
/// Ticking a value must not hide the other values of its own facet: a facet's counts are taken without its own
/// filter, the other facets' with it. Asked of SQL on every engine and of the in-memory index where it runs (SQLite).
/// </summary>
public sealed class MultiSelectFacetTests
{
    public static TheoryData<TestProvider> Providers => TestProviders.All;

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Ticking_one_value_keeps_the_other_values_of_that_facet_countable(TestProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var data = await SearchTestData.CreateAsync(app);

        foreach (var facets in await BothEnginesAsync(app, SearchUrl.Parse("/search?custody=Held")))
        {
            // Own facet widened: Wang is held, Li overdue, Chen not deposited, Zhang has no passport.
            Assert.Equal(1, Count(facets.Custody, nameof(CustodyFacet.Held)));
            Assert.Equal(1, Count(facets.Custody, nameof(CustodyFacet.Overdue)));
            Assert.Equal(1, Count(facets.Custody, nameof(CustodyFacet.NotDeposited)));
            Assert.Equal(1, Count(facets.Custody, nameof(CustodyFacet.NoPassport)));
            // Other facets still narrowed by "Held": only Wang, at the separation firm.
            Assert.Equal(1, Count(facets.Firms, data.Separation.Id.ToString()));
            Assert.Equal(0, Count(facets.Firms, data.Magnets.Id.ToString()));
            Assert.Equal(0, Count(facets.Segments, nameof(IndustrySegment.PermanentMagnets)));
        }

        foreach (var facets in await BothEnginesAsync(app, SearchUrl.Parse($"/search?firm={data.Separation.Id}")))
        {
            Assert.Equal(2, Count(facets.Firms, data.Separation.Id.ToString()));
            Assert.Equal(2, Count(facets.Firms, data.Magnets.Id.ToString()));
            Assert.Equal(0, Count(facets.Custody, nameof(CustodyFacet.NoPassport)));
        }

        // Two facets: each one's counts are narrowed by the other, never by itself.
        foreach (var facets in await BothEnginesAsync(app, SearchUrl.Parse("/search?custody=Held&segment=PermanentMagnets")))
        {
            Assert.Equal(0, Count(facets.Custody, nameof(CustodyFacet.Held)));
            Assert.Equal(1, Count(facets.Custody, nameof(CustodyFacet.NotDeposited)));
            Assert.Equal(1, Count(facets.Custody, nameof(CustodyFacet.NoPassport)));
            Assert.Equal(1, Count(facets.Segments, nameof(IndustrySegment.RareEarthSeparation)));
            Assert.Equal(0, Count(facets.Segments, nameof(IndustrySegment.PermanentMagnets)));
            Assert.Equal(0, Count(facets.Firms, data.Separation.Id.ToString()));
        }
    }

    /// <summary>The facets of the in-memory index (SQLite only) and of SQL for the same question.</summary>
    private static async Task<List<SearchFacets>> BothEnginesAsync(TestApp app, SearchQuery query)
    {
        await using var scope = app.Scope(TestUsers.Regulator);
        var answers = new List<SearchFacets>();
        var sql = ActivatorUtilities.CreateInstance<SearchService>(scope.ServiceProvider, Options.Create(new RegistryOptions { SearchInMemory = false }));
        answers.Add((await sql.SearchAsync(query, withFacets: true)).Facets!);
        answers.Add((await sql.FacetsAsync(query))!);
        if (app.Provider == TestProvider.Sqlite)
            answers.Add((await scope.ServiceProvider.GetRequiredService<SearchService>().SearchAsync(query, withFacets: true)).Facets!);
        return answers;
    }

    private static int Count(IReadOnlyList<FacetValue> values, string key) => values.SingleOrDefault(v => v.Key == key)?.Count ?? 0;
}
