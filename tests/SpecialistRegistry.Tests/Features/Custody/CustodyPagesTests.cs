using System.Security.Claims;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using SpecialistRegistry.Domain;
using SpecialistRegistry.Features.Custody;
using SpecialistRegistry.Tests.Infrastructure;

namespace SpecialistRegistry.Tests.Features.Custody;

/// <summary>What the custody pages show and hide per role, over the real services and a real database.</summary>
public sealed class CustodyPagesTests : BunitTestBase, IAsyncLifetime
{
    private TestApp _app = default!;
    private CustodyTestData _data = default!;
    private AsyncServiceScope _scope;

    public new async Task InitializeAsync()
    {
        _app = await TestApp.StartAsync();
        _data = await CustodyTestData.CreateAsync(_app);
        await _data.HandInAsync();
    }

    public new async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await _scope.DisposeAsync();
        await _app.DisposeAsync();
    }

    [Fact]
    public void The_custody_officer_sees_the_full_number_the_actions_the_state_allows_and_the_chain()
    {
        var page = RenderChain(TestUsers.CustodyOfficer);

        page.WaitForAssertion(() => Assert.Contains("Chain of custody", page.Markup));
        Assert.Equal("E12345678, China", page.Find("[data-testid=passport-number]").TextContent.Trim());
        Assert.Contains("Safe A, slot 12", page.Markup);
        Assert.Single(page.FindAll("[data-testid=action-Release]"));
        Assert.Empty(page.FindAll("[data-testid=action-HandIn]"));
        Assert.Empty(page.FindAll("[data-testid=action-Return]"));
        Assert.Single(page.FindAll("[data-testid=custody-chain] tbody tr"));
    }

    [Fact]
    public void Firm_HR_reads_their_own_staff_member_s_chain_masked_and_without_actions()
    {
        var page = RenderChain(TestUsers.FirmHr(_data.Firm.Id));

        page.WaitForAssertion(() => Assert.Contains("Chain of custody", page.Markup));
        Assert.Equal("••••5678, China", page.Find("[data-testid=passport-number]").TextContent.Trim());
        Assert.Empty(page.FindAll("[data-testid^=action-]"));
        Assert.Contains("Handed in", page.Markup);
    }

    [Fact]
    public async Task Firm_HR_of_another_firm_is_told_the_passport_is_not_found()
    {
        var other = await TestData.AddFirmAsync(_app);

        var page = RenderChain(TestUsers.FirmHr(other.Id));

        page.WaitForAssertion(() => Assert.Contains("Passport not found", page.Markup));
        Assert.DoesNotContain("Safe A", page.Markup);
    }

    [Fact]
    public async Task An_officer_acting_on_a_stale_page_is_told_in_the_dialog_and_the_page_then_shows_the_passport_as_it_is()
    {
        // The page hears no live notice (a notice can arrive after the click): the server's version check must refuse.
        var page = RenderChain(TestUsers.CustodyOfficer, hearsLiveNotices: false);
        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-testid=action-ReportLost]")));
        var today = DateOnly.FromDateTime(_app.Clock.GetUtcNow().UtcDateTime);
        _app.Clock.Advance(TimeSpan.FromMinutes(1));
        await _data.ReleaseAsync(today.AddDays(1), today.AddDays(5)); // another officer, in the meantime

        page.Find("[data-testid=action-ReportLost]").Click();
        page.WaitForAssertion(() => Assert.Single(page.FindAll("textarea")));
        page.Find("textarea").Change("Holder reports it stolen");
        page.Find("[data-testid=confirm-close]").Click();

        page.WaitForAssertion(() => Assert.Contains("This passport changed after you opened it", page.Find("[data-testid=custody-error]").TextContent));
        Assert.Equal(CustodyStatus.Released, (await _data.PassportAsync()).CustodyStatus);
        Assert.Equal(2, (await _data.EventsAsync()).Count);
    }

    private IRenderedComponent<Bunit.Rendering.ContainerFragment> RenderChain(ClaimsPrincipal user, bool hearsLiveNotices = true)
    {
        _scope = _app.Scope(user);
        Context.Services.AddSingleton(_scope.ServiceProvider.GetRequiredService<CustodyQueries>());
        Context.Services.AddSingleton(_scope.ServiceProvider.GetRequiredService<CustodyService>());
        Context.Services.AddSingleton<TimeProvider>(_app.Clock);
        Context.Services.AddSingleton(hearsLiveNotices
            ? _scope.ServiceProvider.GetRequiredService<SpecialistRegistry.Data.NotificationBroadcaster>()
            : new SpecialistRegistry.Data.NotificationBroadcaster());
        SignIn(user);
        return Context.Render(builder =>
        {
            builder.OpenComponent<MudPopoverProvider>(0);
            builder.CloseComponent();
            builder.OpenComponent<MudDialogProvider>(1);
            builder.CloseComponent();
            builder.OpenComponent<PassportCustodyPage>(2);
            builder.AddAttribute(3, nameof(PassportCustodyPage.Id), _data.PassportId);
            builder.CloseComponent();
        });
    }
}
