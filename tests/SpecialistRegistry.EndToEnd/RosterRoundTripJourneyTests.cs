using System.Text;
using Microsoft.Playwright;
using SpecialistRegistry.Auth;

namespace SpecialistRegistry.EndToEnd;

/// <summary>
/// The round trip HR uses most: export the roster, change it, import it back. The check names the person and
/// the field that changes, the change list downloads, and after the commit the workbook export imports back
/// as nothing to change — a rare character included.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class RosterRoundTripJourneyTests(AppServer app)
{
    [Fact]
    public async Task An_edited_export_shows_each_change_before_the_commit_and_the_workbook_export_then_changes_nothing()
    {
        var page = await app.NewPageAsync();
        await Journeys.SignInAsync(page, Roles.FirmHR);
        await page.GotoAsync("/roster/import");
        await Journeys.WaitForCircuitAsync(page);

        var export = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("export-csv").ClickAsync());
        var lines = (await File.ReadAllTextAsync((await export.PathAsync())!, Encoding.UTF8)).Split("\r\n").ToList();
        var row = lines.FindIndex(1, l => l.Length > 0 && !l.StartsWith('"'));
        var cells = lines[row].Split(',');
        var (employee, oldName) = (cells[0], cells[1]);
        cells[1] = "𠮷田";
        lines[row] = string.Join(',', cells);

        await UploadAsync(page, "roster-edited.csv", "text/csv", Encoding.UTF8.GetBytes(string.Join("\r\n", lines)));
        var changes = page.GetByTestId("changes-table");
        await Assertions.Expect(changes).ToBeVisibleAsync();
        await Assertions.Expect(changes.Locator("tbody tr")).ToHaveCountAsync(1);
        await Assertions.Expect(changes.Locator("tbody tr").First).ToContainTextAsync($"{employee}");
        await Assertions.Expect(changes.Locator("tbody tr").First).ToContainTextAsync(oldName);
        await Assertions.Expect(changes.Locator("tbody tr").First).ToContainTextAsync("𠮷田");
        await Journeys.ScreenshotAsync(page, "roster-import-what-would-change");
        await Journeys.AssertAccessibleAsync(page);

        var list = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("changes-download").ClickAsync());
        var listed = await File.ReadAllTextAsync((await list.PathAsync())!, Encoding.UTF8);
        Assert.Contains($",{employee},𠮷田,FullName,{oldName},𠮷田", listed);

        await page.GetByTestId("commit").ClickAsync();
        await Assertions.Expect(page.GetByTestId("result")).ToContainTextAsync("1 updated");

        var workbook = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("export-xlsx").ClickAsync());
        await UploadAsync(page, "roster.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            await File.ReadAllBytesAsync((await workbook.PathAsync())!));
        await Assertions.Expect(page.GetByTestId("summary")).ToContainTextAsync("Everything in the file is already on your roster.");
        await Assertions.Expect(page.GetByTestId("changes")).ToHaveCountAsync(0);
        await Journeys.ScreenshotAsync(page, "roster-import-nothing-to-change");
        await page.Context.CloseAsync();
    }

    private static async Task UploadAsync(IPage page, string name, string type, byte[] content) =>
        // MudFileUpload keeps used inputs hidden with d-none; the live one is the other.
        await page.Locator("input[type=file]:not(.d-none)").SetInputFilesAsync(new FilePayload { Name = name, MimeType = type, Buffer = content });
}
