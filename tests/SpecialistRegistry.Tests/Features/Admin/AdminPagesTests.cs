using System.Globalization;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;
using SpecialistRegistry.Auth;
using SpecialistRegistry.Domain;
using SpecialistRegistry.Localization;
using SpecialistRegistry.Features.Admin;
using SpecialistRegistry.Tests.Infrastructure;
using static SpecialistRegistry.Tests.Features.Admin.AdminTestData;

namespace SpecialistRegistry.Tests.Features.Admin;

/// <summary>The admin pages as an Admin sees them, over the real services and a real database.</summary>
public sealed class AdminPagesTests : IAsyncLifetime
{
    private static readonly string BaotouCode = Code("91150200MA0N1K2X3");

    private readonly BunitContext _ui = new();
    private TestApp _app = default!;
    private AsyncServiceScope _admin;

    public async Task InitializeAsync()
    {
        _app = await TestApp.StartAsync();
        _admin = _app.Scope(TestUsers.Admin);
        var firms = _admin.ServiceProvider.GetRequiredService<FirmAdminService>();
        var users = _admin.ServiceProvider.GetRequiredService<UserAdminService>();
        var baotou = (await firms.CreateAsync(Firm("Baotou Northern Rare Earth", BaotouCode))).Value;
        await firms.CreateAsync(Firm("Ningbo Eastern Magnet", Code("91330200MA2G9Y3K1")));
        await users.CreateAsync(new UserInput { DisplayName = "Li Na", Email = "li.na@baotou.example.cn", Role = Roles.FirmHR, FirmId = baotou });
        var disabled = (await users.CreateAsync(new UserInput { DisplayName = "Wang Lei", Email = "wang.lei@regulator.example.cn", Role = Roles.Regulator })).Value!;
        await users.SetDisabledAsync(disabled.Id, true);

        _ui.JSInterop.Mode = JSRuntimeMode.Loose;
        _ui.Services.AddMudServices();
        _ui.Services.AddLocalization();
        // The page's services act in the Admin's scope of the test app, as they would in the Admin's circuit.
        _ui.Services.AddSingleton(firms);
        _ui.Services.AddSingleton(users);
        _ui.Services.AddSingleton(_admin.ServiceProvider.GetRequiredService<CurrentUser>());
        _ui.SetRendererInfo(new RendererInfo("Server", true));
    }

    public async Task DisposeAsync()
    {
        await _ui.DisposeAsync();
        await _admin.DisposeAsync();
        await _app.DisposeAsync();
    }

    [Fact]
    public void Firms_page_shows_the_firms_grid_with_a_new_firm_button_and_labelled_row_actions()
    {
        var page = RenderPage<FirmsPage>();

        page.WaitForAssertion(() => Assert.Contains("Baotou Northern Rare Earth", page.Markup));
        Assert.Contains("Ningbo Eastern Magnet", page.Markup);
        Assert.Contains(BaotouCode, page.Markup);
        Assert.Contains("Permanent magnets", page.Markup);
        Assert.Equal("New firm", page.Find("[data-testid=new-firm]").TextContent.Trim());
        Assert.Equal(2, page.FindAll("button[aria-label^='Edit ']").Count);
        Assert.Contains("Current specialists", page.Markup);
        Assert.Contains(page.FindAll("label"), l => l.TextContent.Contains("Search firms"));
    }

    [Fact]
    public void New_firm_dialog_refuses_a_registered_credit_code_on_the_field_and_stays_open()
    {
        var page = RenderPage<FirmsPage>();
        page.WaitForAssertion(() => Assert.Contains("Baotou Northern Rare Earth", page.Markup));

        page.Find("[data-testid=new-firm]").Click();
        page.WaitForAssertion(() => Assert.Contains("Unified social credit code", page.Markup));
        page.Find("input[data-testid=firm-name]").Input("Copycat Metals");
        page.Find("input[data-testid=firm-credit-code]").Input(BaotouCode);
        page.Find("input[data-testid=firm-region]").Change("Inner Mongolia");
        page.Find("[data-testid=save-firm]").Click();

        page.WaitForAssertion(() => Assert.Contains(FirmAdminService.DuplicateCodeMessage, page.Markup));
        Assert.Contains("Copycat Metals", page.Find("input[data-testid=firm-name]").GetAttribute("value"));
    }

    [Fact]
    public void Users_page_shows_accounts_with_role_firm_status_and_actions()
    {
        var page = RenderPage<UsersPage>();

        page.WaitForAssertion(() => Assert.Contains("Li Na", page.Markup));
        Assert.Contains("li.na@baotou.example.cn", page.Markup);
        Assert.Contains("Firm HR", page.Markup);
        Assert.Contains("Baotou Northern Rare Earth", page.Markup);
        Assert.Contains("Disabled", page.Markup);
        Assert.Contains("Must change password", page.Markup);
        Assert.Equal("New account", page.Find("[data-testid=new-user]").TextContent.Trim());
        Assert.Single(page.FindAll("button[aria-label='Enable Wang Lei']"));
        Assert.Single(page.FindAll("button[aria-label='Disable Li Na']"));
        Assert.Single(page.FindAll("button[aria-label='Reset the password of Li Na']"));
    }

