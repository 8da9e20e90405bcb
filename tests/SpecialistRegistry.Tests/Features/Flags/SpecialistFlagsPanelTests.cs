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

/// <summary>The flags panel over the real services: what it shows, and what a regulator who lost a race is told.</summary>
public sealed class SpecialistFlagsPanelTests : IAsyncDisposable
{
    private readonly BunitContext _ctx = new();
    private TestApp? _app;
    private AsyncServiceScope? _scope;
    private IRenderedComponent<MudDialogProvider>? _dialogs;

    [Fact]
    public async Task Lists_open_flags_first_with_resolve_and_resolved_ones_with_reopen()
    {
        var (app, specialist) = await StartAsync();
        var open = await RaiseAsync(app, specialist.Id, "Open one");
        var closed = await RaiseAsync(app, specialist.Id, "Closed one");
        await AsOtherRegulator(app, async f => await f.ResolveAsync(closed, (await f.GetAsync(closed))!.Version, "Settled"));

        var panel = Render(specialist.Id);

        panel.WaitForAssertion(() => Assert.Equal(2, panel.FindAll("[data-testid=flag]").Count));
        var flags = panel.FindAll("[data-testid=flag]");
        Assert.Contains("Open one", flags[0].TextContent);
        Assert.NotNull(flags[0].QuerySelector("[data-testid=resolve-flag]"));
        Assert.Contains("Resolved: Settled", flags[1].TextContent);
        Assert.NotNull(flags[1].QuerySelector("[data-testid=reopen-flag]"));
        Assert.NotEqual(open, closed);
    }

    [Fact]
    public async Task A_regulator_resolving_a_flag_someone_else_resolved_meanwhile_is_told_and_keeps_their_note()
    {
        var (app, specialist) = await StartAsync();
        var id = await RaiseAsync(app, specialist.Id, "Unreported trip");
        var panel = Render(specialist.Id);
        panel.WaitForAssertion(() => Assert.Single(panel.FindAll("[data-testid=resolve-flag]")));

        // Another regulator resolves it after this page loaded it.
        await AsOtherRegulator(app, async f => await f.ResolveAsync(id, (await f.GetAsync(id))!.Version, "Approval found"));
        panel.Find("[data-testid=resolve-flag]").Click();
        var dialogs = _dialogs!;
        dialogs.WaitForAssertion(() => dialogs.Find("textarea[data-testid=resolution-note]"));
        dialogs.Find("textarea[data-testid=resolution-note]").Change("Passport back in the safe");
        dialogs.Find("[data-testid=confirm-resolve]").Click();

        panel.WaitForAssertion(() => Assert.Contains("your change was not saved", panel.Find("[data-testid=flag-conflict]").TextContent));
        Assert.Contains("Passport back in the safe", panel.Find("[data-testid=flag-conflict]").TextContent);
        panel.WaitForAssertion(() => Assert.Contains("Resolved: Approval found", panel.Find("[data-testid=flag]").TextContent));
        await using var scope = app.Scope(TestUsers.Regulator);
        var stored = await scope.ServiceProvider.GetRequiredService<FlagService>().GetAsync(id);
        Assert.Equal("Approval found", stored!.ResolutionNote);
    }

    private async Task<(TestApp, Specialist)> StartAsync()
    {
        _app = await TestApp.StartAsync();
        var firm = await TestData.AddFirmAsync(_app);
        var specialist = await TestData.AddSpecialistAsync(_app, firm.Id, "E-1");
        return (_app, specialist);
    }

    private static async Task<Guid> RaiseAsync(TestApp app, Guid specialistId, string note)
    {
        await using var scope = app.Scope(TestUsers.Regulator);
        var outcome = await scope.ServiceProvider.GetRequiredService<FlagService>()
            .RaiseAsync(new RaiseFlagInput(specialistId, FlagReason.UnreportedTravel, FlagSeverity.Medium, note));
        return Assert.IsType<FlagOutcome.Saved>(outcome).Id;
    }

    private static async Task AsOtherRegulator(TestApp app, Func<FlagService, Task<FlagOutcome>> work)
    {
        await using var scope = app.Scope(TestUsers.Principal(Roles.Regulator, id: "other-regulator", name: "Other"));
        Assert.IsType<FlagOutcome.Saved>(await work(scope.ServiceProvider.GetRequiredService<FlagService>()));
    }

    private IRenderedComponent<SpecialistFlagsPanel> Render(Guid specialistId)
    {
        _scope = _app!.Scope(TestUsers.Regulator);
        _ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        _ctx.Services.AddMudServices();
        _ctx.Services.AddLocalization(); // the pages read their texts through IStringLocalizer, as in the app
        _ctx.Services.AddSingleton(_scope.Value.ServiceProvider.GetRequiredService<FlagService>());
        _ctx.SetRendererInfo(new RendererInfo("Server", true));
        _ctx.Render<MudPopoverProvider>();
        _dialogs = _ctx.Render<MudDialogProvider>();
        return _ctx.Render<SpecialistFlagsPanel>(p => p.Add(x => x.SpecialistId, specialistId));
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
