using System.Text;
using Microsoft.EntityFrameworkCore;
using SpecialistRegistry.Domain;
using SpecialistRegistry.Domain.Records;
using SpecialistRegistry.Features.Roster.Import;
using SpecialistRegistry.Files;
using SpecialistRegistry.Files.Reading;
using SpecialistRegistry.Files.Roster;

namespace SpecialistRegistry.Tests.Features.Roster.Import;

/// <summary>Roster files in Chinese and in English: both are read, either is written, and each round trip changes nothing.</summary>
public sealed class BilingualFileTests(RosterFixture fixture) : IClassFixture<RosterFixture>
{
    [Fact]
    public async Task A_chinese_csv_from_a_chinese_windows_excel_is_read_with_chinese_headers_values_and_dates()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var firm = await fixture.NewFirmAsync();
        const string csv =
            "员工编号,姓名,拼音姓名,性别,出生日期,国籍,身份证号码,电话,电子邮箱,职位,部门,入职日期,在职状态,离职日期,离职原因,护照号码,护照签发国,护照签发日期,护照有效期至,专业领域,教育经历,科研成果\r\n" +
            "A001,李娜,Li Na,女,1986年4月2日,中国,110105198604020022,139 0000 0001,li.na@example.cn,工艺工程师,分离车间,2012/7/1,在职,,,E11112222,中华人民共和国,2021-05-10,2031-05-09," +
            "\"溶剂萃取|专家|12; 离子交换|高级|5\",博士|冶金|东北大学|中国|2012,专利|稀土分离方法|2019|负责人|CN1\r\n" +
            "A002,王伟,Wang Wei,男,1990-01-15,china,,,,,,2015-03-01,离职,2020年6月30日,辞职,,,,,,,\r\n";

        var preview = await fixture.DryRunAsync(firm, "名册.csv", Encoding.GetEncoding("GB18030").GetBytes(csv));
        Assert.True(preview.Problems.Count == 0, string.Join(Environment.NewLine, preview.Problems.Select(p => $"{p.Row} {p.Column}: {p.Message}")));
        await fixture.CommitAsync(firm, preview);

