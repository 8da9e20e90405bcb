using System.Globalization;
using SpecialistRegistry.Domain;
using SpecialistRegistry.Localization;

namespace SpecialistRegistry.Tests.Domain;

/// <summary>The rules of flags and specialists refuse in the reader's language; notification kinds and verdicts have labels in both.</summary>
public sealed class FlagAndSpecialistTextTests
{
    public static TheoryData<Type> LabelledEnums => [typeof(NotificationKind), typeof(MatchVerdict)];

    [Theory]
    [MemberData(nameof(LabelledEnums))]
    public void Every_value_has_a_label_of_its_own_in_chinese_and_in_english(Type type)
    {
        var missing = Enum.GetValues(type).Cast<Enum>()
            .SelectMany(v => new[] { CultureInfo.InvariantCulture, CultureInfo.GetCultureInfo("zh-CN") }.Where(c => !EnumText.HasLabel(v, c)).Select(c => $"{type.Name}.{v} ({c.Name})"))
            .ToList();

        Assert.True(missing.Count == 0, "No label: " + string.Join(", ", missing));
    }

    [Theory]
    [InlineData("zh-CN", "该标记已解决。", "该标记已处于未解决状态。", "王伟 (Wang Wei)已从本单位离职。", "离职日期不能早于入职日期。")]
    [InlineData("en", "This flag is already resolved.", "This flag is already open.", "王伟 (Wang Wei) has already left the firm.", "The leaving date cannot be before the hire date.")]
    public void Refusals_are_in_the_current_language(string culture, string resolved, string open, string left, string beforeHire)
    {
        using var _ = CultureScope.Use(CultureInfo.GetCultureInfo(culture));
        var flag = new Flag { Status = FlagStatus.Resolved };
        var person = new Specialist { FullName = "王伟", LatinName = "Wang Wei", HireDate = new DateOnly(2020, 1, 1) };

        Assert.Equal(resolved, Assert.Throws<DomainException>(() => flag.Resolve("r", "note", DateTimeOffset.UnixEpoch)).Message);
        Assert.Equal(open, Assert.Throws<DomainException>(() => new Flag().Reopen()).Message);
        Assert.Equal(beforeHire, Assert.Throws<DomainException>(() => person.RecordLeaving(new DateOnly(2019, 1, 1), "moved")).Message);
        person.RecordLeaving(new DateOnly(2021, 1, 1), "moved");
        Assert.Equal(left, Assert.Throws<DomainException>(() => person.RecordLeaving(new DateOnly(2022, 1, 1), "again")).Message);
    }
}
