using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;
using SpecialistRegistry.Localization;
using SpecialistRegistry.Auth;
using SpecialistRegistry.Features.Filings;
using SpecialistRegistry.Tests.Infrastructure;

namespace SpecialistRegistry.Tests.Features.Filings;

/// <summary>
/// The review pages over the real services: what a regulator sees and can do, what the firm's own view leaves out,
/// and exempting a firm from the list of firms that have not filed.
/// </summary>
public sealed class ReviewPageTests : IAsyncDisposable
{
    private readonly BunitContext _ctx = new();
    private TestApp? _app;
    private AsyncServiceScope? _scope;
    private IRenderedComponent<MudDialogProvider>? _dialogs;

    [Fact]
    public void The_review_page_is_for_regulators_and_the_firm_s_page_for_Firm_HR()
    {
        Assert.Equal(Policies.ReviewFilings, Policy<ReviewPage>());
        Assert.Equal(Policies.FileRoster, Policy<FilingPage>());
        Assert.Equal([Roles.Regulator], Policies.RolesFor[Policies.ReviewFilings]);
    }

    private static string? Policy<T>() => ((Microsoft.AspNetCore.Authorization.AuthorizeAttribute)Attribute.GetCustomAttribute(typeof(T),
        typeof(Microsoft.AspNetCore.Authorization.AuthorizeAttribute))!).Policy;

    [Fact]
    public async Task A_regulator_sees_the_header_the_entries_a_person_s_changes_and_the_decision_and_can_remark()
    {
        using var english = CultureScope.Use("en");
        var (kit, id) = await SubmittedFilingWithAChangeAsync();
        var nav = Setup(kit.Regulator);

        nav.NavigateTo($"/filings/review/{id}?change=Changed");
        var page = _ctx.Render<ReviewPage>(p => p.Add(x => x.Id, id));

        page.WaitForAssertion(() => Assert.Contains("Review: ", page.Find("h1").TextContent));
        Assert.Contains("3: 0 added, 1 changed, 0 removed, 2 unchanged", page.Find("[data-testid=filing-counts]").TextContent);
        Assert.NotNull(page.Find("[data-testid=decision-panel]"));
        Assert.Contains("Firm contact", page.Find("[data-testid=filing-header]").TextContent);
        // The link's filter: only the changed person, paged on the server.
        page.WaitForAssertion(() => Assert.Single(page.FindAll("tbody tr.mud-table-row")));

        page.Find("[data-testid=entry-open]").Click();
        page.WaitForAssertion(() => Assert.Contains("Chief engineer", page.Find("[data-testid=since-accepted]").TextContent));
        Assert.Equal($"/specialists/{kit.People[0].Id}", new Uri(page.Find("[data-testid=entry-profile]").GetAttribute("href")!, UriKind.RelativeOrAbsolute).ToString());

        page.Find("[data-testid=remark-text]").Change("Which plant?");
        page.Find("[data-testid=add-remark]").Click();
        page.WaitForAssertion(() => Assert.Contains("Which plant?", page.Find("[data-testid=remark]").TextContent));
    }

