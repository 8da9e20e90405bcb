using Microsoft.Playwright;
using SpecialistRegistry.Auth;

namespace SpecialistRegistry.EndToEnd;

/// <summary>
/// The portal works under its Content-Security-Policy: a Firm HR journey through live pages (searching the
/// grid, opening the editor, revealing a number, the import page, a receipt check) with the browser reporting
/// every policy violation and console error. Any violation names the directive and what it blocked.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class ContentSecurityPolicyJourneyTests(AppServer app)
{
    // Registered before any page script runs (and outside the page's policy), on every document the tab loads.
    private const string CollectViolations =
        "document.addEventListener('securitypolicyviolation', e => " +
        "(window.__cspViolations = window.__cspViolations || []).push(e.violatedDirective + ' blocked ' + (e.blockedURI || 'inline') + ' at ' + e.sourceFile + ':' + e.lineNumber));";

    [Fact]
    public async Task A_Firm_HR_journey_runs_with_no_policy_violation_and_no_console_error()
    {
        var page = await app.NewPageAsync();
        await page.Context.AddInitScriptAsync(CollectViolations);
        var console = new List<string>();
        page.Console += (_, m) => { if (m.Type == "error") console.Add(m.Text); };
        page.PageError += (_, e) => console.Add("page error: " + e);
        var violations = new List<string>();
        async Task CollectAsync(string where) =>
            violations.AddRange((await page.EvaluateAsync<string[]?>("() => window.__cspViolations || []") ?? []).Select(v => $"{where}: {v}"));

        await Journeys.SignInAsync(page, Roles.FirmHR);
        await Journeys.WaitForCircuitAsync(page);
        await CollectAsync("home");

        // The policy is enforced and the collector hears it: an image from another site is refused and reported.
        await page.EvaluateAsync("() => { const i = new Image(); i.src = 'https://blocked.example/x.png'; document.body.appendChild(i); }");
        await page.WaitForFunctionAsync("() => (window.__cspViolations || []).some(v => v.startsWith('img-src'))");
        await page.EvaluateAsync("() => { window.__cspViolations = []; }");
        console.Clear();

        await page.GotoAsync("/roster");
        await Journeys.WaitForCircuitAsync(page);
        var rows = page.Locator("table tbody tr");
        await Assertions.Expect(rows.First).ToBeVisibleAsync();
        // Typing filters the grid on the server: the circuit is live under the policy.
        var firstName = (await rows.First.Locator("a").First.TextContentAsync())!.Trim();
        await page.GetByLabel("Search by name or employee number").FillAsync(firstName);
        await Assertions.Expect(rows.First).ToContainTextAsync(firstName);
        await CollectAsync("roster");

        await rows.First.Locator("a").First.ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("/roster/") && !url.EndsWith("/roster"));
        await Journeys.WaitForCircuitAsync(page);
        var reveal = page.GetByLabel("Show the full national ID number");
        if (await reveal.CountAsync() > 0)
        {
            await reveal.First.ClickAsync();
            // Once the number is shown in full, the eye button goes away.
            await Assertions.Expect(reveal).ToHaveCountAsync(0);
        }
        await Journeys.ScreenshotAsync(page, "csp-editor");
        await CollectAsync("editor");

        await page.GotoAsync("/roster/import");
        await Journeys.WaitForCircuitAsync(page);
        await CollectAsync("import");

        await page.GotoAsync("/custody/receipts/check");
        await Journeys.WaitForCircuitAsync(page);
        await page.Locator("input[data-testid=check-number], [data-testid=check-number] input").FillAsync("CR-20261102-ZZZZZZ");
        await page.Locator("input[data-testid=check-code], [data-testid=check-code] input").FillAsync("AAAA-BBBB-CCCC");
        await page.GetByTestId("check-receipt").ClickAsync();
        await Assertions.Expect(page.GetByTestId("check-result")).ToContainTextAsync("Not genuine");
        await Journeys.ScreenshotAsync(page, "csp-receipt-check");
        await CollectAsync("receipt check");

        Assert.True(violations.Count == 0, "Content-Security-Policy violations:\n" + string.Join("\n", violations));
        Assert.True(console.Count == 0, "Console errors:\n" + string.Join("\n", console));
        await page.Context.CloseAsync();
    }
}
