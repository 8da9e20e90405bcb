using System.Text;
using Microsoft.Playwright;
using SpecialistRegistry.Auth;

namespace SpecialistRegistry.EndToEnd;

/// <summary>
/// A clerk at a Chinese firm, browser in Chinese: the import page reads in Chinese, a Chinese-headed CSV as
/// Excel saves it on a Chinese Windows (GB18030, 男/女, Chinese expertise names, 2026年3月7日 dates) is checked
/// and committed, and the export comes in Chinese.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class ChineseRosterJourneyTests(AppServer app)
{
    [Fact]
    public async Task A_chinese_clerk_imports_a_gb18030_csv_with_chinese_headers_and_values_and_exports_in_chinese()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var page = await app.NewPageAsync("zh-CN");
        await Journeys.SignInAsync(page, Roles.FirmHR);
        await page.GotoAsync("/roster/import");
        await Journeys.WaitForCircuitAsync(page);
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "zh-CN");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("导入名册");
        await Journeys.AssertAccessibleAsync(page);

        const string csv =
            "员工编号,姓名,拼音姓名,性别,出生日期,国籍,身份证号码,电话,电子邮箱,职位,部门,入职日期,在职状态,离职日期,离职原因,护照号码,护照签发国,护照签发日期,护照有效期至,专业领域,教育经历,科研成果\r\n" +
            "Z9001,赵丽颖,Zhao Liying,女,1988年3月7日,中国,,139 0000 9001,,工艺工程师,分离车间,2015/7/1,在职,,,E90009001,中国,2022-01-10,2032-01-09," +
            "\"溶剂萃取|专家|10; 离子交换|高级|6\",硕士|冶金工程|东北大学|中国|2013,专利|稀土萃取分离方法|2021|负责人|CN9001\r\n" +
            "Z9002,钱多多,Qian Duoduo,男,1990/1/15,中国,,,,,,2018-03-01,在职,,,,,,,钕铁硼烧结|中级|4,博士|材料学|北京科技大学|中国|2018,\r\n";
        await page.Locator("input[type=file]:not(.d-none)").SetInputFilesAsync(new FilePayload
        {
            Name = "人员名单.csv",
            MimeType = "text/csv",
            Buffer = Encoding.GetEncoding("GB18030").GetBytes(csv),
        });
        await Assertions.Expect(page.GetByTestId("summary")).ToContainTextAsync("未发现问题。提交将新增 2 人。");
        await Journeys.ScreenshotAsync(page, "zh-roster-import-checked");
        await page.GetByTestId("commit").ClickAsync();
        await Assertions.Expect(page.GetByTestId("result")).ToContainTextAsync("新增 2 人");
        await Journeys.ScreenshotAsync(page, "zh-roster-import-committed");

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("export-csv").ClickAsync());
        var export = await File.ReadAllTextAsync((await download.PathAsync())!, Encoding.UTF8);
        Assert.StartsWith("\uFEFF员工编号,姓名,拼音姓名,性别", export);
        Assert.Contains("Z9001,赵丽颖,Zhao Liying,女,1988-03-07,中国", export);
        Assert.Contains("溶剂萃取|专家|10", export);

        await page.GotoAsync("/roster?q=Z900");
        await Journeys.WaitForCircuitAsync(page);
        await Assertions.Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = "赵丽颖" })).ToBeVisibleAsync();
        await Journeys.ScreenshotAsync(page, "zh-roster");
        await Journeys.AssertAccessibleAsync(page);
        await page.Context.CloseAsync();
    }
}
