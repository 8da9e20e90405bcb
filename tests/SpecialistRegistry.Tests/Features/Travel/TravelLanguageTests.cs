using System.Globalization;
using System.Security.Claims;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using SpecialistRegistry.Domain;
using SpecialistRegistry.Features.Travel;
using SpecialistRegistry.Localization;
using SpecialistRegistry.Tests.Infrastructure;
using SpecialistRegistry.Tests.Localization;

namespace SpecialistRegistry.Tests.Features.Travel;

/// <summary>
/// Travel in Chinese and in English over the real services: the firm's and the regulator's pages speak the
/// reader's language with no English left in Chinese; refusals come in the user's language and notices in
/// each recipient's.
/// </summary>
public sealed class TravelLanguageTests : BunitTestBase, IAsyncLifetime
{
    private static readonly CultureInfo Chinese = CultureInfo.GetCultureInfo("zh-CN");
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en");

    private TestApp _app = default!;
    private TravelScenario _s = default!;
    private AsyncServiceScope? _scope;
    private Guid _pending;
    private string _approvalNumber = "";

    public new async Task InitializeAsync()
    {
        _app = await TestApp.StartAsync();
        _s = await TravelScenario.CreateAsync(_app);
        _pending = await _app.RequestAsync(_s.Person, _s.Today.AddDays(20), _s.Today.AddDays(25), "Hamburg");
        _approvalNumber = (await _app.ApprovedTripAsync(_s.Person, _s.Today.AddDays(40), _s.Today.AddDays(42), "Chicago")).ApprovalNumber!;
    }

    public new async Task DisposeAsync()
    {
        await base.DisposeAsync();
        if (_scope is { } scope)
            await scope.DisposeAsync();
        await _app.DisposeAsync();
    }

    [Fact]
    public async Task The_firm_s_travel_list_and_request_form_are_in_Chinese()
    {
        using var _ = CultureScope.Use(Chinese);
        Setup(_s.Hr).NavigateTo("/travel?status=all");

        var list = Render<TravelPage>();

        await list.WaitForAssertionAsync(() => Assert.Equal(2, list.FindAll("tbody tr.mud-table-row").Count));
        Assert.Equal("出境申请", list.Find("h1").TextContent);
        foreach (var text in new[] { "申请出境", "检索姓名、工号、目的地和审批编号", "人员", "目的地", "日期", "申请日期", "参加会议", "待审批", "已批准" })
            Assert.Contains(text, list.Markup);
        AssertNoEnglish(list.Markup);

        var form = Context.Render<RequestTravelPage>(); // the popover and dialog providers are already there
        form.Find("[data-testid=submit-travel]").Click();
        form.WaitForAssertion(() => Assert.Contains("请选择出境人员。", form.Markup));
        foreach (var text in new[] { "目的地国家", "目的地城市", "事由", "邀请单位", "出发日期", "返回日期", "行程安排", "境外联系人（选填）", "提交监管部门", "取消" })
            Assert.Contains(text, form.Markup);
        AssertNoEnglish(form.Markup);
    }

    [Fact]
    public async Task The_regulator_s_queue_and_a_request_to_decide_are_in_Chinese()
    {
        using var _ = CultureScope.Use(Chinese);
        Setup(_s.Regulator).NavigateTo("/travel/review");

        var queue = Render<TravelReviewPage>();

        await queue.WaitForAssertionAsync(() => Assert.Single(queue.FindAll("tbody tr.mud-table-row")));
        Assert.Equal("待审批的出境申请", queue.Find("h1").TextContent);
        Assert.Equal("申请数：1", queue.Find("[data-testid=review-summary]").TextContent.Trim());
        foreach (var text in new[] { "提交日期", "参考信息", "审批", "未解除的标记", "专业领域", "护照现状", "以往出境", "其他出境", "在库" })
            Assert.Contains(text, queue.Markup);
        AssertNoEnglish(queue.Markup);
    }

    [Fact]
    public async Task A_request_to_decide_is_in_Chinese()
    {
        using var _ = CultureScope.Use(Chinese);
        Setup(_s.Regulator);

        var request = RenderRequest(_pending);
        await request.WaitForAssertionAsync(() => Assert.Equal("前往 Hamburg, Japan", request.Find("[data-testid=travel-title]").TextContent));
        foreach (var text in new[] { "行程", "审批与护照保管", "等待监管部门审批。", "审批意见", "批准", "要求单位补充材料", "不予批准", "批准出发日期", "批准出境", "（共 6 天）" })
            Assert.Contains(text, request.Markup);
        AssertNoEnglish(request.Markup);
    }

    [Fact]
    public async Task The_status_filter_reads_in_English_for_an_English_reader()
    {
        using var _ = CultureScope.Use(English);
        Setup(_s.Hr).NavigateTo("/travel?status=all");

        var list = Render<TravelPage>();

        await list.WaitForAssertionAsync(() => Assert.Equal(2, list.FindAll("tbody tr.mud-table-row").Count));
        Assert.Equal("Travel requests", list.Find("h1").TextContent);
        Assert.Contains("Conference", list.Markup);
        Assert.Equal(["Pending", "Approved"], list.FindAll("[data-testid=travel-status]").Select(c => c.TextContent.Trim()).Order().Reverse());
    }

