using System.Globalization;
using System.Security.Claims;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using SpecialistRegistry.Auth;
using SpecialistRegistry.Features.Custody;
using SpecialistRegistry.Localization;
using SpecialistRegistry.Tests.Infrastructure;
using SpecialistRegistry.Tests.Localization;

namespace SpecialistRegistry.Tests.Features.Custody;

/// <summary>
/// The custody office in Chinese and in English over the real services: its pages and dialogs speak the reader's
/// language with no English left in Chinese, and a receipt is printed in both languages whoever prints it.
/// </summary>
public sealed class CustodyLanguageTests : BunitTestBase, IAsyncLifetime
{
    private static readonly CultureInfo Chinese = CultureInfo.GetCultureInfo("zh-CN");
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en");

    private TestApp _app = default!;
    private CustodyTestData _data = default!;
    private string _receipt = "";
    private AsyncServiceScope _scope;

    public new async Task InitializeAsync()
    {
        _app = await TestApp.StartAsync();
        _data = await CustodyTestData.CreateAsync(_app);
        _receipt = (await _data.HandInAsync()).ReceiptNumber!;
        _scope = _app.Scope(TestUsers.CustodyOfficer);
        Context.Services.AddTransient<MudLocalizer, RegistryMudLocalizer>();
        Context.Services.AddFallbackServiceProvider(_scope.ServiceProvider);
        SignIn(TestUsers.CustodyOfficer);
    }

