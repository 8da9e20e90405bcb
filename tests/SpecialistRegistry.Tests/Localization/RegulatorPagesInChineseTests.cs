using System.Globalization;
using System.Security.Claims;
using System.Text.Json;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;
using SpecialistRegistry.Components.Shared;
using SpecialistRegistry.Domain;
using SpecialistRegistry.Features.Audit;
using SpecialistRegistry.Features.Flags;
using SpecialistRegistry.Features.Matching;
using SpecialistRegistry.Features.Profile;
using SpecialistRegistry.Features.Search;
using SpecialistRegistry.Features.Watches;
using SpecialistRegistry.Localization;
using SpecialistRegistry.Tests.Features.Search;
using SpecialistRegistry.Tests.Infrastructure;
using static SpecialistRegistry.Tests.Features.Watches.WatchTestData;

namespace SpecialistRegistry.Tests.Localization;

/// <summary>
/// The regulator's pages rendered in zh-CN over the real services: their own texts are Chinese, and no English
/// is left once the data shown (names, firms, codes) is taken out.
/// </summary>
public sealed class RegulatorPagesInChineseTests : IAsyncLifetime
{
    private static readonly CultureInfo Chinese = CultureInfo.GetCultureInfo("zh-CN");

    private readonly BunitContext _ctx = new();
    private TestApp _app = default!;
    private SearchTestData _data = default!;
    private ClaimsPrincipal _regulator = default!;
    private AsyncServiceScope _scope;
    private IRenderedComponent<MudPopoverProvider> _popovers = default!;
    private IRenderedComponent<MudDialogProvider> _dialogs = default!;

    public async Task InitializeAsync()
    {
        _app = await TestApp.StartAsync();
        _data = await SearchTestData.CreateAsync(_app);
        _regulator = await AddRegulatorAsync(_app, "Zhou Ming");
        // A regulator who chose Chinese: what they are told is stored in Chinese.
        await _app.WithDbAsync(TestUsers.Admin, async db =>
        {
            (await db.Users.SingleAsync(u => u.Id == _regulator.Id())).Culture = "zh-CN";
            await db.SaveChangesAsync();
        });
        _scope = _app.Scope(_regulator);
        _ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        _ctx.Services.AddMudServices();
        // MudBlazor's own texts (pager, pickers) in Chinese too, as the app configures them.
        _ctx.Services.AddLocalization();
        _ctx.Services.AddTransient<MudLocalizer, RegistryMudLocalizer>();
        _ctx.Services.AddFallbackServiceProvider(_scope.ServiceProvider);
        _ctx.SetRendererInfo(new RendererInfo("Server", true));
        _popovers = _ctx.Render<MudPopoverProvider>();
        _dialogs = _ctx.Render<MudDialogProvider>();
    }

    public async Task DisposeAsync()
    {
        await _ctx.DisposeAsync();
        await _scope.DisposeAsync();
        await _app.DisposeAsync();
    }

    [Fact]
    public void The_search_page_is_in_Chinese()
    {
        using var _ = CultureScope.Use(Chinese);
        _ctx.Services.GetRequiredService<NavigationManager>().NavigateTo("/search");

        var page = _ctx.Render<SearchPage>();

        page.WaitForAssertion(() => Assert.Equal("共 4 人", page.Find("[data-testid=search-total]").TextContent.Trim()));
        page.WaitForAssertion(() => Assert.Contains("德国 (1)", page.Markup));
        Assert.Equal("检索人员", page.Find("h1").TextContent);
        foreach (var text in new[] { "导出 CSV", "单位", "所属行业", "护照保管", "逾期未还", "拼音姓名", "入职日期", "每页行数", "审计日志" })
            Assert.Contains(text, page.Markup);
        AssertNoEnglish(page.Markup);
    }

    [Fact]
    public void The_scan_does_find_English_when_the_page_is_in_English()
    {
        _ctx.Services.GetRequiredService<NavigationManager>().NavigateTo("/search");

        var page = _ctx.Render<SearchPage>();

        page.WaitForAssertion(() => Assert.Equal("4 specialists", page.Find("[data-testid=search-total]").TextContent.Trim()));
        Assert.Contains(LatinRuns.In(page.Markup, []), run => run.StartsWith("Search ", StringComparison.Ordinal));
    }

    [Fact]
    public void A_search_with_nothing_to_look_for_is_explained_in_Chinese()
    {
        using var _ = CultureScope.Use(Chinese);
        _ctx.Services.GetRequiredService<NavigationManager>().NavigateTo("/search?q=%25%25%27");

        var page = _ctx.Render<SearchPage>();

        page.WaitForAssertion(() => Assert.Equal("检索内容中没有可供检索的文字或数字，已忽略。", page.Find("[data-testid=search-message]").TextContent.Trim()));
    }

