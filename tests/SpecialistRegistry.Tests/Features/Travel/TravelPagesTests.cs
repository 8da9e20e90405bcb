using System.Security.Claims;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using SpecialistRegistry.Auth;
using SpecialistRegistry.Domain;
using SpecialistRegistry.Features.Custody;
using SpecialistRegistry.Features.Travel;
using SpecialistRegistry.Tests.Infrastructure;

namespace SpecialistRegistry.Tests.Features.Travel;

/// <summary>The decision queue and a request's page over the real services: what each shows, in which order, per role.</summary>
public sealed class TravelPagesTests : BunitTestBase, IAsyncLifetime
{
    private TestApp _app = default!;
    private TravelScenario _s = default!;
    private AsyncServiceScope? _scope;
    private Specialist _li = default!;
    private Guid _wangPending;
    private Guid _liPending;
    private Guid _asked;

    public new async Task InitializeAsync()
    {
        _app = await TestApp.StartAsync();
        _s = await TravelScenario.CreateAsync(_app);
        var app = _app;
        var s = _s;
        await app.WithDbAsync(s.Regulator, async db =>
        {
            db.Flags.Add(new Flag { SpecialistId = s.Person.Id, Reason = FlagReason.ForeignContact, Severity = FlagSeverity.High, Note = "Met a broker", Status = FlagStatus.Open, RaisedById = s.Id(s.Regulator), RaisedAt = app.Clock.GetUtcNow() });
            db.Expertise.Add(new Expertise { SpecialistId = s.Person.Id, Area = ExpertiseArea.NdFeBSintering, Level = ExpertiseLevel.Expert, Years = 12 });
            await db.SaveChangesAsync();
        });
        // A past trip that came back late: released on 2026-11-02, due back 2026-11-06, returned 2026-11-12.
        var past = await app.ApprovedTripAsync(s.Person, s.Today.AddDays(1), s.Today.AddDays(2), "Osaka");
        await OfficerAsync(async c =>
        {
            var p = await s.PassportAsync();
            return await c.ReleaseAsync(new ReleaseInput { PassportId = p.Id, Version = p.Version, TravelRequestId = past.Id, AcknowledgedBy = "Wang Wei", BothPartiesAcknowledge = true });
        });
        app.Clock.Advance(TimeSpan.FromDays(10));
        await OfficerAsync(async c =>
        {
            var p = await s.PassportAsync();
            return await c.ReturnAsync(new ReturnInput { PassportId = p.Id, Version = p.Version, Safe = "A", Slot = "1", AcknowledgedBy = "Wang Wei", BothPartiesAcknowledge = true });
        });

        _li = await TestData.AddSpecialistAsync(app, s.OtherFirm.Id, "B-001", "李娜", "Li Na", passportNumber: "E77777777");
        _wangPending = await app.RequestAsync(s.Person, s.Today.AddDays(20), s.Today.AddDays(25), "Hamburg");
        await app.ApprovedTripAsync(s.Person, s.Today.AddDays(40), s.Today.AddDays(42), "Chicago");
        app.Clock.Advance(TimeSpan.FromHours(1));
        _liPending = await app.RequestAsync(_li, s.Today.AddDays(9), s.Today.AddDays(12), "Sydney");
        app.Clock.Advance(TimeSpan.FromHours(1));
        _asked = await app.RequestAsync(_li, s.Today.AddDays(50), s.Today.AddDays(52), "Toronto");
        await app.DecideAsync(_asked, TravelDecision.AskForInformation, s.Regulator, text: "Who invited her?");
    }

    public new async Task DisposeAsync()
    {
        await base.DisposeAsync();
        if (_scope is { } scope)
            await scope.DisposeAsync();
        await _app.DisposeAsync();
    }

    [Fact]
    public void The_queue_is_at_travel_review_and_only_for_regulators()
    {
        var route = Assert.Single(typeof(TravelReviewPage).GetCustomAttributes(typeof(RouteAttribute), false).Cast<RouteAttribute>());
        var authorize = Assert.Single(typeof(TravelReviewPage).GetCustomAttributes(typeof(Microsoft.AspNetCore.Authorization.AuthorizeAttribute), false)
            .Cast<Microsoft.AspNetCore.Authorization.AuthorizeAttribute>());

        Assert.Equal("/travel/review", route.Template);
        Assert.Equal(Policies.DecideTravel, authorize.Policy);
        Assert.Equal([Roles.Regulator], Policies.RolesFor[Policies.DecideTravel]);
    }

