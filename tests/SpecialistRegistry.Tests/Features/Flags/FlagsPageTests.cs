using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;
using SpecialistRegistry.Auth;
using SpecialistRegistry.Domain;
using SpecialistRegistry.Features.Flags;
using SpecialistRegistry.Tests.Infrastructure;

namespace SpecialistRegistry.Tests.Features.Flags;

/// <summary>The flags list over the real services: a shared link reproduces the view, and the view writes itself into the URL.</summary>
public sealed class FlagsPageTests : IAsyncDisposable
{
    private readonly BunitContext _ctx = new();
    private TestApp? _app;
    private AsyncServiceScope? _scope;

    [Fact]
    public void The_page_is_at_flags_and_only_for_regulators()
    {
        var route = Assert.Single(typeof(FlagsPage).GetCustomAttributes(typeof(RouteAttribute), false).Cast<RouteAttribute>());
        var authorize = Assert.Single(typeof(FlagsPage).GetCustomAttributes(typeof(Microsoft.AspNetCore.Authorization.AuthorizeAttribute), false)
            .Cast<Microsoft.AspNetCore.Authorization.AuthorizeAttribute>());

        Assert.Equal("/flags", route.Template);
        Assert.Equal(Policies.FlagsAndWatches, authorize.Policy);
        Assert.Equal([Roles.Regulator], Policies.RolesFor[Policies.FlagsAndWatches]);
    }

    [Fact]
    public async Task A_link_with_filters_shows_exactly_those_flags_and_bad_values_fall_back_to_defaults()
    {
        _app = await TestApp.StartAsync();
        var firm = await TestData.AddFirmAsync(_app);
        var wang = await TestData.AddSpecialistAsync(_app, firm.Id, "E-1", "王伟", "Wang Wei");
        var li = await TestData.AddSpecialistAsync(_app, firm.Id, "E-2", "李娜", "Li Na");
        await RaiseAsync(wang.Id, FlagSeverity.High, "Wang high");
        await RaiseAsync(wang.Id, FlagSeverity.Low, "Wang low");
        await RaiseAsync(li.Id, FlagSeverity.High, "Li high");
        var nav = Setup();

        nav.NavigateTo("/flags?severity=High&q=wang&reason=NotAReason&page=-3");
        var page = _ctx.Render<FlagsPage>();

        page.WaitForAssertion(() => Assert.Single(page.FindAll("tbody tr.mud-table-row")));
        Assert.Contains("Wang high", page.Find("tbody").TextContent);
        Assert.Contains("Rows per page", page.Markup);
        // The URL is rewritten to the view actually shown: the invalid reason and page are gone.
        page.WaitForAssertion(() => Assert.EndsWith("/flags?severity=High&q=wang", nav.Uri));
    }

    private async Task RaiseAsync(Guid specialistId, FlagSeverity severity, string note)
    {
        await using var scope = _app!.Scope(TestUsers.Regulator);
        Assert.IsType<FlagOutcome.Saved>(await scope.ServiceProvider.GetRequiredService<FlagService>()
            .RaiseAsync(new RaiseFlagInput(specialistId, FlagReason.Other, severity, note)));
    }

    private NavigationManager Setup()
    {
        _scope = _app!.Scope(TestUsers.Regulator);
        _ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        _ctx.Services.AddMudServices();
        _ctx.Services.AddLocalization(); // the pages read their texts through IStringLocalizer, as in the app
        _ctx.Services.AddSingleton(_scope.Value.ServiceProvider.GetRequiredService<FlagService>());
        _ctx.SetRendererInfo(new RendererInfo("Server", true));
        _ctx.Render<MudPopoverProvider>();
        _ctx.Render<MudDialogProvider>();
        return _ctx.Services.GetRequiredService<NavigationManager>();
    }

    public async ValueTask DisposeAsync()
    {
        await _ctx.DisposeAsync();
        if (_scope is { } scope)
            await scope.DisposeAsync();
        if (_app is not null)
            await _app.DisposeAsync();
    }
}
