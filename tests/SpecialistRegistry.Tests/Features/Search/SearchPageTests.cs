using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;
using SpecialistRegistry.Auth;
using SpecialistRegistry.Features.Search;
using SpecialistRegistry.Tests.Infrastructure;

namespace SpecialistRegistry.Tests.Features.Search;

/// <summary>The search page over the real search service and a real SQLite database: the URL is the query.</summary>
public sealed class SearchPageTests : IAsyncLifetime
{
    // Held in a field and disposed asynchronously: MudBlazor's services are async-disposable only.
    private readonly BunitContext _ctx = new();
    private TestApp _app = default!;
    private AsyncServiceScope _scope;

    public async Task InitializeAsync()
    {
        _app = await TestApp.StartAsync();
        await SearchTestData.CreateAsync(_app);
        _scope = _app.Scope(TestUsers.Regulator);
        _ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        _ctx.Services.AddMudServices();
        _ctx.Services.AddLocalization(); // the pages read their texts through IStringLocalizer, as in the app
        _ctx.Services.AddSingleton(_scope.ServiceProvider.GetRequiredService<SearchService>());
        _ctx.SetRendererInfo(new RendererInfo("Server", true));
    }

    public async Task DisposeAsync()
    {
        await _ctx.DisposeAsync();
        await _scope.DisposeAsync();
        await _app.DisposeAsync();
    }

    [Fact]
    public void The_page_is_at_search_and_only_for_regulators()
    {
        var route = Assert.Single(typeof(SearchPage).GetCustomAttributes(typeof(RouteAttribute), false).Cast<RouteAttribute>());
        var authorize = Assert.Single(typeof(SearchPage).GetCustomAttributes(typeof(Microsoft.AspNetCore.Authorization.AuthorizeAttribute), false)
            .Cast<Microsoft.AspNetCore.Authorization.AuthorizeAttribute>());

        Assert.Equal("/search", route.Template);
        Assert.Equal(Policies.SearchAllFirms, authorize.Policy);
        Assert.Equal([Roles.Regulator], Policies.RolesFor[Policies.SearchAllFirms]);
        Assert.Equal([Roles.Regulator], Policies.RolesFor[Policies.ExportSearchResults]);
    }

    [Fact]
    public void A_link_reproduces_the_search_and_the_export_links_carry_the_same_query()
    {
        _ctx.Services.GetRequiredService<NavigationManager>().NavigateTo("/search?custody=Overdue");

        var page = _ctx.Render<SearchPage>();

        page.WaitForAssertion(() => Assert.Equal("1 specialist", page.Find("[data-testid=search-total]").TextContent.Trim()));
        Assert.Contains("Li Na", page.Find("[data-testid=search-results]").TextContent);
        Assert.DoesNotContain("Wang Weiming", page.Find("[data-testid=search-results]").TextContent);
        var exports = page.FindAll("a[href^='/search/export.']").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(["/search/export.csv?custody=Overdue", "/search/export.xlsx?custody=Overdue"], exports);
    }

    [Fact]
    public void Ticking_a_facet_value_puts_it_in_the_URL_and_narrows_the_result()
    {
        var nav = _ctx.Services.GetRequiredService<NavigationManager>();
        nav.NavigateTo("/search");
        var page = _ctx.Render<SearchPage>();
        page.WaitForAssertion(() => Assert.Equal("4 specialists", page.Find("[data-testid=search-total]").TextContent.Trim()));

        page.WaitForAssertion(() => Assert.Single(page.FindAll("label"), l => l.TextContent.Contains("Germany (1)")));
        page.FindAll("label").Single(l => l.TextContent.Contains("Germany (1)")).QuerySelector("input")!.Change(true);

        page.WaitForAssertion(() => Assert.EndsWith("/search?nationality=Germany", nav.Uri));
        page.WaitForAssertion(() => Assert.Equal("1 specialist", page.Find("[data-testid=search-total]").TextContent.Trim()));
        Assert.Contains("Zhang Min", page.Find("[data-testid=search-results]").TextContent);
    }

    [Fact]
    public void Text_with_nothing_to_search_for_is_explained_on_the_page()
    {
        _ctx.Services.GetRequiredService<NavigationManager>().NavigateTo("/search?q=%25%25%27");

        var page = _ctx.Render<SearchPage>();

        page.WaitForAssertion(() => Assert.Contains("no letters or digits", page.Find("[data-testid=search-message]").TextContent));
        Assert.Equal("4 specialists", page.Find("[data-testid=search-total]").TextContent.Trim());
    }
}
