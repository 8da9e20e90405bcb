using System.Globalization;
using SpecialistRegistry.Domain;

namespace SpecialistRegistry.Tests.Domain;

public sealed class CountriesTests
{
    [Theory]
    [InlineData("中国", "China")]
    [InlineData("China", "China")]
    [InlineData(" china ", "China")]
    [InlineData("中华人民共和国", "China")]
    [InlineData("美国", "United States")]
    [InlineData("USA", "United States")]
    [InlineData("德国", "Germany")]
    [InlineData("日本", "Japan")]
    [InlineData("英国", "United Kingdom")]
    [InlineData("Atlantis", "Atlantis")]
    [InlineData("", "")]
    public void A_country_name_in_either_language_is_stored_as_one_name(string typed, string stored) =>
        Assert.Equal(stored, Countries.Canonical(typed));

    [Theory]
    [InlineData("China", "中国")]
    [InlineData("Germany", "德国")]
    [InlineData("United States", "美国")]
    [InlineData("Atlantis", "Atlantis")]
    public void A_stored_country_reads_in_chinese_for_a_chinese_user_and_as_stored_otherwise(string stored, string chinese)
    {
        Assert.Equal(chinese, Countries.Display(stored, CultureInfo.GetCultureInfo("zh-CN")));
        Assert.Equal(stored, Countries.Display(stored, CultureInfo.GetCultureInfo("en")));
    }
}
