using System.Globalization;
using SpecialistRegistry.Auth;
using SpecialistRegistry.Domain;
using SpecialistRegistry.Localization;
using SpecialistRegistry.Features.Admin;
using SpecialistRegistry.Tests.Infrastructure;

namespace SpecialistRegistry.Tests.Features.Admin;

/// <summary>The firm and account rules speak the reader's language: the same rule runs in the dialog and the service.</summary>
public sealed class AdminInputLanguageTests
{
    private static readonly CultureInfo Chinese = CultureInfo.GetCultureInfo("zh-CN");
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en");

    [Fact]
    public void Firm_rules_explain_themselves_in_Chinese_and_English()
    {
        using (CultureScope.Use(Chinese))
        {
            Assert.Equal("请输入企业名称。", FirmInput.NameProblem(" "));
            Assert.Equal("地区不得超过 100 个字符。", FirmInput.RegionProblem(new string('x', 101)));
            Assert.Equal(("ContactEmail", "请输入有效的电子邮箱，例如 hr@firm.example.cn。"),
                new FirmInput { Name = "包钢", CreditCode = AdminTestData.Code("91150200MA0N1K2X3"), Region = "内蒙古", ContactEmail = "not-an-address" }.FirstProblem() is { } p
                    ? (p.Field, p.Message) : default);
            Assert.Equal("永磁材料", IndustrySegments.Describe(IndustrySegment.PermanentMagnets));
            Assert.Equal("该企业已不存在。", FirmAdminService.GoneMessage);
        }
        using (CultureScope.Use(English))
        {
            Assert.Equal("Enter the firm's name.", FirmInput.NameProblem(" "));
            Assert.Equal("Keep the region to 100 characters.", FirmInput.RegionProblem(new string('x', 101)));
            Assert.Equal("Permanent magnets", IndustrySegments.Describe(IndustrySegment.PermanentMagnets));
        }
    }

    [Fact]
    public void Account_rules_name_the_role_in_the_readers_language()
    {
        using (CultureScope.Use(Chinese))
        {
            Assert.Equal("请输入同事熟知的该用户姓名。", UserInput.DisplayNameProblem(""));
            Assert.Equal("企业人事账户须指定其所属企业。", UserInput.FirmProblem(Roles.FirmHR, null));
            var other = UserInput.FirmProblem(Roles.Regulator, Guid.NewGuid());
            Assert.Contains(Roles.Describe(Roles.Regulator), other);
            Assert.StartsWith("只有企业人事账户隶属于企业", other);
            Assert.Equal("已存在使用该电子邮箱的账户。", UserAdminService.DuplicateEmailMessage);
        }
        using (CultureScope.Use(English))
        {
            Assert.Equal("Choose a role.", UserInput.RoleProblem("Janitor"));
            Assert.Equal("An account with this e-mail address already exists.", UserAdminService.DuplicateEmailMessage);
        }
    }
}