        await using var db = fixture.App.OpenDb();
        var li = await db.Specialists.Include(s => s.Expertise).Include(s => s.Education).Include(s => s.Research).Include(s => s.Passports)
            .SingleAsync(s => s.FirmId == firm && s.EmployeeNumber == "A001");
        Assert.Equal((Gender.Female, new DateOnly(1986, 4, 2), "China", new DateOnly(2012, 7, 1)), (li.Gender, li.DateOfBirth, li.Nationality, li.HireDate));
        Assert.Equal([(ExpertiseArea.SolventExtraction, ExpertiseLevel.Expert), (ExpertiseArea.IonExchange, ExpertiseLevel.Advanced)],
            li.Expertise.OrderBy(e => e.Area).Select(e => (e.Area, e.Level)));
        Assert.Equal((Degree.Doctorate, "China"), (li.Education.Single().Degree, li.Education.Single().Country));
        Assert.Equal(ResearchKind.Patent, li.Research.Single().Kind);
        Assert.Equal("China", li.Passports.Single().IssuingCountry);
        var wang = await db.Specialists.SingleAsync(s => s.FirmId == firm && s.EmployeeNumber == "A002");
        Assert.Equal((Gender.Male, "China", EmploymentStatus.Left, (DateOnly?)new DateOnly(2020, 6, 30)), (wang.Gender, wang.Nationality, wang.Status, wang.LeftOn));
    }

    [Fact]
    public async Task Problems_in_a_chinese_file_name_its_columns_and_sheets_as_the_file_does()
    {
        var firm = await fixture.NewFirmAsync();
        var person = RosterSamples.Person(1);
        var workbook = await RosterFileWriter.ToBytesAsync(TableFormat.Xlsx, [person], language: RosterLanguage.Chinese);
        var broken = await fixture.DryRunAsync(firm, "名册.xlsx", workbook);
        Assert.Empty(broken.Problems);

        var csv = Encoding.UTF8.GetString(await RosterFileWriter.ToBytesAsync(TableFormat.Csv, [person], language: RosterLanguage.Chinese));
        var bad = csv.Replace(",女,", ",未知,", StringComparison.Ordinal).Replace(",男,", ",未知,", StringComparison.Ordinal);
        var preview = await fixture.DryRunAsync(firm, "名册.csv", Encoding.UTF8.GetBytes(bad));

        var problem = Assert.Single(preview.Problems);
        Assert.Equal("性别", problem.Column);
        Assert.Contains("女、男、其他", problem.Message);
    }

    [Theory]
    [InlineData(TableFormat.Csv)]
    [InlineData(TableFormat.Xlsx)]
    public async Task An_export_in_either_language_imports_back_as_nothing_changed(TableFormat format)
    {
        var firm = await fixture.NewFirmAsync();
        var people = RosterSamples.People(4);
        people[1].Nationality = "Germany";
        people[2].Education.Add(new EducationItem(Degree.Postdoctoral, "Magnetism", "Max Planck Institute", "Germany", 2016));
        await fixture.ImportAsync(firm, people);

        foreach (var language in Enum.GetValues<RosterLanguage>())
        {
            var file = await fixture.ExportAsync(firm, format, language);
            var preview = await fixture.DryRunAsync(firm, $"roster.{format.Extension()}", file);
            Assert.True(preview.Changes.Count == 0, string.Join("; ", preview.Changes.SelectMany(c => c.Fields.Select(f => $"{f.Field}: {f.Old} → {f.New}"))));
            Assert.Equal(new ImportCounts(0, 0, 4, 0), preview.Counts);
        }
    }

    [Fact]
    public async Task A_chinese_export_is_written_with_chinese_headers_sheets_and_values()
    {
        var firm = await fixture.NewFirmAsync();
        await fixture.ImportAsync(firm, RosterSamples.People(2));

        var workbook = await fixture.ExportAsync(firm, TableFormat.Xlsx, RosterLanguage.Chinese);
        var read = XlsxTableReader.Read(workbook, ["说明", "人员", "专业领域", "教育经历", "科研成果"], 100, CancellationToken.None);
        var csv = Encoding.UTF8.GetString(await fixture.ExportAsync(firm, TableFormat.Csv, RosterLanguage.Chinese));

        Assert.Null(read.Error);
        Assert.Equal(5, read.Sheets!.Count);
        Assert.Equal(["员工编号", "姓名", "拼音姓名", "性别"], read.Sheets["人员"][0].Cells[..4]);
        Assert.Contains(read.Sheets["人员"].Skip(1), r => r.Cells[3] is "女" or "男" && r.Cells[5] == "中国");
        Assert.Contains("人员名册文件", read.Sheets["说明"][0].Cells[0]);
        Assert.StartsWith("\uFEFF员工编号,姓名,拼音姓名,性别,出生日期,国籍", csv);
        Assert.Contains("学士|Chemistry|Central South University|中国|2002", csv);
    }

    [Fact]
    public async Task Each_language_of_template_imports_as_its_example_person()
    {
        foreach (var format in Enum.GetValues<TableFormat>())
        {
            var firm = await fixture.NewFirmAsync();
            var preview = await fixture.DryRunAsync(firm, $"template.{format.Extension()}", await RosterTemplates.WriteAsync(format, RosterLanguage.Chinese));
            Assert.Empty(preview.Problems);
            Assert.Equal(new ImportCounts(1, 0, 0, 0), preview.Counts);
            var english = await fixture.DryRunAsync(firm, $"template.{format.Extension()}", await RosterTemplates.WriteAsync(format, RosterLanguage.English));
            Assert.Empty(english.Problems);
        }
    }
}
