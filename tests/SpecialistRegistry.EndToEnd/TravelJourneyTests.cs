using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SpecialistRegistry.Auth;
using SpecialistRegistry.Data;
using SpecialistRegistry.Data.Seed;
using SpecialistRegistry.Domain;

namespace SpecialistRegistry.EndToEnd;

/// <summary>The app's clock with an offset a journey can move forward, so a passport can come back late.</summary>
public sealed class MovableClock : TimeProvider
{
    public TimeSpan Offset { get; set; }

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + Offset;
}

/// <summary>Its own app and browser: the travel journey moves the app's clock, which no other journey should see.</summary>
public sealed class TravelAppServer : AppServer
{
    public MovableClock Clock { get; } = new();

    protected override void ConfigureServices(IServiceCollection services) => services.AddSingleton<TimeProvider>(Clock);
}

[CollectionDefinition(Name)]
public sealed class TravelAppCollection : ICollectionFixture<TravelAppServer>
{
    public const string Name = "travel-app";
}

/// <summary>
/// Travel approval from request to return, in a real Chromium, one role after the other: Firm HR requests a trip
/// from the roster, the regulator asks a question, HR answers, the regulator approves, the custody office releases
/// the passport against the approval (the receipt names it), the passport comes back late, and the profile shows
/// the trip returned late by the days it was.
/// </summary>
[Collection(TravelAppCollection.Name)]
public sealed class TravelJourneyTests(TravelAppServer app)
{
    [Fact]
    public async Task A_trip_goes_from_HR_s_request_through_question_answer_and_approval_to_a_release_and_a_late_return()
    {
        var person = await TravellerAsync();
        var today = DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime);
        var departure = today.AddDays(3);
        var returnOn = today.AddDays(6);

        // Firm HR requests the trip from the person's record in the roster; a return before departure is refused first.
        var hr = await SignedInAsync(Roles.FirmHR);
        await hr.GotoAsync($"/roster/{person.Id}");
        await Journeys.WaitForCircuitAsync(hr);
        await hr.GetByTestId("request-travel-for").ClickAsync();
        await hr.WaitForURLAsync(new Regex("/travel/new\\?specialist="));
        await Journeys.WaitForCircuitAsync(hr);
        await Assertions.Expect(hr.GetByTestId("travel-specialist-fixed")).ToContainTextAsync(person.LatinName);
        await hr.GetByLabel("Destination country").FillAsync("Germany");
        await hr.GetByLabel("Destination city").FillAsync("Hamburg");
        await hr.GetByLabel("Purpose").ClickAsync();
        await hr.GetByRole(AriaRole.Option, new() { Name = "Conference", Exact = true }).ClickAsync();
        await hr.GetByLabel("Inviting organisation").FillAsync("International Magnetics Conference");
        await FillDateAsync(hr.GetByLabel("Departure date"), departure.AddDays(2));
        await FillDateAsync(hr.GetByLabel("Return date"), departure);
        await hr.GetByLabel("Itinerary").FillAsync("Hamburg Messe, conference days 1–3; flights via Frankfurt.");
        await hr.GetByTestId("submit-travel").ClickAsync();
        await Assertions.Expect(hr.GetByText("The return date cannot be before the departure date.")).ToBeVisibleAsync();
        await ShotAsync(hr, "travel-request-refused");
        await Journeys.AssertAccessibleAsync(hr);
        await FillDateAsync(hr.GetByLabel("Departure date"), departure);
        await FillDateAsync(hr.GetByLabel("Return date"), returnOn);
        await hr.GetByTestId("submit-travel").ClickAsync();
        await hr.WaitForURLAsync(new Regex("/travel/[0-9a-f-]{36}\\?sent=1"));
        var tripUrl = new Uri(hr.Url).AbsolutePath;
        await Assertions.Expect(hr.GetByTestId("travel-status")).ToHaveTextAsync("Pending");
        await ShotAsync(hr, "travel-request-sent");
        await Journeys.AssertAccessibleAsync(hr);

        // The regulator finds it in the queue with the person's context beside it and asks a question.
        var regulator = await SignedInAsync(Roles.Regulator);
        await regulator.GotoAsync($"/travel/review?q={Uri.EscapeDataString(person.LatinName)}");
        await Journeys.WaitForCircuitAsync(regulator);
        var row = regulator.GetByTestId("review-grid").Locator("tbody tr", new() { HasText = "Hamburg, Germany" });
        await Assertions.Expect(row).ToHaveCountAsync(1);
        await Assertions.Expect(row.GetByTestId("context-passport")).ToContainTextAsync("Held");
        await ShotAsync(regulator, "travel-review-queue");
        await Journeys.AssertAccessibleAsync(regulator);
        await row.GetByTestId("review-open").ClickAsync();
        await regulator.WaitForURLAsync(url => url.EndsWith(tripUrl));
        await Journeys.WaitForCircuitAsync(regulator);
        await regulator.GetByTestId("decide-ask").ClickAsync();
        await regulator.GetByLabel("Question for the firm").FillAsync("Will the specialist visit any production site?");
        await ShotAsync(regulator, "travel-decision-ask");
        await Journeys.AssertAccessibleAsync(regulator);
        await regulator.GetByTestId("record-decision").ClickAsync();
        await Assertions.Expect(regulator.GetByTestId("travel-status")).ToHaveTextAsync("Information requested");