    [Theory]
    [MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task A_refused_request_is_explained_in_the_clerk_s_language_and_nothing_is_saved(TestProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var s = await TravelScenario.CreateAsync(app);
        var input = TravelTestData.Request(s.Person.Id, s.Today.AddDays(-1), s.Today.AddDays(3)) with { DestinationCity = "" };

        TravelOutcome.Invalid chinese, english;
        using (CultureScope.Use(Chinese))
            chinese = Assert.IsType<TravelOutcome.Invalid>(await app.AsHrAsync(s.Firm.Id, t => t.RequestAsync(input)));
        using (CultureScope.Use(English))
            english = Assert.IsType<TravelOutcome.Invalid>(await app.AsHrAsync(s.Firm.Id, t => t.RequestAsync(input)));

        Assert.Equal("请填写目的地城市。", chinese.Errors[nameof(TravelRequestInput.DestinationCity)]);
        Assert.Equal($"出发日期不能早于今天（今天是 {s.Today:yyyy-MM-dd}）。", chinese.Errors[nameof(TravelRequestInput.DepartureOn)]);
        Assert.Equal("Enter the destination city.", english.Errors[nameof(TravelRequestInput.DestinationCity)]);
        Assert.Equal(0, await s.TripCountAsync());
    }

    [Theory]
    [MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task An_approval_is_told_to_the_firm_and_the_custody_office_each_in_their_own_language(TestProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var s = await TravelScenario.CreateAsync(app);
        await app.WithDbAsync(TestUsers.Admin, async db =>
        {
            (await db.Users.SingleAsync(u => u.Id == s.Id(s.Hr))).Culture = "zh-CN";
            (await db.Users.SingleAsync(u => u.Id == s.Id(s.Officer))).Culture = "en";
            await db.SaveChangesAsync();
        });
        var id = await app.RequestAsync(s.Person, s.Today.AddDays(10), s.Today.AddDays(14));

        // The regulator works in English; the firm still reads Chinese.
        using (CultureScope.Use(English))
            Assert.IsType<TravelOutcome.Saved>(await app.DecideAsync(id, TravelDecision.Approve, s.Regulator));

        var number = (await app.TripAsync(id)).ApprovalNumber;
        var toHr = Assert.Single(await s.NotificationsAsync(s.Hr)).Message;
        var toOfficer = Assert.Single(await s.NotificationsAsync(s.Officer)).Message;
        Assert.StartsWith($"王伟 (Wang Wei) 前往 Tokyo, Japan 的出境已获批准：{number}，", toHr);
        Assert.Contains("护照可于 ", toHr);
        Assert.StartsWith($"Travel approval {number}: 王伟 (Wang Wei), {s.Firm.Name}, to Tokyo, Japan, departing ", toOfficer);
    }

    private NavigationManager Setup(ClaimsPrincipal user)
    {
        var scope = _app.Scope(user);
        _scope = scope;
        Context.Services.AddTransient<MudLocalizer, RegistryMudLocalizer>();
        Context.Services.AddFallbackServiceProvider(scope.ServiceProvider);
        Context.Services.AddSingleton<TimeProvider>(_app.Clock);
        SignIn(user);
        return Context.Services.GetRequiredService<NavigationManager>();
    }

    private IRenderedComponent<TComponent> Render<TComponent>() where TComponent : IComponent
    {
        Context.Render<MudPopoverProvider>();
        Context.Render<MudDialogProvider>();
        return Context.Render<TComponent>();
    }

    private IRenderedComponent<Bunit.Rendering.ContainerFragment> RenderRequest(Guid id) => Context.Render(builder =>
    {
        builder.OpenComponent<MudPopoverProvider>(0);
        builder.CloseComponent();
        builder.OpenComponent<MudDialogProvider>(1);
        builder.CloseComponent();
        builder.OpenComponent<TravelRequestPage>(2);
        builder.AddAttribute(3, nameof(TravelRequestPage.Id), id);
        builder.CloseComponent();
    });

    private void AssertNoEnglish(string markup)
    {
        // The data on these pages: the person, the firm, the places and what HR typed.
        var data = new[]
        {
            _s.Person.LatinName, _s.Person.EmployeeNumber, _s.Firm.Name, "Hamburg", "Chicago", "Japan", "Japan Society of Powder Metallurgy",
            "Tokyo Big Sight, conference days 1–3; plant visit on day 4.", "Dr. Sato", "Process Engineer", "Test FirmHR", "Test Regulator", _approvalNumber,
        };
        var english = LatinRuns.In(markup, data);
        Assert.True(english.Count == 0, "English left on the page: " + string.Join(", ", english));
    }
}
