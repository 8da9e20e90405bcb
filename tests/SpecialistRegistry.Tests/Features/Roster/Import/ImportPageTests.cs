using Bunit;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.DependencyInjection;
using SpecialistRegistry.Localization;
using SpecialistRegistry.Features.Roster.Import;
using SpecialistRegistry.Files.Roster;
using SpecialistRegistry.Tests.Infrastructure;

namespace SpecialistRegistry.Tests.Features.Roster.Import;

/// <summary>The import page over the real import service and a real database: what it shows after a check and a commit.</summary>
public sealed class ImportPageTests : BunitTestBase
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task After_a_dry_run_the_page_shows_the_four_counts_and_every_problem_row_and_no_commit()
    {
        await using var app = await TestApp.StartAsync();
        var firm = await NewFirmAsync(app);
        await using var scope = UseImportService(app, firm);
        var rows = RosterFiles.CsvRows(RosterSamples.People(3));
        rows[1]["Gender"] = "Unknown";
        rows[2]["Expertise"] = "Alchemy|Expert|3";
        var page = Context.Render<ImportPage>();

        page.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText(RosterFiles.CsvText(rows), "staff.csv"));

        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=problems] tbody tr")), Patience);
        Assert.Equal(
            [("New specialists", "1"), ("Changed", "0"), ("Unchanged", "0"), ("Rejected", "2")],
            page.FindAll(".figure-card").Select(c => (c.QuerySelector("p")!.TextContent.Trim(), c.QuerySelector("[data-testid=figure]")!.TextContent)));
        var problems = page.FindAll("[data-testid=problems] tbody tr")
            .Select(tr => tr.QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToArray()).ToList();
        Assert.Equal(2, problems.Count);
        Assert.Equal(["—", "3", "Gender"], problems[0][..3]);
        Assert.Contains("\"Unknown\" is not a known gender", problems[0][3]);
        Assert.Equal(["—", "4", "Expertise"], problems[1][..3]);
        Assert.Contains("Item 1, Area: \"Alchemy\" is not a known expertise area", problems[1][3]);
        Assert.Contains("The check found 2 problems.", page.Find("[data-testid=summary]").TextContent);
        Assert.True(page.Find("[data-testid=commit]").HasAttribute("disabled"));
    }

    [Fact]
    public async Task A_clean_file_can_be_committed_from_the_page_and_the_result_is_shown()
    {
        await using var app = await TestApp.StartAsync();
        var firm = await NewFirmAsync(app);
        await using var scope = UseImportService(app, firm);
        var page = Context.Render<ImportPage>();

        page.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromBinary(await RosterFiles.XlsxAsync(RosterSamples.People(2)), "staff.xlsx"));
        page.WaitForAssertion(() => Assert.False(page.Find("[data-testid=commit]").HasAttribute("disabled")), Patience);
        Assert.Contains("No problems found", page.Find("[data-testid=summary]").TextContent);

        await page.Find("[data-testid=commit]").ClickAsync(new Microsoft.AspNetCore.Components.Web.MouseEventArgs());

        page.WaitForAssertion(() => Assert.Contains("Imported staff.xlsx: 2 added, 0 updated, 0 left unchanged.", page.Find("[data-testid=result]").TextContent), Patience);
        Assert.Empty(page.FindAll("[data-testid=preview]"));
    }

    [Fact]
    public async Task A_check_of_a_changed_roster_lists_who_and_what_would_change_before_the_commit()
    {
        await using var app = await TestApp.StartAsync();
        var firm = await NewFirmAsync(app);
        await using var scope = UseImportService(app, firm);
        var import = scope.ServiceProvider.GetRequiredService<RosterImportService>();
        var people = RosterSamples.People(3);
        await import.CommitAsync(await import.DryRunAsync(new ImportFile("first.csv", await RosterFiles.CsvAsync(people))));
        var rows = RosterFiles.CsvRows(people);
        rows[2]["FullName"] = "𠮷田";
        rows[2]["PassportNumber"] = "G77770003";
        var page = Context.Render<ImportPage>();

        page.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText(RosterFiles.CsvText(rows), "staff.csv"));

        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=changes-table] tbody tr")), Patience);
        var changes = page.FindAll("[data-testid=changes-table] tbody tr")
            .Select(tr => tr.QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToArray()).ToList();
        Assert.Equal(
        [
            ["4", "T00003", "𠮷田", "FullName", people[2].FullName, "𠮷田"],
            ["4", "T00003", "𠮷田", "PassportNumber", "••••0003", "••••0003 (a different number)"],
        ], changes);
        Assert.Contains("1 person, 2 fields.", page.Find("[data-testid=changes]").TextContent);
        Assert.DoesNotContain("G77770003", page.Markup);
        Assert.False(page.Find("[data-testid=commit]").HasAttribute("disabled"));
    }

    [Fact]
    public async Task For_a_chinese_user_the_page_and_every_problem_read_in_chinese()
    {
        using var chinese = CultureScope.Chinese();
        await using var app = await TestApp.StartAsync();
        var firm = await NewFirmAsync(app);
        await using var scope = UseImportService(app, firm);
        var rows = RosterFiles.CsvRows(RosterSamples.People(2));
        rows[1]["Gender"] = "未知";
        var page = Context.Render<ImportPage>();
        Assert.Contains("导入名册", page.Markup);
        Assert.Contains("2. 检查文件", page.Markup);

        page.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText(RosterFiles.CsvText(rows), "名单.csv"));

        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=problems] tbody tr")), Patience);
        Assert.Contains("检查发现 1 个问题。", page.Find("[data-testid=summary]").TextContent);
        var problem = page.Find("[data-testid=problems] tbody tr").TextContent;
        Assert.Contains("“未知”不是有效的性别。请填写以下之一：Female, Male, Other。", problem);
        Assert.DoesNotContain("is not a known", page.Markup);
    }

    [Fact]
    public async Task A_file_of_the_wrong_kind_is_refused_with_its_reason()
    {
        await using var app = await TestApp.StartAsync();
        var firm = await NewFirmAsync(app);
        await using var scope = UseImportService(app, firm);
        var page = Context.Render<ImportPage>();

        page.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromBinary([(byte)'M', (byte)'Z', 0x90, 0], "staff.xlsx"));

        page.WaitForAssertion(() => Assert.Contains("This file is a Windows program, not an Excel workbook", page.Find("[data-testid=file-problem]").TextContent), Patience);
        Assert.Empty(page.FindAll("[data-testid=commit]"));
    }

    private static async Task<Guid> NewFirmAsync(TestApp app)
    {
        await using var db = app.OpenDb();
        var firm = new SpecialistRegistry.Domain.Firm { Name = "Page test firm", CreditCode = "91330200MA2G9Y3PAG", Region = "Zhejiang" };
        db.Firms.Add(firm);
        await db.SaveChangesAsync();
        return firm.Id;
    }

    /// <summary>The page gets the real service from a scope of the test app acting as the firm's HR user.</summary>
    private AsyncServiceScope UseImportService(TestApp app, Guid firm)
    {
        var scope = app.Scope(TestUsers.FirmHr(firm));
        Context.Services.AddSingleton(scope.ServiceProvider.GetRequiredService<RosterImportService>());
        SignIn(TestUsers.FirmHr(firm));
        return scope;
    }
}