        // HR answers, and the request goes back to the regulator.
        await hr.GotoAsync(tripUrl);
        await Journeys.WaitForCircuitAsync(hr);
        await Assertions.Expect(hr.GetByTestId("travel-exchange")).ToContainTextAsync("Will the specialist visit any production site?");
        await hr.GetByLabel("Your answer").FillAsync("No: the conference venue and the hotel only.");
        await ShotAsync(hr, "travel-answer");
        await Journeys.AssertAccessibleAsync(hr);
        await hr.GetByTestId("send-answer").ClickAsync();
        await Assertions.Expect(hr.GetByTestId("travel-status")).ToHaveTextAsync("Pending");

        // The regulator approves it, with a condition; the approval gets its number.
        await regulator.ReloadAsync();
        await Journeys.WaitForCircuitAsync(regulator);
        await Assertions.Expect(regulator.GetByTestId("travel-exchange")).ToContainTextAsync("the hotel only");
        await regulator.GetByLabel("Conditions (optional)").FillAsync("Report to the firm's security officer on return.");
        await regulator.GetByTestId("record-decision").ClickAsync();
        await Assertions.Expect(regulator.GetByTestId("travel-status")).ToHaveTextAsync("Approved");
        var approval = (await regulator.GetByTestId("approval-number").TextContentAsync())!.Trim();
        Assert.Matches("^TA-[0-9]{4}-[0-9A-Z]{6}$", approval);
        await ShotAsync(regulator, "travel-approved");
        await Journeys.AssertAccessibleAsync(regulator);

        // The custody office sees it on the to-release list and releases the passport against it.
        var officer = await SignedInAsync(Roles.CustodyOfficer);
        await officer.GotoAsync("/custody/to-release");
        await Journeys.WaitForCircuitAsync(officer);
        await Assertions.Expect(officer.GetByTestId("to-release-grid")).ToContainTextAsync(approval);
        await ShotAsync(officer, "travel-to-release");
        await Journeys.AssertAccessibleAsync(officer);
        await officer.GetByTestId($"release-{approval}").ClickAsync();
        var dialog = officer.GetByRole(AriaRole.Dialog);
        await Assertions.Expect(dialog.GetByTestId("release-dueback")).ToContainTextAsync($"Due back on {Iso(returnOn.AddDays(2))}");
        await dialog.GetByLabel("Both parties have checked the details and acknowledge this entry").CheckAsync();
        await ShotAsync(officer, "travel-release-dialog");
        await Journeys.AssertAccessibleAsync(officer);
        await dialog.GetByTestId("confirm-release").ClickAsync();
        await Assertions.Expect(officer.GetByTestId("custody-logged")).ToContainTextAsync("Open receipt");
        await officer.GetByTestId("open-receipt").ClickAsync();
        await Assertions.Expect(officer.GetByTestId("receipt-approval")).ToContainTextAsync(approval);
        await Assertions.Expect(officer.GetByTestId("receipt")).ToContainTextAsync("Hamburg, Germany");
        await Assertions.Expect(officer.GetByTestId("receipt")).ToContainTextAsync(Iso(returnOn.AddDays(2)));
        var releaseReceipt = (await officer.GetByTestId("receipt-number").TextContentAsync())!.Trim();
        var releaseCode = (await officer.GetByTestId("verification-code").TextContentAsync())!.Trim();
        await ShotAsync(officer, "travel-release-receipt");
        await Journeys.AssertAccessibleAsync(officer);

        // Four days after it was due back (approved return + 2 grace days), the passport comes back.
        app.Clock.Offset = TimeSpan.FromDays(12);
        officer = await SignedInAsync(Roles.CustodyOfficer);
        await officer.GotoAsync($"/custody/passports/{person.PassportId}");
        await Journeys.WaitForCircuitAsync(officer);
        await officer.GetByTestId("action-Return").ClickAsync();
        dialog = officer.GetByRole(AriaRole.Dialog);
        await dialog.GetByLabel("Both parties have checked the details and acknowledge this entry").CheckAsync();
        await dialog.GetByTestId("confirm-return").ClickAsync();
        await Assertions.Expect(officer.GetByTestId("passport-status")).ToContainTextAsync("Held");
        var chain = officer.GetByTestId("custody-chain");
        await Assertions.Expect(chain).ToContainTextAsync("4 day(s) late");
        await Assertions.Expect(chain).ToContainTextAsync($"Closes travel approval {approval}");
        await ShotAsync(officer, "travel-chain-of-custody");
        await Journeys.AssertAccessibleAsync(officer);
        await officer.GotoAsync($"/custody/receipts/check?number={releaseReceipt}&code={releaseCode}");
        await Journeys.WaitForCircuitAsync(officer);
        await Assertions.Expect(officer.GetByTestId("check-result")).ToContainTextAsync("superseded");