    [Fact]
    public async Task The_queue_shows_pending_requests_oldest_first_with_the_context_beside_each()
    {
        var nav = Setup(_s.Regulator);
        nav.NavigateTo("/travel/review");

        var page = Render<TravelReviewPage>();

        await page.WaitForAssertionAsync(() => Assert.Equal(2, page.FindAll("tbody tr.mud-table-row").Count));
        var rows = page.FindAll("tbody tr.mud-table-row");
        Assert.Contains("Hamburg, Japan", rows[0].TextContent);
        Assert.Contains("Sydney, Japan", rows[1].TextContent);
        // Li's request waiting for the firm's answer is not in the queue, only beside her other request.
        Assert.Contains("Toronto, Japan", rows[1].QuerySelector("[data-testid=context-other-trips]")!.TextContent);
        var wang = rows[0];
        Assert.Contains("Foreign contact (high)", wang.QuerySelector("[data-testid=context-flags]")!.TextContent);
        Assert.Contains("NdFeB sintering — Expert", wang.QuerySelector("[data-testid=context-expertise]")!.TextContent);
        Assert.Contains("Held", wang.QuerySelector("[data-testid=context-passport]")!.TextContent);
        Assert.Contains("Osaka, Japan, 2026-11-03 to 2026-11-04: Returned 6 days late", Squeezed(wang.QuerySelector("[data-testid=context-past-trips]")!.TextContent));
        var others = wang.QuerySelector("[data-testid=context-other-trips]")!.TextContent;
        Assert.Contains("Chicago, Japan", others);
        Assert.Contains("Approved (TA-2026-", others);
        Assert.DoesNotContain("Hamburg", others);
        Assert.Contains("None", rows[1].QuerySelector("[data-testid=context-flags]")!.TextContent);
        await page.WaitForAssertionAsync(() => Assert.Contains("Travel requests: 2", page.Find("[data-testid=review-summary]").TextContent));
    }

    [Fact]
    public async Task A_link_with_filters_shows_exactly_those_requests()
    {
        var nav = Setup(_s.Regulator);
        nav.NavigateTo($"/travel/review?status=asked&firm={_s.OtherFirm.Id}");

        var page = Render<TravelReviewPage>();

        await page.WaitForAssertionAsync(() => Assert.Single(page.FindAll("tbody tr.mud-table-row")));
        Assert.Contains("Toronto, Japan", page.FindAll("tbody tr.mud-table-row")[0].TextContent);
        Assert.Contains("Open", page.Find("tbody").TextContent);
    }

    [Fact]
    public async Task The_firm_s_list_filtered_to_not_returned_shows_only_the_trip_whose_passport_was_lost_abroad()
    {
        var seoul = await _app.ApprovedTripAsync(_s.Person, _s.Today.AddDays(1), _s.Today.AddDays(3), "Seoul");
        await OfficerAsync(async c =>
        {
            var p = await _s.PassportAsync();
            return await c.ReleaseAsync(new ReleaseInput { PassportId = p.Id, Version = p.Version, TravelRequestId = seoul.Id, AcknowledgedBy = "Wang Wei", BothPartiesAcknowledge = true });
        });
        await OfficerAsync(async c =>
        {
            var p = await _s.PassportAsync();
            return await c.ReportLostAsync(new CloseInput { PassportId = p.Id, Version = p.Version, Note = "Stolen in Seoul." });
        });
        var nav = Setup(_s.Hr);
        nav.NavigateTo("/travel?status=notreturned");

        var page = Render<TravelPage>();

        await page.WaitForAssertionAsync(() => Assert.Single(page.FindAll("tbody tr.mud-table-row")));
        var row = page.Find("tbody tr.mud-table-row").TextContent;
        Assert.Contains("Seoul", row);
        Assert.Contains("Not returned", row);
        Assert.DoesNotContain("Osaka", page.Find("tbody").TextContent);
        Assert.Equal(TravelStatus.NotReturned, (await _app.TripAsync(seoul.Id)).Status);
    }

    [Fact]
    public async Task Values_in_a_link_that_do_not_parse_fall_back_to_the_defaults_and_leave_the_address()
    {
        var nav = Setup(_s.Regulator);
        nav.NavigateTo("/travel/review?status=nonsense&purpose=Smuggling&page=-2&q=sydney");

        var page = Render<TravelReviewPage>();

        await page.WaitForAssertionAsync(() => Assert.Single(page.FindAll("tbody tr.mud-table-row")));
        Assert.Contains("Sydney", page.Find("tbody").TextContent);
        await page.WaitForAssertionAsync(() => Assert.EndsWith("/travel/review?q=sydney", nav.Uri));
    }

    [Fact]
    public async Task Another_firm_s_HR_opening_a_request_s_address_is_told_it_is_not_found()
    {
        Setup(_s.OtherHr);

        var page = RenderRequest(_wangPending);

        await page.WaitForAssertionAsync(() => Assert.Contains("Travel request not found", page.Markup));
        Assert.DoesNotContain("Hamburg", page.Markup);
        Assert.DoesNotContain("王伟", page.Markup);
        Assert.Equal(TravelStatus.Pending, (await _app.TripAsync(_wangPending)).Status);
    }