    [Fact]
    public void New_account_dialog_shows_the_temporary_password_once_the_account_exists()
    {
        var page = RenderPage<UsersPage>();
        page.WaitForAssertion(() => Assert.Contains("Li Na", page.Markup));

        page.Find("[data-testid=new-user]").Click();
        page.WaitForAssertion(() => Assert.Contains("E-mail (sign-in name)", page.Markup));
        page.Find("input[data-testid=user-name]").Change("Chen Jie");
        page.Find("input[data-testid=user-email]").Change("chen.jie@custody.example.cn");
        var role = page.FindComponent<UserDialog>().FindComponents<MudSelect<string>>().Single(s => s.Instance.Label == "Role");
        role.InvokeAsync(() => role.Instance.SelectOption(Roles.CustodyOfficer));
        page.Find("[data-testid=save-user]").Click();

        page.WaitForAssertion(() => Assert.Contains("shown only this once", page.Markup));
        var password = page.Find("input[data-testid=temporary-password]").GetAttribute("value");
        Assert.True(password?.Length >= 12);
    }

    [Fact]
    public void Firms_page_reads_in_Chinese_for_a_Chinese_admin()
    {
        using var _ = CultureScope.Use(CultureInfo.GetCultureInfo("zh-CN"));
        var page = RenderPage<FirmsPage>();
        page.WaitForAssertion(() => Assert.Contains("Baotou Northern Rare Earth", page.Markup));

        Assert.Equal("新增企业", page.Find("[data-testid=new-firm]").TextContent.Trim());
        Assert.Contains("在职专家", page.Markup);
        Assert.Contains("永磁材料", page.Markup);
        Assert.DoesNotContain("Permanent magnets", page.Markup);
        Assert.Equal(2, page.FindAll("button[aria-label^='编辑']").Count);
    }

    [Fact]
    public void A_refused_credit_code_is_explained_in_Chinese()
    {
        using var _ = CultureScope.Use(CultureInfo.GetCultureInfo("zh-CN"));
        var page = RenderPage<FirmsPage>();
        page.WaitForAssertion(() => Assert.Contains("Baotou Northern Rare Earth", page.Markup));

        page.Find("[data-testid=new-firm]").Click();
        page.WaitForAssertion(() => Assert.Contains("统一社会信用代码", page.Markup));
        page.Find("input[data-testid=firm-name]").Input("Copycat Metals");
        page.Find("input[data-testid=firm-credit-code]").Input(BaotouCode);
        page.Find("input[data-testid=firm-region]").Change("内蒙古");
        page.Find("[data-testid=save-firm]").Click();

        page.WaitForAssertion(() => Assert.Contains("已有其他企业以该信用代码登记。", page.Markup));
    }

    [Fact]
    public void Users_page_shows_status_and_actions_in_Chinese()
    {
        using var _ = CultureScope.Use(CultureInfo.GetCultureInfo("zh-CN"));
        var page = RenderPage<UsersPage>();
        page.WaitForAssertion(() => Assert.Contains("Li Na", page.Markup));

        Assert.Equal("新建账户", page.Find("[data-testid=new-user]").TextContent.Trim());
        Assert.Contains("已停用", page.Markup);
        Assert.Contains("须修改密码", page.Markup);
        Assert.Single(page.FindAll("button[aria-label='重置Li Na的密码']"));
        Assert.DoesNotContain("Must change password", page.Markup);
    }

    [Fact]
    public void The_temporary_password_notice_shows_the_name_as_text_not_markup()
    {
        var notice = _ui.Render<TemporaryPasswordNotice>(p => p
            .Add(n => n.Password, "kT7m-Xq4r-9HbW-c2Ns").Add(n => n.Name, "<em>Li</em>").Add(n => n.Email, "li@x.example.cn"));

        Assert.Contains("<strong>&lt;em&gt;Li&lt;/em&gt;</strong>", notice.Markup);
        Assert.Empty(notice.FindAll("em"));
    }

    private IRenderedComponent<Bunit.Rendering.ContainerFragment> RenderPage<TPage>() where TPage : IComponent =>
        _ui.Render(builder =>
        {
            builder.OpenComponent<MudPopoverProvider>(0);
            builder.CloseComponent();
            builder.OpenComponent<MudDialogProvider>(1);
            builder.CloseComponent();
            builder.OpenComponent<MudSnackbarProvider>(2);
            builder.CloseComponent();
            builder.OpenComponent<TPage>(3);
            builder.CloseComponent();
        });
}
