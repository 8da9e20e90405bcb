using System.Text;
using Microsoft.Playwright;
using SpecialistRegistry.Auth;

namespace SpecialistRegistry.EndToEnd;

/// <summary>
/// The Firm HR clerk's bulk import: template → a file with one bad row → that row's error → corrected file →
/// commit → the new people in the roster.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class RosterImportJourneyTests(AppServer app)
{
    [Fact]
    public async Task The_demo_HR_user_fixes_a_bad_row_commits_and_finds_the_new_people_in_the_roster()
    {
        var page = await app.NewPageAsync();
        await Journeys.SignInAsync(page, Roles.FirmHR);
        await page.GotoAsync("/roster/import");
        await Journeys.WaitForCircuitAsync(page);

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("template-csv").ClickAsync());
        var template = await File.ReadAllTextAsync((await download.PathAsync())!, Encoding.UTF8);
        var lines = template.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var example = lines.Single(l => l.StartsWith("E10001", StringComparison.Ordinal) || l.StartsWith("\"E10001", StringComparison.Ordinal));
        var first = Person(example, "E90001", "Journey One", "E90000001", "110105198001010011");
        var second = Person(example, "E90002", "Journey Two", "E90000002", "110105198002020012");
        var header = string.Join("\r\n", lines.TakeWhile(l => l != example));

        await UploadAsync(page, "staff.csv", $"{header}\r\n{first}\r\n{second.Replace("1985-03-12", "1985-13-45")}\r\n");
        var problems = page.GetByTestId("problems");
        await Assertions.Expect(problems).ToBeVisibleAsync();
        await Assertions.Expect(problems.Locator("tbody tr")).ToHaveCountAsync(1);
        await Assertions.Expect(problems.Locator("tbody tr").First).ToContainTextAsync("DateOfBirth");
        await Assertions.Expect(page.GetByTestId("commit")).ToBeDisabledAsync();
        await Journeys.ScreenshotAsync(page, "roster-import-bad-row");
        await Journeys.AssertAccessibleAsync(page);

        await UploadAsync(page, "staff-fixed.csv", $"{header}\r\n{first}\r\n{second}\r\n");
        await Assertions.Expect(page.GetByTestId("summary")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("commit")).ToBeEnabledAsync();
        await page.GetByTestId("commit").ClickAsync();
        await Assertions.Expect(page.GetByTestId("result")).ToContainTextAsync("2");
        await Journeys.ScreenshotAsync(page, "roster-import-committed");

        await page.GotoAsync("/roster?q=Journey");
        await Journeys.WaitForCircuitAsync(page);
        await Assertions.Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = "E90001" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = "E90002" })).ToBeVisibleAsync();
        await Journeys.ScreenshotAsync(page, "roster-after-import");
        await Journeys.AssertAccessibleAsync(page);
        await page.Context.CloseAsync();
    }

    private static async Task UploadAsync(IPage page, string name, string csv) =>
        // MudFileUpload keeps used inputs hidden with d-none; the live one is the other.
        await page.Locator("input[type=file]:not(.d-none)").SetInputFilesAsync(new FilePayload
        {
            Name = name,
            MimeType = "text/csv",
            Buffer = Encoding.UTF8.GetBytes(csv),
        });

    /// <summary>The template's example person, made into someone new: other number, names and documents.</summary>
    private static string Person(string example, string employeeNumber, string latinName, string passport, string nationalIdBody) =>
        example.Replace("E10001", employeeNumber).Replace("Wang Wei", latinName).Replace("E12345678", passport)
            .Replace("110105198503120031", WithCheckDigit(nationalIdBody[..17]))
            .Replace("wang.wei@example.cn", $"{employeeNumber.ToLowerInvariant()}@example.cn");

    // Resident ID numbers end in an ISO 7064 MOD 11-2 check character.
    private static string WithCheckDigit(string body)
    {
        int[] weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
        var sum = body.Select((c, i) => (c - '0') * weights[i]).Sum();
        return body + "10X98765432"[sum % 11];
    }
}