    [Fact]
    public async Task The_firm_s_HR_sees_the_question_and_the_answer_form_and_no_decision()
    {
        Setup(TestUsers.Principal(Roles.FirmHR, _s.OtherFirm.Id, "hr-b", "HR B"));

        var page = RenderRequest(_asked);

        await page.WaitForAssertionAsync(() => Assert.Contains("Travel to Toronto, Japan", page.Find("[data-testid=travel-title]").TextContent));
        Assert.Contains("Who invited her?", page.Find("[data-testid=travel-exchange]").TextContent);
        Assert.Single(page.FindAll("[data-testid=answer-panel]"));
        Assert.Single(page.FindAll("[data-testid=withdraw]"));
        Assert.Empty(page.FindAll("[data-testid=decision-panel]"));
        Assert.Empty(page.FindAll("[data-testid=review-context]"));
    }

    [Fact]
    public async Task A_regulator_approves_from_the_request_s_page_and_sees_the_approval_number()
    {
        Setup(_s.Regulator);
        var page = RenderRequest(_liPending);
        await page.WaitForAssertionAsync(() => Assert.Single(page.FindAll("[data-testid=decision-panel]")));
        Assert.Single(page.FindAll("[data-testid=review-context]"));
        Assert.Empty(page.FindAll("[data-testid=answer-panel]"));

        await page.Find("[data-testid=decision-panel] textarea").ChangeAsync(new ChangeEventArgs { Value = "Report on return." });
        await page.Find("[data-testid=record-decision]").ClickAsync(new Microsoft.AspNetCore.Components.Web.MouseEventArgs());

        await page.WaitForAssertionAsync(() => Assert.Contains("Approved: travel approval TA-2026-", page.Find("[data-testid=travel-message]").TextContent));
        var trip = await _app.TripAsync(_liPending);
        Assert.Equal(TravelStatus.Approved, trip.Status);
        Assert.Equal("Report on return.", trip.Conditions);
        Assert.Equal(trip.ApprovalNumber, page.Find("[data-testid=approval-number]").TextContent);
        Assert.Empty(page.FindAll("[data-testid=decision-panel]"));
    }

    [Fact]
    public async Task A_regulator_deciding_on_a_stale_page_is_told_and_sees_the_decision_that_stands()
    {
        Setup(_s.Regulator);
        var page = RenderRequest(_liPending);
        await page.WaitForAssertionAsync(() => Assert.Single(page.FindAll("[data-testid=decision-panel]")));
        await _app.DecideAsync(_liPending, TravelDecision.Deny, TestUsers.Principal(Roles.Regulator, id: "other", name: "Other Regulator"), text: "No.");

        await page.Find("[data-testid=record-decision]").ClickAsync(new Microsoft.AspNetCore.Components.Web.MouseEventArgs());

        await page.WaitForAssertionAsync(() => Assert.Contains("Other Regulator decided this request after you opened it: it is denied. Nothing was saved.",
            page.Find("[data-testid=travel-message]").TextContent));
        Assert.Equal("No.", page.Find("[data-testid=denial-reason]").TextContent);
        Assert.Equal(TravelStatus.Denied, (await _app.TripAsync(_liPending)).Status);
    }

    [Fact]
    public async Task Approving_for_someone_who_has_left_is_refused_where_the_regulator_is()
    {
        await _app.WithDbAsync(TestUsers.Admin, async db =>
        {
            (await db.Specialists.SingleAsync(p => p.Id == _s.Person.Id)).RecordLeaving(_s.Today, "Resigned");
            await db.SaveChangesAsync();
        });
        Setup(_s.Regulator);
        var page = RenderRequest(_wangPending);
        await page.WaitForAssertionAsync(() => Assert.Single(page.FindAll("[data-testid=decision-panel]")));

        await page.Find("[data-testid=record-decision]").ClickAsync(new Microsoft.AspNetCore.Components.Web.MouseEventArgs());

        await page.WaitForAssertionAsync(() => Assert.Contains("王伟 (Wang Wei) has left the firm", page.Find("[data-testid=decision-error]").TextContent));
        Assert.Equal(TravelStatus.Pending, (await _app.TripAsync(_wangPending)).Status);
    }

    private static string Squeezed(string text) => System.Text.RegularExpressions.Regex.Replace(text, @"\s+", " ");

    private NavigationManager Setup(ClaimsPrincipal user)
    {
        var scope = _app.Scope(user);
        _scope = scope;
        var sp = scope.ServiceProvider;
        Context.Services.AddSingleton(sp.GetRequiredService<TravelQueries>());
        Context.Services.AddSingleton(sp.GetRequiredService<TravelService>());
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

    private async Task<CustodyOutcome> OfficerAsync(Func<CustodyService, Task<CustodyOutcome>> work)
    {
        await using var scope = _app.Scope(_s.Officer);
        return Assert.IsType<CustodyOutcome.Logged>(await work(scope.ServiceProvider.GetRequiredService<CustodyService>()));
    }
}