    [Fact]
    public async Task The_profile_is_in_Chinese_with_the_Chinese_name_first()
    {
        using var _ = CultureScope.Use(Chinese);
        var page = _ctx.Render<SpecialistProfilePage>(p => p.Add(x => x.Id, _data.Li.Id));

        page.WaitForAssertion(() => Assert.Contains("李娜", page.Find("[data-testid=profile-name]").TextContent));
        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-testid=flags-panel] [data-testid=flag]")));
        var heading = page.Find("[data-testid=profile-name]").TextContent;
        Assert.True(heading.IndexOf("李娜", StringComparison.Ordinal) < heading.IndexOf("Li Na", StringComparison.Ordinal));
        foreach (var text in new[] { "个人信息", "出生日期", "中国", "护照及保管", "现用护照", "借出", "目的地：日本", "应于 2026-10-01 归还", "名册报备", "修改历史", "护照逾期未还", "关注", "显示" })
            Assert.Contains(text, page.Markup);
        // The trips panel belongs to the travel pages and is translated with them.
        AssertNoEnglish(page.Markup, await RecordedAsync(), "[data-testid=profile-travel]");
    }

    [Fact]
    public async Task The_reveal_dialog_asks_in_Chinese()
    {
        using var _ = CultureScope.Use(Chinese);
        var page = _ctx.Render<SpecialistProfilePage>(p => p.Add(x => x.Id, _data.Li.Id));
        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-testid=passport]")));

        page.Find("[data-testid=passport] button[aria-label^='显示完整护照号码']").Click();

        _dialogs.WaitForAssertion(() => Assert.Contains("将向您显示李娜 (Li Na)护照", _dialogs.Markup));
        Assert.Contains("查看理由", _dialogs.Markup);
        AssertNoEnglish(_dialogs.Markup);
    }

    [Fact]
    public async Task The_flags_list_and_the_raise_dialog_are_in_Chinese()
    {
        using var _ = CultureScope.Use(Chinese);
        var page = _ctx.Render<FlagsPage>();
        page.WaitForAssertion(() => Assert.Contains("Not back", page.Find("tbody").TextContent));

        Assert.Equal("标记", page.Find("h1").TextContent);
        foreach (var text in new[] { "添加标记", "检索姓名、工号和说明", "人员", "原因", "严重程度", "护照逾期未还", "未解决", "高" })
            Assert.Contains(text, page.Markup);
        AssertNoEnglish(page.Markup);

        page.Find("[data-testid=raise-flag]").Click();
        _dialogs.WaitForAssertion(() => Assert.Contains("输入姓名（中文或拼音均可）或完整工号", _dialogs.Markup));
        AssertNoEnglish(_dialogs.Markup);
    }

    [Fact]
    public void One_specialists_flags_are_in_Chinese()
    {
        using var _ = CultureScope.Use(Chinese);
        var page = _ctx.Render<SpecialistFlagsPage>(p => p.Add(x => x.Id, _data.Zhang.Id));

        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-testid=flag]")));
        foreach (var text in new[] { "全部标记", "工号 E001", "已解决", "解决说明：", "重新打开", "信息不完整" })
            Assert.Contains(text, page.Markup);
        AssertNoEnglish(page.Markup);
    }

    [Fact]
    public async Task The_watched_list_and_the_bell_are_in_Chinese()
    {
        using var _ = CultureScope.Use(Chinese);
        await _app.WatchAsync(_regulator, _data.Wang.Id);
        await _app.WithDbAsync(TestUsers.Regulator, async db =>
        {
            db.Flags.Add(new Flag { SpecialistId = _data.Wang.Id, Reason = FlagReason.ForeignContact, Severity = FlagSeverity.Medium, Note = "n", RaisedById = "test-regulator", RaisedAt = _app.Clock.GetUtcNow() });
            await db.SaveChangesAsync();
        });

        var page = _ctx.Render<WatchesPage>();
        page.WaitForAssertion(() => Assert.Contains("王伟明 (Wang Weiming)", page.Markup));
        foreach (var text in new[] { "关注的人员", "姓名", "工号", "关注日期", "已关注" })
            Assert.Contains(text, page.Markup);
        AssertNoEnglish(page.Markup);

        var bell = _ctx.Render<NotificationBell>();
        bell.WaitForAssertion(() => Assert.Equal("通知，1 条未读", bell.Find("[data-testid=notification-bell]").GetAttribute("aria-label")));
        bell.Find("[data-testid=notification-bell]").Click();
        _popovers.WaitForAssertion(() => Assert.Contains("已对王伟明 (Wang Weiming)添加中严重程度标记，原因：境外联系。", _popovers.Markup));
        Assert.Contains("标记变化 · ", _popovers.Markup);
        Assert.Contains(" UTC · 未读", _popovers.Markup);
        Assert.Contains("全部标为已读", _popovers.Markup);
        AssertNoEnglish(_popovers.Markup);
    }

    [Fact]
    public async Task The_possible_duplicates_are_in_Chinese()
    {
        using var _ = CultureScope.Use(Chinese);
        // The same person registered again at the other firm: same date of birth, same name.
        await TestData.AddSpecialistAsync(_app, _data.Magnets.Id, "E777", "王伟明", "Wang Weiming");

        var page = _ctx.Render<MatchesPage>();

        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-testid=confirm-match]")));
        foreach (var text in new[] { "疑似重复人员", "人员一", "出生日期相同（1985-03-14），姓名相近", "待判定", "确认", "排除" })
            Assert.Contains(text, page.Markup);
        Assert.Equal("确认王伟明 (Wang Weiming)与王伟明 (Wang Weiming)为同一人", page.Find("[data-testid=confirm-match]").GetAttribute("aria-label"));
        AssertNoEnglish(page.Markup);
    }

    [Fact]
    public async Task The_audit_trail_names_actions_entities_and_fields_in_Chinese()
    {
        using var _ = CultureScope.Use(Chinese);
        var page = _ctx.Render<AuditTrailPage>();
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=toggle-changes]")));

        page.Find("[data-testid=verify-chain]").Click();
        page.WaitForAssertion(() => Assert.Contains("哈希链完整：共", page.Find("[data-testid=chain-result]").TextContent));
        page.FindAll("[data-testid=toggle-changes]")[0].Click();
        page.WaitForAssertion(() => Assert.Contains("修改后", page.Markup));

        foreach (var text in new[] { "审计日志", "校验哈希链", "时间（UTC）", "操作人", "对象类型", "新增", "修改", "用户账户", "界面语言", "字段" })
            Assert.Contains(text, page.Markup);
        AssertNoEnglish(page.Markup, await RecordedAsync());
    }

    private void AssertNoEnglish(string markup, params string[] skip) => AssertNoEnglish(markup, [], skip);

    private void AssertNoEnglish(string markup, IEnumerable<string> moreData, params string[] skip)
    {
        var people = new[] { _data.Wang, _data.Li, _data.Zhang, _data.Chen };
        var data = people.SelectMany(p => new[] { p.LatinName, p.EmployeeNumber })
            .Concat([_data.Separation.Name, _data.Magnets.Name, "Zhou Ming", "Officer", "Safe A", "TA-1", "Inventor", "CN1",
                "Metallurgy", "Central South University", "Chemistry", "Tsinghua University", "Materials Science", "RWTH Aachen",
                "Solvent extraction of neodymium", "Not back", "Missing data", "Fixed", "Test Regulator", "Test Admin"])
            .Concat(moreData);
        var english = LatinRuns.In(markup, data, skip);
        Assert.True(english.Count == 0, "English left on the page: " + string.Join(", ", english));
    }

    // What the trail recorded (values, actors, keys) is data and is shown as it was written.
    private async Task<List<string>> RecordedAsync()
    {
        await using var db = _app.OpenDb();
        var entries = await db.AuditEntries.AsNoTracking().Select(a => new { a.Changes, a.ActorName, a.EntityKey }).ToListAsync();
        // The grid shows a long key by its last 12 characters.
        return entries.SelectMany(e => RecordedValues(e.Changes).Append(e.ActorName).Append(e.EntityKey).Append(e.EntityKey.Length > 12 ? e.EntityKey[^12..] : "")).ToList();
    }

    private static IEnumerable<string> RecordedValues(string changes)
    {
        using var json = JsonDocument.Parse(changes);
        var values = new List<string>();
        foreach (var field in json.RootElement.EnumerateObject())
        {
            if (field.Value.ValueKind == JsonValueKind.Array)
                values.AddRange(field.Value.EnumerateArray().Select(v => v.ToString()));
            else
                values.Add(field.Value.ToString());
        }
        // A summary shortens a long value to its first 39 characters.
        return values.Concat(values.Where(v => v.Length > 40).Select(v => v[..39]));
    }
}
