using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using SpecialistRegistry.Domain;
using SpecialistRegistry.Features.Roster;
using SpecialistRegistry.Localization;
using SpecialistRegistry.Tests.Infrastructure;

namespace SpecialistRegistry.Tests.Features.Roster;

/// <summary>The roster grid over the real service: a link or a reload opens the page it names, counted from 1 as people count.</summary>
public sealed class RosterPageTests : BunitTestBase, IAsyncLifetime
{
    private TestApp _app = default!;
    private AsyncServiceScope? _scope;
    private Guid _firmId;

    public new async Task InitializeAsync()
    {
        _app = await TestApp.StartAsync();
        _firmId = (await TestData.AddFirmAsync(_app)).Id;
        for (var i = 1; i <= 30; i++)
            await TestData.AddSpecialistAsync(_app, _firmId, $"E{i:000}", $"员工{i:000}", $"Person {i:000}", passportNumber: $"E{i:00000000}",
                adjust: s => s.Education.Add(new Education
                {
                    Degree = i == 7 ? Degree.Doctorate : Degree.Master, Field = "Metallurgy", Institution = "USTB", Country = "China", GraduationYear = 2010,
                }));
    }

    public new async Task DisposeAsync()
    {
        await base.DisposeAsync();
        if (_scope is { } scope)
            await scope.DisposeAsync();
        await _app.DisposeAsync();
    }

    [Fact]
    public async Task A_link_to_page_2_opens_the_second_page_and_keeps_page_2_in_the_address()
    {
        using var english = CultureScope.Use("en");
        var nav = Setup();
        nav.NavigateTo("/roster?sort=EmployeeNumber&page=2");

        var page = Context.Render<RosterPage>();

        await page.WaitForAssertionAsync(() => Assert.Equal(5, page.FindAll("tbody tr.mud-table-row").Count));
        Assert.Contains("E026", page.FindAll("tbody tr.mud-table-row")[0].TextContent);
        Assert.Contains("26-30 of 30", page.Markup);
        Assert.EndsWith("/roster?sort=EmployeeNumber&page=2", nav.Uri);
    }

    [Theory]
    [InlineData("/roster?sort=EmployeeNumber&page=1")]
    [InlineData("/roster?sort=EmployeeNumber&page=0")]
    [InlineData("/roster?sort=EmployeeNumber&page=-3")]
    public async Task Page_1_zero_or_a_negative_page_is_the_first_page_and_leaves_the_address(string link)
    {
        using var english = CultureScope.Use("en");
        var nav = Setup();
        nav.NavigateTo(link);

        var page = Context.Render<RosterPage>();

        await page.WaitForAssertionAsync(() => Assert.Equal(25, page.FindAll("tbody tr.mud-table-row").Count));
        Assert.Contains("E001", page.FindAll("tbody tr.mud-table-row")[0].TextContent);
        await page.WaitForAssertionAsync(() => Assert.EndsWith("/roster?sort=EmployeeNumber", nav.Uri));
    }

    [Fact]
    public async Task A_link_with_a_degree_filter_shows_only_those_people_and_keeps_the_filter_in_the_address()
    {
        using var english = CultureScope.Use("en");
        var nav = Setup();
        nav.NavigateTo("/roster?degree=doctorate");

        var page = Context.Render<RosterPage>();

        await page.WaitForAssertionAsync(() => Assert.Single(page.FindAll("tbody tr.mud-table-row")));
        Assert.Contains("E007", page.Find("tbody tr.mud-table-row").TextContent);
        await page.WaitForAssertionAsync(() => Assert.EndsWith("/roster?degree=Doctorate", nav.Uri));
    }

    [Fact]
    public async Task Filter_values_that_do_not_parse_are_ignored_and_leave_the_address()
    {
        using var english = CultureScope.Use("en");
        var nav = Setup();
        nav.NavigateTo("/roster?degree=3&custody=Stolen&expertise=");

        var page = Context.Render<RosterPage>();

        await page.WaitForAssertionAsync(() => Assert.Equal(25, page.FindAll("tbody tr.mud-table-row").Count));
        await page.WaitForAssertionAsync(() => Assert.EndsWith("/roster", nav.Uri));
    }

    private NavigationManager Setup()
    {
        var user = TestUsers.FirmHr(_firmId);
        var scope = _app.Scope(user);
        _scope = scope;
        Context.Services.AddSingleton(scope.ServiceProvider.GetRequiredService<RosterService>());
        Context.Services.AddSingleton<TimeProvider>(_app.Clock);
        SignIn(user);
        Context.Render<MudPopoverProvider>();
        return Context.Services.GetRequiredService<NavigationManager>();
    }
}
