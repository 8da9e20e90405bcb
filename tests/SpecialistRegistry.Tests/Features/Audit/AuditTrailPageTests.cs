using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;
using SpecialistRegistry.Auth;
using SpecialistRegistry.Features.Audit;
using SpecialistRegistry.Tests.Infrastructure;

using static SpecialistRegistry.Tests.Features.Audit.AuditTrailData;

namespace SpecialistRegistry.Tests.Features.Audit;

/// <summary>The audit trail page over the real services and a real SQLite database.</summary>
public sealed class AuditTrailPageTests : IAsyncDisposable
{
    // Held in a field and disposed asynchronously: MudBlazor's services are async-disposable only.
    private readonly BunitContext _ctx = new();
    private TestApp? _app;
    private AsyncServiceScope? _scope;

    [Fact]
    public void The_page_is_at_audit_and_only_for_those_who_may_read_the_trail()
    {
        var route = Assert.Single(typeof(AuditTrailPage).GetCustomAttributes(typeof(RouteAttribute), false).Cast<RouteAttribute>());
        var authorize = Assert.Single(typeof(AuditTrailPage).GetCustomAttributes(typeof(Microsoft.AspNetCore.Authorization.AuthorizeAttribute), false)
            .Cast<Microsoft.AspNetCore.Authorization.AuthorizeAttribute>());

        Assert.Equal("/audit", route.Template);
        Assert.Equal(Policies.ReadAudit, authorize.Policy);
    }

    [Fact]
    public async Task Shows_the_trail_newest_first()
    {
        var app = await StartAsync();
        await AddFirmAsync(app, "First Magnets");
        var last = await AddFirmAsync(app, "Second Magnets");

        var page = RenderPage();

        page.WaitForAssertion(() => Assert.Contains(last.Id.ToString(), page.Markup));
        var newest = await NewestSequenceAsync(app);
        var toggles = page.FindAll("[data-testid=toggle-changes]").Select(b => b.GetAttribute("aria-label")).ToList();
        Assert.Equal($"Changes recorded in entry {newest}", toggles[0]);
        Assert.Equal($"Changes recorded in entry {newest - 1}", toggles[1]);
        Assert.Contains("Name = Second Magnets", page.Find("tbody").TextContent);
        Assert.Contains("Zhou Min (Admin)", page.Markup);
    }