    public new async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await _scope.DisposeAsync();
        await _app.DisposeAsync();
    }

    [Fact]
    public void The_custody_page_is_in_Chinese()
    {
        using var _ = CultureScope.Use(Chinese);
        Context.Services.GetRequiredService<NavigationManager>().NavigateTo("/custody?status=Held");

        var page = Render<CustodyPage>();

        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-testid=custody-results] tbody tr")));
        Assert.Equal("护照保管处", page.Find("h1").TextContent);
        Assert.Equal("中国", page.Find("[data-testid=match-country]").TextContent);
        Assert.Equal("出境借出", page.Find("[data-testid=action-Release]").TextContent.Trim());
        foreach (var text in new[] { "护照号码（完整）或姓名", "保管状态", "持照人", "有效期至", "工号 E-001", "待借出（出境）", "逾期待办清单", "核验回执" })
            Assert.Contains(text, page.Markup);
        AssertNoEnglish(page.Markup);
    }

    [Fact]
    public void The_same_page_in_English_reads_English()
    {
        using var _ = CultureScope.Use(English);
        Context.Services.GetRequiredService<NavigationManager>().NavigateTo("/custody?status=Held");

        var page = Render<CustodyPage>();

        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-testid=custody-results] tbody tr")));
        Assert.Equal("Custody office", page.Find("h1").TextContent);
        Assert.Equal("China", page.Find("[data-testid=match-country]").TextContent);
        Assert.Equal("Release for travel", page.Find("[data-testid=action-Release]").TextContent.Trim());
        Assert.NotEmpty(LatinRuns.In(page.Markup, Data()));
    }

    [Fact]
    public void The_chain_of_custody_is_in_Chinese_with_the_place_in_Chinese()
    {
        using var _ = CultureScope.Use(Chinese);

        var page = RenderChain();

        page.WaitForAssertion(() => Assert.Contains("保管记录：王伟 · Wang Wei", page.Markup));
        Assert.Equal("E12345678，中国", page.Find("[data-testid=passport-number]").TextContent.Trim());
        foreach (var text in new[] { "保险柜 A，第 12 格", "交存", "时间 (UTC)", "经办人", "确认人", "保管处", "全部记录（按时间先后）", "打印" })
            Assert.Contains(text, page.Markup);
        AssertNoEnglish(page.Markup);
    }

    [Fact]
    public void The_release_dialog_explains_in_Chinese_that_there_is_no_approved_trip()
    {
        using var _ = CultureScope.Use(Chinese);
        var page = RenderChain();
        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-testid=action-Release]")));

        page.Find("[data-testid=action-Release]").Click();

        page.WaitForAssertion(() => Assert.Contains("没有尚未使用的已批准出境", page.Find("[data-testid=no-approved-trip]").TextContent));
        var dialog = page.Find(".mud-dialog").OuterHtml;
        foreach (var text in new[] { "出境借出 · Wang Wei · E12345678", "领取人", "双方已核对信息并确认本次登记", "备注（选填）", "确认借出", "取消" })
            Assert.Contains(text, dialog);
        AssertNoEnglish(dialog);
    }

    [Theory]
    [InlineData("zh-CN", "打印回执")]
    [InlineData("en", "Print receipt")]
    public void A_receipt_is_printed_in_Chinese_and_English_side_by_side_whatever_the_reader_s_language(string culture, string printButton)
    {
        using var _ = CultureScope.Use(CultureInfo.GetCultureInfo(culture));

        var page = Render<ReceiptPage>(p => p.Add(x => x.Number, _receipt));

        page.WaitForAssertion(() => Assert.Equal(_receipt, page.Find("[data-testid=receipt-number]").TextContent));
        Assert.Equal(printButton, page.Find("[data-testid=print-receipt]").TextContent.Trim());
        var receipt = page.Find("[data-testid=receipt]");
        foreach (var (zh, en) in new[]
                 {
                     ("护照交存回执", "Receipt for a passport handed in"), ("持照人", "Holder"), ("验证码", "Verification code"),
                     ("E12345678，中国签发，有效期至 2030-01-01", "E12345678, issued by China, expires 2030-01-01"),
                     ("保险柜 A，第 12 格", "Safe A, slot 12"), ("交存人", "handed in by"), ("扫码核验本回执", "Scan to check this receipt"),
                 })
        {
            Assert.Contains(zh, receipt.QuerySelectorAll("[lang=zh-CN]").Select(e => e.TextContent));
            Assert.Contains(en, receipt.QuerySelectorAll("[lang=en]").Select(e => e.TextContent));
        }
        // Everything of the receipt that is not data is in both: read in Chinese, no English is left outside its lang="en" twins.
        if (culture != "zh-CN")
            return;
        var withoutEnglishTwins = receipt.Clone() as AngleSharp.Dom.IElement;
        foreach (var twin in withoutEnglishTwins!.QuerySelectorAll("[lang=en]").ToList())
            twin.Remove();
        var code = page.Find("[data-testid=verification-code]").TextContent;
        Assert.Empty(LatinRuns.In(withoutEnglishTwins.OuterHtml, Data().Append(code).Append("http://localhost/" + SpecialistRegistry.Components.Shared.ReceiptQr.CustodyCheckPath)));
    }

    [Fact]
    public void The_work_lists_and_the_receipt_check_are_in_Chinese()
    {
        using var _ = CultureScope.Use(Chinese);

        var overdue = Render<OverduePage>();
        overdue.WaitForAssertion(() => Assert.Contains("没有逾期未还或 7 天内应还的护照。", overdue.Markup));
        Assert.Equal("逾期未还及即将到期", overdue.Find("h1").TextContent);
        AssertNoEnglish(overdue.Markup);

        var toRelease = Render<ToReleasePage>();
        toRelease.WaitForAssertion(() => Assert.Contains("天内没有护照在本处保管且已获批准的出境。", toRelease.Markup));
        Assert.Equal("因已批准出境待借出的护照", toRelease.Find("h1").TextContent);
        AssertNoEnglish(toRelease.Markup);

        Context.Services.GetRequiredService<NavigationManager>().NavigateTo("/custody/receipts/check?number=CR-00000000-NOPE00&code=AAAA-BBBB-CCCC");
        var check = Render<ReceiptCheckPage>();
        check.WaitForAssertion(() => Assert.StartsWith("非真实回执：保管处从未出具带此验证码的回执 CR-00000000-NOPE00。", check.Find("[data-testid=check-result]").TextContent.Trim()));
        AssertNoEnglish(check.Markup, "CR-00000000-NOPE00", "CR-20261129-ABC123", "XXXX-XXXX-XXXX", "AAAA-BBBB-CCCC");
    }

    [Theory]
    [MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task The_services_refuse_in_the_officer_s_language(TestProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var data = await CustodyTestData.CreateAsync(app);
        var form = await data.HandInFormAsync();
        form.Safe = " ";
        form.IssuingCountry = "中国"; // the registry's "China", typed in Chinese: no difference

        CustodyOutcome.Invalid chinese, english;
        using (CultureScope.Use(Chinese))
            chinese = Assert.IsType<CustodyOutcome.Invalid>(await data.AsOfficerAsync(s => s.HandInAsync(form)));
        using (CultureScope.Use(English))
            english = Assert.IsType<CustodyOutcome.Invalid>(await data.AsOfficerAsync(s => s.HandInAsync(form)));

        Assert.Equal("请填写保险柜。", Assert.Single(chinese.Errors).Value);
        Assert.Equal("Enter the safe.", Assert.Single(english.Errors).Value);

        form.Safe = "A";
        form.ExpiresOn = new DateOnly(2099, 1, 1);
        using (CultureScope.Use(Chinese))
        {
            var mismatch = Assert.IsType<CustodyOutcome.Invalid>(await data.AsOfficerAsync(s => s.HandInAsync(form)));
            Assert.Equal("手中护照与系统记录不符。有效期：手中护照为 2099-01-01，与系统记录的有效期不同。请核对护照，或请单位先更正系统记录。", mismatch.Errors[""]);
            var check = await data.QueryAsync(q => q.CheckReceiptAsync("", ""));
            Assert.Equal("请同时输入回执上印有的回执编号和验证码。", check.Message);
        }
        Assert.Empty(await data.EventsAsync());
    }

    [Theory]
    [MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task Overdue_reminders_and_their_e_mails_go_out_in_each_recipient_s_language(TestProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var data = await CustodyTestData.CreateAsync(app, "L-1", "Late Person", "E10000001");
        await data.HandInAsync();
        app.Clock.Advance(TimeSpan.FromMinutes(5));
        var today = DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime);
        await data.ReleaseAsync(today, today.AddDays(2));
        var officer = await TestData.AddUserAsync(app, Roles.CustodyOfficer, email: "officer@test.registry");
        var hr = await TestData.AddUserAsync(app, Roles.FirmHR, data.Firm.Id, "hr@test.registry");
        await app.WithDbAsync(TestUsers.Admin, async db =>
        {
            (await db.Users.SingleAsync(u => u.Id == officer)).Culture = "zh-CN";
            (await db.Users.SingleAsync(u => u.Id == hr)).Culture = "en";
            await db.SaveChangesAsync();
        });
        app.Clock.Advance(TimeSpan.FromDays(5));

        // The job runs in no one's request: whatever its own culture, each person reads their own language.
        using (CultureScope.Use(English))
            await app.Get<OverdueReminderJob>().RunOnceAsync();

        await using (var db = app.OpenDb())
        {
            var notices = await db.Notifications.AsNoTracking().ToListAsync();
            Assert.StartsWith($"王伟（Late Person，{data.Firm.Name}）的护照应于 ", notices.Single(n => n.UserId == officer).Message);
            Assert.Contains("已逾期 3 天。该护照因出境审批 ", notices.Single(n => n.UserId == officer).Message);
            Assert.StartsWith($"Passport of 王伟 (Late Person, {data.Firm.Name}) was due back on ", notices.Single(n => n.UserId == hr).Message);
            Assert.Contains(": 3 day(s) overdue. It was released for travel approval ", notices.Single(n => n.UserId == hr).Message);
        }
        var mails = Directory.GetFiles(Path.Combine(app.DataFolder, "mail-pickup"), "*.eml").Select(File.ReadAllText).ToList();
        var toOfficer = Body(mails.Single(m => m.Contains("To: officer@test.registry")));
        var toHr = Body(mails.Single(m => m.Contains("To: hr@test.registry")));
        Assert.Contains("需要处理的护照：", toOfficer);
        Assert.Contains("持照人的联系方式见保管处的待办清单。", toOfficer);
        Assert.Contains("Passports needing attention on ", toHr);
        Assert.Contains("The custody office's work list has the holders' contact details.", toHr);
    }

    private static string Body(string eml) =>
        System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(eml.Split("\r\n\r\n", 2)[1].Replace("\r\n", "")));

    private IRenderedComponent<TComponent> Render<TComponent>(Action<ComponentParameterCollectionBuilder<TComponent>>? parameters = null)
        where TComponent : IComponent =>
        parameters is null ? Context.Render<TComponent>() : Context.Render<TComponent>(parameters);

    private IRenderedComponent<Bunit.Rendering.ContainerFragment> RenderChain() => Context.Render(builder =>
    {
        builder.OpenComponent<MudPopoverProvider>(0);
        builder.CloseComponent();
        builder.OpenComponent<MudDialogProvider>(1);
        builder.CloseComponent();
        builder.OpenComponent<PassportCustodyPage>(2);
        builder.AddAttribute(3, nameof(PassportCustodyPage.Id), _data.PassportId);
        builder.CloseComponent();
    });

    private IEnumerable<string> Data() =>
        [_data.Specialist.LatinName, _data.Specialist.EmployeeNumber, _data.Firm.Name, CustodyTestData.Number, "Test CustodyOfficer", "Good", _receipt];

    private void AssertNoEnglish(string markup, params string[] moreData)
    {
        var english = LatinRuns.In(markup, Data().Concat(moreData));
        Assert.True(english.Count == 0, "English left on the page: " + string.Join(", ", english));
    }
}
