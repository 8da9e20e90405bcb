using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;
using SpecialistRegistry.Features.Filings;
using SpecialistRegistry.Localization;
using SpecialistRegistry.Tests.Infrastructure;

namespace SpecialistRegistry.Tests.Features.Filings;

/// <summary>
/// The regulator's list of firms that have not filed, over the real services: exempting a firm from a quarter through
/// the dialog asks for the reason where the regulator types it, saves nothing without one, and takes the firm off the list.
/// </summary>
public sealed class NotFiledPageTests : IAsyncDisposable
{
    private readonly BunitContext _ctx = new();
    private TestApp? _app;
    private AsyncServiceScope? _scope;
    private IRenderedComponent<MudDialogProvider>? _dialogs;

    [Fact]
    public async Task Exempting_a_firm_asks_for_the_reason_in_the_dialog_then_saves_it_and_takes_the_firm_off_the_list()
    {
        using var english = CultureScope.Use("en");
        _app = await TestApp.StartAsync();
        var kit = await FilingTestKit.CreateAsync(_app);
        var nav = Setup(kit);
        nav.NavigateTo("/filings/not-filed?within=90");
        var page = _ctx.Render<NotFiledPage>();
        page.WaitForAssertion(() => Assert.Contains(kit.Firm.Name, Row(page, kit).TextContent));

        Row(page, kit).QuerySelector("[data-testid=waive]")!.Click();
        page.WaitForAssertion(() => Assert.NotEmpty(_dialogs!.FindAll("[data-testid=confirm-waive]")));
        _dialogs!.Find("[data-testid=confirm-waive]").Click();

        page.WaitForAssertion(() => Assert.Contains("Give the reason: the firm reads it.", _dialogs!.Find(".mud-dialog").TextContent));
        Assert.False(await AnyWaiverAsync(kit));

        _dialogs!.Find(".mud-dialog textarea").Change("The firm closed its magnet line in October.");
        _dialogs!.Find("[data-testid=confirm-waive]").Click();

        page.WaitForAssertion(() => Assert.Empty(_dialogs!.FindAll(".mud-dialog")));
        page.WaitForAssertion(() => Assert.DoesNotContain(page.FindAll("tbody tr.mud-table-row"), r => IsTheQuarter(r, kit)));
        await using var db = _app.OpenDb();
        var waiver = await db.FilingWaivers.SingleAsync(w => w.FirmId == kit.Firm.Id);
        Assert.Equal("The firm closed its magnet line in October.", waiver.Reason);
    }

    private static AngleSharp.Dom.IElement Row(IRenderedComponent<NotFiledPage> page, FilingTestKit kit) =>
        page.FindAll("tbody tr.mud-table-row").Single(r => IsTheQuarter(r, kit));

    private static bool IsTheQuarter(AngleSharp.Dom.IElement row, FilingTestKit kit) =>
        row.TextContent.Contains(kit.Firm.Name) && row.TextContent.Contains($"({kit.Quarter.Code})");

    private async Task<bool> AnyWaiverAsync(FilingTestKit kit)
    {
        await using var db = _app!.OpenDb();
        return await db.FilingWaivers.AnyAsync(w => w.FirmId == kit.Firm.Id);
    }

    private NavigationManager Setup(FilingTestKit kit)
    {
        _scope = _app!.Scope(kit.Regulator);
        var services = _scope.Value.ServiceProvider;
        _ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        _ctx.Services.AddMudServices();
        _ctx.Services.AddLocalization();
        _ctx.Services.AddSingleton(services.GetRequiredService<FilingQueries>());
        _ctx.Services.AddSingleton(services.GetRequiredService<FilingReviewService>());
        _ctx.Services.AddSingleton<TimeProvider>(_app.Clock);
        _ctx.SetRendererInfo(new RendererInfo("Server", true));
        _ctx.Render<MudPopoverProvider>();
        _dialogs = _ctx.Render<MudDialogProvider>();
        _ctx.Render<MudSnackbarProvider>();
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