    [Fact]
    public async Task An_admin_sees_which_specialist_fields_changed_but_not_the_values()
    {
        var app = await StartAsync(AuditTrailData.Admin);
        var firm = SpecialistRegistry.Tests.Data.TestRecords.Firm();
        var specialist = SpecialistRegistry.Tests.Data.TestRecords.Specialist(firm.Id, app.Get<SpecialistRegistry.Data.FieldProtector>());
        specialist.FullName = "司马相如";
        await app.WithDbAsync(TestUsers.FirmHr(firm.Id), async db =>
        {
            db.AddRange(firm, specialist);
            await db.SaveChangesAsync();
        });

        var page = RenderPage();
        page.WaitForAssertion(() => Assert.Contains(specialist.Id.ToString(), page.Markup));
        var toggles = page.FindAll("[data-testid=toggle-changes]").Count;
        for (var i = 0; i < toggles; i++)
            page.FindAll("[data-testid=toggle-changes]")[i].Click(); // found again: each click re-renders the rows

        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=values-hidden]")));
        Assert.DoesNotContain("司马相如", page.Markup);
        Assert.DoesNotContain("1990-03-07", page.Markup);
        Assert.Contains("Test Magnets", page.Markup); // the firm entry keeps its values for the Admin
    }

    [Fact]
    public async Task Verify_chain_reports_an_intact_chain_and_its_length()
    {
        var app = await StartAsync();
        await AddFirmAsync(app, "First Magnets");
        var entries = await NewestSequenceAsync(app);
        var page = RenderPage();

        page.Find("[data-testid=verify-chain]").Click();

        page.WaitForAssertion(() =>
            Assert.Contains($"Chain intact: {entries:N0} entries", page.Find("[data-testid=chain-result]").TextContent));
        Assert.NotNull(page.Find("[data-testid=chain-result] .mud-alert-text-success"));
    }

    [Fact]
    public async Task Verify_chain_names_the_first_altered_entry()
    {
        var app = await StartAsync();
        var firm = await AddFirmAsync(app, "First Magnets");
        await AddFirmAsync(app, "Second Magnets");
        await using (var db = app.OpenDb())
        {
            // Someone with database access rewrites history behind the app's back.
            var sequence = await db.AuditEntries.Where(a => a.EntityKey == firm.Id.ToString()).Select(a => a.Sequence).SingleAsync();
            await db.Database.ExecuteSqlAsync($"UPDATE \"AuditEntries\" SET \"ActorName\" = 'Someone Else' WHERE \"Sequence\" = {sequence}");
        }
        var altered = await NewestSequenceAsync(app) - 1;
        var page = RenderPage();

        page.Find("[data-testid=verify-chain]").Click();

        page.WaitForAssertion(() =>
            Assert.Contains($"Chain broken at entry {altered}: entry {altered} has been altered", page.Find("[data-testid=chain-result]").TextContent));
        Assert.NotNull(page.Find("[data-testid=chain-result] .mud-alert-text-error"));
    }

    [Fact]
    public async Task A_link_with_filters_shows_only_the_matching_entries()
    {
        var app = await StartAsync();
        var renamed = await AddFirmAsync(app, "Ningbo Magnets");
        var untouched = await AddFirmAsync(app, "Baotou Mining");
        await RenameFirmAsync(app, renamed.Id, "Ningbo Eastern Magnets");
        _ctx.Services.GetRequiredService<NavigationManager>().NavigateTo("/audit?type=Firm&action=Modified");

        var page = RenderPage();

        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-testid=toggle-changes]")));
        Assert.Contains("Name: Ningbo Magnets → Ningbo Eastern Magnets", page.Markup);
        Assert.DoesNotContain(untouched.Id.ToString(), page.Markup);
    }

    [Fact]
    public async Task Expanding_an_entry_shows_each_field_before_and_after()
    {
        var app = await StartAsync();
        var firm = await AddFirmAsync(app, "Ningbo Magnets");
        await RenameFirmAsync(app, firm.Id, "Ningbo Eastern Magnets");
        var modified = await NewestSequenceAsync(app);
        var page = RenderPage();
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=toggle-changes]")));

        page.FindAll("[data-testid=toggle-changes]")[0].Click();

        page.WaitForAssertion(() => Assert.NotNull(page.Find($"[data-testid=changes-{modified}]")));
        var cells = page.FindAll($"[data-testid=changes-{modified}] tbody tr").Single().Children.Select(c => c.TextContent.Trim());
        Assert.Equal(["Name", "Ningbo Magnets", "Ningbo Eastern Magnets"], cells);
        Assert.Equal("true", page.FindAll("[data-testid=toggle-changes]")[0].GetAttribute("aria-expanded"));
    }

    [Fact]
    public async Task Typing_a_search_puts_it_in_the_url_and_filters_the_grid()
    {
        var app = await StartAsync();
        await AddFirmAsync(app, "Admin's Firm", AuditTrailData.Admin);
        var byRegulator = await AddFirmAsync(app, "Regulator's Firm", Regulator);
        var nav = _ctx.Services.GetRequiredService<NavigationManager>();
        var page = RenderPage();
        page.WaitForAssertion(() => Assert.Contains(byRegulator.Id.ToString(), page.Markup));

        page.Find("input[data-testid=filter-text]").Input("wang");

        page.WaitForAssertion(() => Assert.EndsWith("?q=wang", nav.Uri), TimeSpan.FromSeconds(5));
        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-testid=toggle-changes]")));
        Assert.Contains(byRegulator.Id.ToString(), page.Markup);
    }

    public async ValueTask DisposeAsync()
    {
        await _ctx.DisposeAsync();
        if (_scope is { } scope)
            await scope.DisposeAsync();
        if (_app is not null)
            await _app.DisposeAsync();
    }

    // The page gets the app's real services, resolved in a regulator's scope like a circuit's.
    private async Task<TestApp> StartAsync(System.Security.Claims.ClaimsPrincipal? reader = null)
    {
        _app = await TestApp.StartAsync();
        _scope = _app.Scope(reader ?? Regulator);
        _ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        _ctx.Services.AddMudServices();
        _ctx.Services.AddLocalization(); // the pages read their texts through IStringLocalizer, as in the app
        _ctx.Services.AddSingleton(_scope.Value.ServiceProvider.GetRequiredService<AuditTrailService>());
        _ctx.Services.AddSingleton(_scope.Value.ServiceProvider.GetRequiredService<AuditVerifier>());
        _ctx.SetRendererInfo(new RendererInfo("Server", true));
        return _app;
    }

    private IRenderedComponent<AuditTrailPage> RenderPage()
    {
        _ctx.Render<MudPopoverProvider>();
        return _ctx.Render<AuditTrailPage>();
    }

    private static async Task<long> NewestSequenceAsync(TestApp app)
    {
        await using var db = app.OpenDb();
        return await db.AuditEntries.MaxAsync(a => a.Sequence);
    }
}
