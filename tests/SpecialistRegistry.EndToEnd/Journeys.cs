using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SpecialistRegistry.Data;
using SpecialistRegistry.Data.Seed;

namespace SpecialistRegistry.EndToEnd;

/// <summary>Steps every journey shares: signing in, waiting for the live circuit, checking accessibility.</summary>
public static class Journeys
{
    /// <summary>
    /// The number and expiry date a holder's passport shows at the counter, for a row of the custody search: the
    /// registry's own values, read from the database, since the page hides them until the hand-in is logged.
    /// </summary>
    public static async Task<(string Number, string Expiry)> PassportInHandAsync(AppServer app, ILocator matchRow)
    {
        var href = await matchRow.GetByTestId("match-holder").GetAttributeAsync("href");
        var passportId = Guid.Parse(href!.Split('/')[^1]);
        await using var scope = app.Services.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<RegistryDb>>().CreateDbContextAsync();
        var passport = await db.Passports.AsNoTracking().SingleAsync(p => p.Id == passportId);
        return (scope.ServiceProvider.GetRequiredService<FieldProtector>().Reveal(passport.Number), passport.ExpiresOn.ToString("yyyy-MM-dd"));
    }

    public static async Task SubmitSignInAsync(IPage page, string email, string password)
    {
        await page.GotoAsync("/Account/Login");
        // By the fields' names, not their labels: the form reads in Chinese or English.
        await page.Locator("input[name='Input.Email']").FillAsync(email);
        await page.Locator("input[name='Input.Password']").FillAsync(password);
        await page.Locator("main form button[type=submit]").First.ClickAsync();
    }

    public static async Task SignInAsync(IPage page, string email, string password)
    {
        await SubmitSignInAsync(page, email, password);
        await page.WaitForURLAsync(url => !url.Contains("/Account/Login"));
    }

    public static Task SignInAsync(IPage page, string role)
    {
        var account = DemoAccounts.All.Single(a => a.Role == role);
        return SignInAsync(page, account.Email, account.Password);
    }

    /// <summary>Waits until Blazor's interactive circuit is up, so clicks reach the server.</summary>
    public static async Task WaitForCircuitAsync(IPage page)
    {
        // The prerendered page looks finished long before the circuit owns it; the layout marks the moment it does.
        await page.WaitForFunctionAsync("() => window.Blazor && document.querySelector('.mud-layout') !== null"
            + " && (document.body.dataset.pageMode === 'static' || document.querySelector(\"main[data-interactive='true']\") !== null)");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
    }

    /// <summary>
    /// Presses Escape until the dialog is gone: MudBlazor listens for the key only once the dialog's script has
    /// started, a moment after the dialog is drawn, so a single early press can fall on nothing.
    /// </summary>
    public static async Task CloseWithEscapeAsync(IPage page, ILocator dialog)
    {
        for (var attempt = 1; await dialog.CountAsync() > 0; attempt++)
        {
            await page.Keyboard.PressAsync("Escape");
            try { await dialog.WaitForAsync(new() { State = WaitForSelectorState.Detached, Timeout = 2000 }); }
            catch (TimeoutException) when (attempt < 5) { }
        }
    }

    public static async Task ScreenshotAsync(IPage page, string name) =>
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(AppServer.ScreenshotFolder, name + ".png"), FullPage = true });

    /// <summary>Runs axe on the page and fails on any serious or critical violation, naming each.</summary>
    public static async Task AssertAccessibleAsync(IPage page)
    {
        // Mid-animation (a popover or message fading in) colours are not the ones a person reads.
        await page.WaitForFunctionAsync("() => document.getAnimations().every(a => a.playState !== 'running')");
        AxeResult result = await page.RunAxe();
        var bad = result.Violations.Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{v.Id} ({v.Impact}): {v.Help} — {string.Join("; ", v.Nodes.Take(3).Select(n => n.Html))}")
            .ToList();
        Assert.True(bad.Count == 0, "Accessibility violations:\n" + string.Join("\n", bad));
    }
}
