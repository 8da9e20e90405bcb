using System.Globalization;
using System.Text;
using SpecialistRegistry.Auth;
using SpecialistRegistry.Domain;
using SpecialistRegistry.Features.Search;
using SpecialistRegistry.Files;
using SpecialistRegistry.Localization;
using SpecialistRegistry.Tests.Infrastructure;

namespace SpecialistRegistry.Tests.Features.Search;

/// <summary>The search export speaks the exporting regulator's language: headers, sheet and labels; dates stay ISO.</summary>
[Collection(WebCollection.Name)]
public sealed class SearchExportLanguageTests(RegistryWebFactory factory)
{
    private static readonly SearchRow Li = new(Guid.NewGuid(), "李娜", "Li Na", "E002", "Baotou Separation",
        IndustrySegment.RareEarthSeparation, "Japan", EmploymentStatus.Current, new DateOnly(2020, 5, 1), CustodyFacet.Overdue, new DateOnly(2026, 11, 20), SearchFlagState.Open);

    [Fact]
    public async Task In_Chinese_the_headers_and_labels_are_Chinese_and_the_dates_stay_ISO()
    {
        using var _ = CultureScope.Use(CultureInfo.GetCultureInfo("zh-CN"));
        using var buffer = new MemoryStream();

        await SearchExport.WriteAsync(TableFormat.Csv, buffer, [Li], CancellationToken.None);

        var lines = Encoding.UTF8.GetString(buffer.ToArray()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("工号,姓名,拼音姓名,单位,所属行业,国籍,在职状态,入职日期,护照保管,护照到期日期,标记", lines[0]);
        Assert.Equal("E002,李娜,Li Na,Baotou Separation,稀土分离,日本,在职,2020-05-01,逾期未还,2026-11-20,有未解决的标记", lines[1]);
    }

    [Theory]
    [InlineData("zh-CN", "工号,姓名,拼音姓名")]
    [InlineData("en", "Employee number,Name,Latin name")]
    public async Task Over_HTTP_the_file_is_in_the_language_of_the_regulators_account(string culture, string header)
    {
        var email = $"regulator-{culture}-{Guid.NewGuid():N}@test.registry";
        await factory.CreateUserAsync(email, "Long-Enough-Password-1", Roles.Regulator, u => u.Culture = culture);
        using var client = await factory.SignedInClientAsync(email, "Long-Enough-Password-1");

        var response = await client.GetAsync("/search/export.csv");

        response.EnsureSuccessStatusCode();
        var text = Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync()).TrimStart('\uFEFF');
        Assert.StartsWith(header, text);
    }
}