    [Fact]
    public async Task The_firm_s_own_view_has_no_decision_no_remark_box_and_no_firm_contact()
    {
        using var english = CultureScope.Use("en");
        var (kit, id) = await SubmittedFilingWithAChangeAsync();
        Setup(kit.Hr);

        var page = _ctx.Render<FilingPage>(p => p.Add(x => x.Id, id));

        page.WaitForAssertion(() => Assert.Equal("Filing for Demand of 2026-11-02", page.Find("h1").TextContent));
        Assert.Empty(page.FindAll("[data-testid=decision-panel]"));
        Assert.DoesNotContain("Firm contact", page.Find("[data-testid=filing-header]").TextContent);
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=entry-open]")));
        page.FindAll("[data-testid=entry-open]")[0].Click();
        page.WaitForAssertion(() => Assert.NotNull(page.Find("[data-testid=entry-detail]")));
        Assert.Empty(page.FindAll("[data-testid=remark-text]"));
    }

    [Fact]
    public async Task A_decided_filing_shows_the_decision_and_offers_none_and_a_draft_is_not_found()
    {
        using var english = CultureScope.Use("en");
        var (kit, id) = await SubmittedFilingWithAChangeAsync();
        await kit.ReturnAsync(id, "Correct the position of E0001.");
        var draft = await kit.PrepareAsync(await FilingServiceTests.DemandAsync(kit));
        Setup(kit.Regulator);

        var decided = _ctx.Render<ReviewPage>(p => p.Add(x => x.Id, id));
        decided.WaitForAssertion(() => Assert.Contains("Correct the position of E0001.", decided.Find("[data-testid=review-comment]").TextContent));
        Assert.Empty(decided.FindAll("[data-testid=decision-panel]"));

        var notFiled = _ctx.Render<ReviewPage>(p => p.Add(x => x.Id, draft.FilingId));
        notFiled.WaitForAssertion(() => Assert.Equal("Filing not found", notFiled.Find("h1").TextContent));
    }

    private async Task<(FilingTestKit Kit, Guid Id)> SubmittedFilingWithAChangeAsync()
    {
        _app = await TestApp.StartAsync();
        var kit = await FilingTestKit.CreateAsync(_app);
        var first = await kit.SubmitAsync();
        await kit.AcceptAsync(first);
        await kit.EditAsync(kit.People[0].Id, s => s.Position = "Chief engineer");
        var demand = await FilingServiceTests.DemandAsync(kit);
        return (kit, await kit.SubmitAsync(demand));
    }

    [Fact]
    public async Task A_regulator_reviews_in_Chinese()
    {
        using var chinese = CultureScope.Use("zh-CN");
        var (kit, id) = await SubmittedFilingWithAChangeAsync();
        var nav = Setup(kit.Regulator);

        nav.NavigateTo($"/filings/review/{id}");
        var page = _ctx.Render<ReviewPage>(p => p.Add(x => x.Id, id));

        page.WaitForAssertion(() => Assert.StartsWith("审核：", page.Find("h1").TextContent));
        Assert.Contains("3 人：新增 0 人、变更 1 人、移除 0 人、未变 2 人", page.Find("[data-testid=filing-counts]").TextContent);
        foreach (var text in new[] { "报备编号", "企业联系人", "审核决定", "接受", "退回企业", "回执", "导出", "报备中的人员", "请在列表中选择一名人员，查看其变化。" })
            Assert.Contains(text, page.Markup);
        foreach (var english in new[] { "Filing number", "Firm contact", "Decision", "Return to the firm", "People on the filing" })
            Assert.DoesNotContain(english, page.Markup);
    }

    [Fact]
    public async Task Exempting_a_firm_asks_for_the_reason_in_the_dialog_then_saves_it_and_takes_the_firm_off_the_list()
    {
        using var english = CultureScope.Use("en");
        _app = await TestApp.StartAsync();
        var kit = await FilingTestKit.CreateAsync(_app);
        var nav = Setup(kit.Regulator);
        nav.NavigateTo("/filings/not-filed?within=90");
        var page = _ctx.Render<NotFiledPage>();
        var dialogs = _dialogs!;
        page.WaitForAssertion(() => Assert.Contains(kit.Firm.Name, QuarterRow(page, kit).TextContent));

        QuarterRow(page, kit).QuerySelector("[data-testid=waive]")!.Click();
        page.WaitForAssertion(() => Assert.NotEmpty(dialogs.FindAll("[data-testid=confirm-waive]")));
        dialogs.Find("[data-testid=confirm-waive]").Click();

        page.WaitForAssertion(() => Assert.Contains("Give the reason: the firm reads it.", dialogs.Find(".mud-dialog").TextContent));
        await using (var before = _app.OpenDb())
            Assert.False(await before.FilingWaivers.AnyAsync(w => w.FirmId == kit.Firm.Id));

        dialogs.Find(".mud-dialog textarea").Change("The firm closed its magnet line in October.");
        dialogs.Find("[data-testid=confirm-waive]").Click();

        page.WaitForAssertion(() => Assert.Empty(dialogs.FindAll(".mud-dialog")));
        page.WaitForAssertion(() => Assert.DoesNotContain(page.FindAll("tbody tr.mud-table-row"), r => IsTheQuarter(r, kit)));
        await using var db = _app.OpenDb();
        Assert.Equal("The firm closed its magnet line in October.", (await db.FilingWaivers.SingleAsync(w => w.FirmId == kit.Firm.Id)).Reason);
    }

    private static AngleSharp.Dom.IElement QuarterRow(IRenderedComponent<NotFiledPage> page, FilingTestKit kit) =>
        page.FindAll("tbody tr.mud-table-row").Single(r => IsTheQuarter(r, kit));

    private static bool IsTheQuarter(AngleSharp.Dom.IElement row, FilingTestKit kit) =>
        row.TextContent.Contains(kit.Firm.Name) && row.TextContent.Contains($"({kit.Quarter.Code})");

    private NavigationManager Setup(System.Security.Claims.ClaimsPrincipal user)
    {
        _scope = _app!.Scope(user);
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