        // The profile shows the trip, closed four days late; so does the request's page.
        regulator = await SignedInAsync(Roles.Regulator);
        await regulator.GotoAsync($"/specialists/{person.Id}");
        await Journeys.WaitForCircuitAsync(regulator);
        var trip = regulator.GetByTestId("profile-trip").Filter(new() { HasText = approval });
        await Assertions.Expect(trip.GetByTestId("profile-trip-outcome")).ToHaveTextAsync("Returned 4 days late");
        await ShotAsync(regulator, "travel-profile");
        await Journeys.AssertAccessibleAsync(regulator);
        await regulator.GotoAsync(tripUrl);
        await Journeys.WaitForCircuitAsync(regulator);
        await Assertions.Expect(regulator.GetByTestId("travel-status")).ToHaveTextAsync("Returned 4 days late");
        await ShotAsync(regulator, "travel-request-closed");
        app.Clock.Offset = TimeSpan.Zero;
    }

    [Fact]
    public async Task The_travel_pages_of_each_role_have_demo_work_and_pass_the_accessibility_scan()
    {
        var hr = await SignedInAsync(Roles.FirmHR);
        await hr.GotoAsync("/travel");
        await Journeys.WaitForCircuitAsync(hr);
        await Assertions.Expect(hr.GetByTestId("travel-grid").Locator("tbody tr").First).ToContainTextAsync("20");
        await ShotAsync(hr, "travel-hr-list");
        await Journeys.AssertAccessibleAsync(hr);
        await hr.GotoAsync("/");
        await Journeys.WaitForCircuitAsync(hr);
        await ShotAsync(hr, "travel-hr-home");

        var regulator = await SignedInAsync(Roles.Regulator);
        await regulator.GotoAsync("/travel/review");
        await Journeys.WaitForCircuitAsync(regulator);
        await Assertions.Expect(regulator.GetByTestId("review-summary")).ToContainTextAsync("requests");
        await ShotAsync(regulator, "travel-review-demo");
        await regulator.GotoAsync("/dashboard");
        await Journeys.WaitForCircuitAsync(regulator);
        await Assertions.Expect(regulator.GetByTestId("travel-figures")).ToBeVisibleAsync();
        await ShotAsync(regulator, "travel-dashboard");
        await Journeys.AssertAccessibleAsync(regulator);

        var officer = await SignedInAsync(Roles.CustodyOfficer);
        await officer.GotoAsync("/custody/overdue?within=30");
        await Journeys.WaitForCircuitAsync(officer);
        await ShotAsync(officer, "travel-overdue-names-trip");
        await officer.GotoAsync("/");
        await Journeys.WaitForCircuitAsync(officer);
        await ShotAsync(officer, "travel-custody-home");
    }

    private sealed record Traveller(Guid Id, string LatinName, Guid PassportId);

    /// <summary>Someone at the demo HR account's firm, still employed, whose passport is held and who has no trip yet.</summary>
    private async Task<Traveller> TravellerAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        await using var db = scope.ServiceProvider.GetRequiredService<Func<RegistryDb>>()();
        var firmId = await db.Users.Where(u => u.Email == DemoAccounts.FirmHrEmail).Select(u => u.FirmId).SingleAsync();
        return await db.Specialists
            .Where(s => s.FirmId == firmId && s.Status == EmploymentStatus.Current && !db.TravelRequests.Any(t => t.SpecialistId == s.Id))
            .Where(s => s.Passports.Any(p => p.IsCurrent && p.CustodyStatus == CustodyStatus.Held))
            .OrderByDescending(s => s.EmployeeNumber)
            .Select(s => new Traveller(s.Id, s.LatinName, s.Passports.First(p => p.IsCurrent).Id))
            .FirstAsync();
    }

    /// <summary>From the top of the page (the app bar is fixed), once nothing is animating any more.</summary>
    private static async Task ShotAsync(IPage page, string name)
    {
        await page.EvaluateAsync("() => window.scrollTo(0, 0)");
        await page.WaitForFunctionAsync("() => document.getAnimations().every(a => a.playState !== 'running')");
        await Journeys.ScreenshotAsync(page, name);
    }

    private async Task<IPage> SignedInAsync(string role)
    {
        var page = await app.NewPageAsync();
        // Two cores shared with builds: a long journey must not fail on a slow moment.
        page.SetDefaultTimeout(60_000);
        page.SetDefaultNavigationTimeout(60_000);
        await Journeys.SignInAsync(page, role);
        return page;
    }

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>An editable MudDatePicker takes typed text once the field loses focus.</summary>
    private static async Task FillDateAsync(ILocator field, DateOnly date)
    {
        await field.FillAsync(Iso(date));
        await field.PressAsync("Tab");
    }
}
