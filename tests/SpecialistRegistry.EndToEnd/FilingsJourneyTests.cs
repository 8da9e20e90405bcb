using System.Text.RegularExpressions;
using Microsoft.Playwright;
using SpecialistRegistry.Auth;

namespace SpecialistRegistry.EndToEnd;

/// <summary>
/// The filing round trip in a real Chromium: the demo Firm HR user prepares and submits this quarter's filing,
/// the regulator returns it with a remark on one person, HR corrects that person on the roster and resubmits,
/// the regulator accepts, and HR checks the receipt. Every filings page is screenshotted and scanned by axe.
/// </summary>
[Collection(AppCollection.Name)]
public sealed partial class FilingsJourneyTests
{
    private readonly AppServer app;

    public FilingsJourneyTests(AppServer app)
    {
        this.app = app;
        // Submitting and comparing a roster is real work on a shared two-core machine: give the page time to answer.
        Assertions.SetDefaultExpectTimeout(15_000);
    }

    [Fact]
    public async Task HR_submits_the_regulator_returns_HR_corrects_and_resubmits_the_regulator_accepts_and_HR_checks_the_receipt()
    {
        var hr = await app.NewPageAsync();
        await Journeys.SignInAsync(hr, Roles.FirmHR);

        // The periods, with this quarter not started; the demo's last quarter was accepted.
        await hr.GotoAsync("/filings");
        await Journeys.WaitForCircuitAsync(hr);
        var grid = hr.GetByTestId("periods-grid");
        await Assertions.Expect(grid.Locator("tbody tr").First).ToContainTextAsync("Not started");
        await Assertions.Expect(grid).ToContainTextAsync("Accepted");
        await Journeys.ScreenshotAsync(hr, "filings-hr-periods");
        await Journeys.AssertAccessibleAsync(hr);

        // Prepare: the roster compared with last quarter's accepted filing.
        await grid.Locator("tbody tr").First.GetByTestId("open-period").ClickAsync();
        await Assertions.Expect(hr.GetByTestId("checks")).ToBeVisibleAsync();
        await hr.GetByTestId("prepare").ClickAsync();
        // Two hired since last quarter (more if the import journey ran first), three promoted, one left.
        await Assertions.Expect(hr.GetByTestId("draft-counts")).ToContainTextAsync(new Regex(@"\d+ added, 3 changed, 1 removed"));
        await Journeys.ScreenshotAsync(hr, "filings-prepare-draft");
        await Journeys.AssertAccessibleAsync(hr);
        await Select(hr, "change-filter", "Changed (3)");
        await Assertions.Expect(hr.GetByTestId("entries-grid").Locator("tbody tr")).ToHaveCountAsync(3);
        await OpenFirstEntryAsync(hr);
        await Assertions.Expect(hr.GetByTestId("since-accepted")).ToContainTextAsync("Process engineer");
        Assert.Contains("change=Changed", hr.Url);
        await Journeys.ScreenshotAsync(hr, "filings-prepare-detail");
        await Journeys.AssertAccessibleAsync(hr);

        // Submit with the attestation.
        await hr.GetByTestId("submit").ClickAsync();
        var dialog = hr.GetByRole(AriaRole.Dialog);
        await dialog.GetByTestId("confirm-submit").ClickAsync();
        await Assertions.Expect(dialog).ToContainTextAsync("Confirm that the roster is complete and accurate");
        await dialog.GetByRole(AriaRole.Checkbox).CheckAsync();
        await Journeys.ScreenshotAsync(hr, "filings-submit-dialog");
        await dialog.GetByTestId("confirm-submit").ClickAsync();
        await Assertions.Expect(hr.GetByTestId("submitted")).ToBeVisibleAsync(new() { Timeout = 30_000 });
        var number = (await hr.GetByTestId("filing-number").TextContentAsync())!.Trim();
        Assert.Matches(FilingNumber(), number);
        await Journeys.ScreenshotAsync(hr, "filings-hr-submitted");
        await Journeys.AssertAccessibleAsync(hr);

        // The regulator finds it in the queue, opens a changed person, remarks on them and returns the filing.
        var regulator = await app.NewPageAsync();
        await Journeys.SignInAsync(regulator, Roles.Regulator);
        await regulator.GotoAsync("/filings/review?q=" + number);
        await Journeys.WaitForCircuitAsync(regulator);
        await Assertions.Expect(regulator.GetByTestId("queue-grid").Locator("tbody tr")).ToHaveCountAsync(1);
        await Journeys.ScreenshotAsync(regulator, "filings-review-queue");
        await Journeys.AssertAccessibleAsync(regulator);
        await regulator.GetByTestId("queue-open").ClickAsync();
        await Assertions.Expect(regulator.GetByTestId("decision-panel")).ToBeVisibleAsync();
        await Select(regulator, "change-filter", "Changed (3)");
        await OpenFirstEntryAsync(regulator);
        var person = (await regulator.Locator("#entry-detail-title").TextContentAsync())!.Trim();
        await regulator.GetByLabel("Remark on this entry").FillAsync("The position is out of date: give the current job title.");
        await regulator.GetByTestId("add-remark").ClickAsync();
        await Assertions.Expect(regulator.GetByTestId("remark")).ToContainTextAsync("The position is out of date");
        await Journeys.ScreenshotAsync(regulator, "filings-review-remark");
        await Journeys.AssertAccessibleAsync(regulator);
        await regulator.GetByTestId("return").ClickAsync();
        dialog = regulator.GetByRole(AriaRole.Dialog);
        await dialog.GetByTestId("confirm-return").ClickAsync();
        await Assertions.Expect(dialog).ToContainTextAsync("Say why the filing is returned");
        await dialog.GetByLabel("Why the filing is returned").FillAsync("One record is out of date; see the remark.");
        await dialog.GetByTestId("confirm-return").ClickAsync();
        await Assertions.Expect(regulator.GetByTestId("decision")).ToContainTextAsync("Returned by");
        await Journeys.ScreenshotAsync(regulator, "filings-review-returned");

        // HR reads the comment and the remark, corrects the person on the roster and resubmits.
        await hr.GotoAsync(hr.Url.Split('?')[0]);
        await Journeys.WaitForCircuitAsync(hr);
        await Assertions.Expect(hr.GetByTestId("review-comment")).ToContainTextAsync("One record is out of date");
        await hr.GetByTestId("resubmit").ClickAsync();
        await Assertions.Expect(hr.GetByTestId("returned-remark")).ToContainTextAsync("The position is out of date");
        await Journeys.ScreenshotAsync(hr, "filings-hr-returned");
        await Journeys.AssertAccessibleAsync(hr);
        var preparePage = hr.Url;
        await hr.GetByTestId("returned-remark").GetByRole(AriaRole.Link).ClickAsync();
        await hr.GetByLabel("Position", new() { Exact = true }).FillAsync("Head of magnet process development");
        await hr.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();
        await Assertions.Expect(hr.GetByText("Saved.")).ToBeVisibleAsync();
        await hr.GotoAsync(preparePage);
        await Journeys.WaitForCircuitAsync(hr);
        await hr.GetByTestId("prepare").ClickAsync();
        await Assertions.Expect(hr.GetByTestId("draft")).ToContainTextAsync("Resubmission prepared");
        await Select(hr, "since-filter", "Changed");
        await Assertions.Expect(hr.GetByTestId("entries-grid").Locator("tbody tr")).ToHaveCountAsync(1);
        await OpenFirstEntryAsync(hr);
        await Assertions.Expect(hr.GetByTestId("since-returned")).ToContainTextAsync("Head of magnet process development");
        await Journeys.ScreenshotAsync(hr, "filings-prepare-resubmission");
        await Journeys.AssertAccessibleAsync(hr);
        await hr.GetByTestId("submit").ClickAsync();
        dialog = hr.GetByRole(AriaRole.Dialog);
        await dialog.GetByRole(AriaRole.Checkbox).CheckAsync();
        await dialog.GetByTestId("confirm-submit").ClickAsync();
        await Assertions.Expect(hr.GetByTestId("submitted")).ToBeVisibleAsync(new() { Timeout = 30_000 });
        var resubmission = (await hr.GetByTestId("filing-number").TextContentAsync())!.Trim();
        Assert.NotEqual(number, resubmission);

        // The regulator sees what changed since the returned filing, and accepts.
        await regulator.GotoAsync("/filings/review?resubmissions=true&q=" + resubmission);
        await Journeys.WaitForCircuitAsync(regulator);
        await regulator.GetByTestId("queue-open").ClickAsync();
        await Assertions.Expect(regulator.GetByTestId("filing-header")).ToContainTextAsync(number);
        await Select(regulator, "since-filter", "Changed");
        await OpenFirstEntryAsync(regulator);
        await Assertions.Expect(regulator.Locator("#entry-detail-title")).ToHaveTextAsync(person);
        await Assertions.Expect(regulator.GetByTestId("since-returned")).ToContainTextAsync("Head of magnet process development");
        await Journeys.ScreenshotAsync(regulator, "filings-review-resubmission");
        await Journeys.AssertAccessibleAsync(regulator);
        await regulator.GetByTestId("accept").ClickAsync();
        await regulator.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Accept", Exact = true }).ClickAsync();
        await Assertions.Expect(regulator.GetByTestId("decision")).ToContainTextAsync("Accepted by");

        // HR's receipt: printable, and genuine when checked; a forged code is not.
        await hr.GotoAsync(hr.Url.Split('?')[0]);
        await Journeys.WaitForCircuitAsync(hr);
        await Assertions.Expect(hr.GetByTestId("decision")).ToContainTextAsync("Accepted by");
        await hr.GetByTestId("open-receipt").ClickAsync();
        await Assertions.Expect(hr.GetByTestId("filing-receipt")).ToContainTextAsync(resubmission);
        var code = (await hr.GetByTestId("verification-code").TextContentAsync())!.Trim();
        Assert.StartsWith("data:image/png;base64,", await hr.GetByTestId("receipt-qr").GetAttributeAsync("src"));
        await Journeys.ScreenshotAsync(hr, "filings-receipt");
        await Journeys.AssertAccessibleAsync(hr);
        await hr.EmulateMediaAsync(new() { Media = Media.Print });
        await Assertions.Expect(hr.Locator(".mud-appbar")).ToBeHiddenAsync();
        await Assertions.Expect(hr.GetByTestId("print-receipt")).ToBeHiddenAsync();
        await Journeys.ScreenshotAsync(hr, "filings-receipt-print");
        await hr.EmulateMediaAsync(new() { Media = Media.Screen });

        await hr.GotoAsync($"/filings/receipts/check?number={resubmission}&code={code}");
        await Journeys.WaitForCircuitAsync(hr);
        await Assertions.Expect(hr.GetByTestId("check-result")).ToContainTextAsync("Genuine");
        await Assertions.Expect(hr.GetByTestId("check-result")).ToContainTextAsync("accepted");
        await Journeys.ScreenshotAsync(hr, "filings-receipt-check");
        await hr.GetByLabel("Verification code").FillAsync("AAAA-BBBB-CCCC");
        await hr.GetByTestId("check-receipt").ClickAsync();
        await Assertions.Expect(hr.GetByTestId("check-result")).ToContainTextAsync("Not genuine");
        await Journeys.AssertAccessibleAsync(hr);

        await hr.Context.CloseAsync();
        await regulator.Context.CloseAsync();
    }

