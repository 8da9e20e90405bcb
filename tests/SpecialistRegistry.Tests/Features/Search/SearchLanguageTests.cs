using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using SpecialistRegistry.Domain;
using SpecialistRegistry.Features.Search;
using SpecialistRegistry.Localization;
using SpecialistRegistry.Tests.Infrastructure;

namespace SpecialistRegistry.Tests.Features.Search;

/// <summary>
/// Search works on both scripts whichever language the regulator reads the portal in, and finds an expertise
/// area by its name in either language whichever language the record was saved in.
/// </summary>
public sealed class SearchLanguageTests
{
    public static TheoryData<TestProvider, string> ProvidersAndCultures
    {
        get
        {
            var data = new TheoryData<TestProvider, string>();
            foreach (var provider in TestProviders.All)
                foreach (var culture in new[] { "zh-CN", "en" })
                    data.Add(provider, culture);
            return data;
        }
    }

    [Theory]
    [MemberData(nameof(ProvidersAndCultures))]
    public async Task A_Chinese_name_part_and_a_Latin_prefix_find_the_same_person_in_either_language(TestProvider provider, string culture)
    {
        await using var app = await TestApp.StartAsync(provider);
        var data = await SearchTestData.CreateAsync(app);

        using var _ = CultureScope.Use(CultureInfo.GetCultureInfo(culture));
        var byChinese = await SearchAsync(app, "伟明");
        var byLatinPrefix = await SearchAsync(app, "wan");

        Assert.Equal([data.Wang.Id], byChinese.Rows.Select(r => r.SpecialistId));
        Assert.Equal([data.Wang.Id], byLatinPrefix.Rows.Select(r => r.SpecialistId));
        Assert.Null(byChinese.Message);
    }

    [Theory]
    [MemberData(nameof(ProvidersAndCultures))]
    public async Task An_expertise_area_is_found_by_its_Chinese_and_its_English_name_whoever_saved_it(TestProvider provider, string culture)
    {
        await using var app = await TestApp.StartAsync(provider);
        var firm = await TestData.AddFirmAsync(app);
        Specialist saved;
        // Saved by someone working in the other language than the one searching.
        using (CultureScope.Use(CultureInfo.GetCultureInfo(culture == "en" ? "zh-CN" : "en")))
            saved = await TestData.AddSpecialistAsync(app, firm.Id, "E-9", "赵磊", "Zhao Lei",
                adjust: s => s.Expertise.Add(new Expertise { Area = ExpertiseArea.NdFeBSintering, Level = ExpertiseLevel.Advanced, Years = 5 }));

        using var _ = CultureScope.Use(CultureInfo.GetCultureInfo(culture));
        Assert.Equal([saved.Id], (await SearchAsync(app, "钕铁硼烧结")).Rows.Select(r => r.SpecialistId));
        Assert.Equal([saved.Id], (await SearchAsync(app, "NdFeB sintering")).Rows.Select(r => r.SpecialistId));
    }

    [Fact]
    public async Task Facet_labels_and_messages_follow_the_regulators_language()
    {
        await using var app = await TestApp.StartAsync();
        await SearchTestData.CreateAsync(app);

        using var _ = CultureScope.Use(CultureInfo.GetCultureInfo("zh-CN"));
        var result = await SearchAsync(app, "%%'", facets: true);

        Assert.Equal("检索内容中没有可供检索的文字或数字，已忽略。", result.Message);
        var facets = result.Facets!;
        Assert.Equal("逾期未还", facets.Custody.Single(v => v.Key == nameof(CustodyFacet.Overdue)).Label);
        Assert.Equal("有未解决的标记", facets.Flags.Single(v => v.Key == nameof(SearchFlagState.Open)).Label);
        Assert.Equal("专家及以上", facets.Levels.Single(v => v.Key == nameof(ExpertiseLevel.Expert)).Label);
        Assert.Equal("德国", facets.Nationalities.Single(v => v.Key == "Germany").Label);
        Assert.Equal("30 天内", facets.Expiring.Single(v => v.Key == "30").Label);
        Assert.Equal("永磁材料", facets.Segments.Single(v => v.Key == nameof(IndustrySegment.PermanentMagnets)).Label);
    }

    private static async Task<SearchResult> SearchAsync(TestApp app, string text, bool facets = false)
    {
        await using var scope = app.Scope(TestUsers.Regulator);
        return await scope.ServiceProvider.GetRequiredService<SearchService>().SearchAsync(new SearchQuery { Text = text }, facets);
    }
}
