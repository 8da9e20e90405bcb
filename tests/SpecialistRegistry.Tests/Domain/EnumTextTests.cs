using System.Globalization;
using SpecialistRegistry.Domain;

namespace SpecialistRegistry.Tests.Domain;

public sealed class EnumTextTests
{
    public static TheoryData<Type> LabelledEnums =>
    [
        typeof(Gender), typeof(EmploymentStatus), typeof(ExpertiseArea), typeof(ExpertiseLevel), typeof(Degree), typeof(ResearchKind),
        typeof(CustodyStatus), typeof(CustodyEventKind), typeof(IndustrySegment), typeof(FlagReason), typeof(FlagSeverity), typeof(FlagStatus),
        typeof(FilingState), typeof(FilingChange), typeof(FilingPeriodKind), typeof(DemandScope),
    ];

    [Theory]
    [MemberData(nameof(LabelledEnums))]
    public void Every_value_has_a_label_of_its_own_in_chinese_and_in_english(Type type)
    {
        var missing = Enum.GetValues(type).Cast<Enum>()
            .SelectMany(v => new[] { "en", "zh-CN" }.Where(c => !EnumText.HasLabel(v, c == "en" ? CultureInfo.InvariantCulture : CultureInfo.GetCultureInfo(c)))
                .Select(c => $"{type.Name}.{v} ({c})"))
            .ToList();

        Assert.True(missing.Count == 0, "No label: " + string.Join(", ", missing));
    }

    [Fact]
    public void Labels_follow_the_culture()
    {
        Assert.Equal("溶剂萃取", EnumText.Of(ExpertiseArea.SolventExtraction, CultureInfo.GetCultureInfo("zh-CN")));
        Assert.Equal("Solvent extraction", EnumText.Of(ExpertiseArea.SolventExtraction, CultureInfo.GetCultureInfo("en")));
    }
}