    [Fact]
    public async Task The_regulator_s_other_filing_pages_and_the_admin_s_calendar_show_the_demo_s_work()
    {
        var regulator = await app.NewPageAsync();
        await Journeys.SignInAsync(regulator, Roles.Regulator);
        await Journeys.WaitForCircuitAsync(regulator);
        await Assertions.Expect(regulator.GetByTestId("filing-compliance")).ToBeVisibleAsync();
        await Journeys.ScreenshotAsync(regulator, "filings-regulator-home");

        await regulator.GotoAsync("/filings/not-filed?within=0");
        await Journeys.WaitForCircuitAsync(regulator);
        await Assertions.Expect(regulator.GetByTestId("not-filed-grid").GetByTestId("overdue").First).ToBeVisibleAsync();
        await Journeys.ScreenshotAsync(regulator, "filings-not-filed");
        await Journeys.AssertAccessibleAsync(regulator);

        await regulator.GetByTestId("demand").ClickAsync();
        var dialog = regulator.GetByRole(AriaRole.Dialog);
        await dialog.GetByTestId("confirm-demand").ClickAsync();
        await Assertions.Expect(dialog).ToContainTextAsync("Enter the due date.");
        await Journeys.ScreenshotAsync(regulator, "filings-demand-dialog");
        await Journeys.AssertAccessibleAsync(regulator);
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Cancel" }).ClickAsync();

        await regulator.GotoAsync("/dashboard");
        await Journeys.WaitForCircuitAsync(regulator);
        await Assertions.Expect(regulator.GetByTestId("compliance-card")).ToContainTextAsync("Filing compliance by period");
        await Journeys.ScreenshotAsync(regulator, "filings-dashboard");
        await regulator.Context.CloseAsync();

        var hr = await app.NewPageAsync();
        await Journeys.SignInAsync(hr, Roles.FirmHR);
        await Journeys.WaitForCircuitAsync(hr);
        await Assertions.Expect(hr.GetByTestId("next-filing")).ToBeVisibleAsync();
        await Journeys.ScreenshotAsync(hr, "filings-hr-home");
        await Journeys.AssertAccessibleAsync(hr);
        await hr.Context.CloseAsync();

        var admin = await app.NewPageAsync();
        await Journeys.SignInAsync(admin, Roles.Admin);
        await admin.GotoAsync("/admin/filing-calendar");
        await Journeys.WaitForCircuitAsync(admin);
        await Assertions.Expect(admin.GetByTestId("calendar-grid").Locator("tbody tr")).ToHaveCountAsync(3);
        await Journeys.ScreenshotAsync(admin, "filings-admin-calendar");
        await Journeys.AssertAccessibleAsync(admin);
        await admin.GetByTestId("move-due").First.ClickAsync();
        dialog = admin.GetByRole(AriaRole.Dialog);
        await dialog.GetByTestId("confirm-due").ClickAsync();
        await Assertions.Expect(dialog).ToContainTextAsync("Say why the due date changes");
        await Journeys.ScreenshotAsync(admin, "filings-admin-move-due");
        await Journeys.AssertAccessibleAsync(admin);
        await admin.Context.CloseAsync();
    }

    /// <summary>Opens a MudSelect by its test id and picks the option with this text.</summary>
    /// <summary>
    /// A filter re-renders the entries grid on the server: a click that lands on the row it replaces opens nothing,
    /// so click again until the detail opens (never while it is open: a second click would close it).
    /// </summary>
    private static async Task OpenFirstEntryAsync(IPage page)
    {
        var title = page.Locator("#entry-detail-title");
        for (var attempt = 1; await title.CountAsync() == 0; attempt++)
        {
            await page.GetByTestId("entry-open").First.ClickAsync();
            try { await title.WaitForAsync(new() { Timeout = 5000 }); }
            catch (TimeoutException) when (attempt < 4) { }
        }
    }

    private static async Task Select(IPage page, string testId, string option)
    {
        await page.GetByTestId(testId).ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = option, Exact = true }).ClickAsync();
    }

    [GeneratedRegex("^FL-[0-9]{8}-[0-9A-Z]{6}$")]
    private static partial Regex FilingNumber();
}
