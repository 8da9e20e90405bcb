using System.Globalization;
using System.Resources;

namespace SpecialistRegistry.Domain;

/// <summary>
/// How an enumeration value reads to a person, in the current UI culture (Simplified Chinese or English):
/// the resource <c>{EnumType}_{Value}</c> of EnumText.resx / EnumText.zh-CN.resx. Files use the values'
/// codes or, in a Chinese file, these labels; screens use these labels. The one place such labels live.
/// </summary>
public static class EnumText
{
    private static readonly ResourceManager Labels = new("SpecialistRegistry.Domain.EnumText", typeof(EnumText).Assembly);

    public static string Of(Enum value) => Of(value, CultureInfo.CurrentUICulture);

    public static string Of(Enum value, CultureInfo culture) =>
        Labels.GetString(Key(value), culture) ?? value.ToString();

    /// <summary>True when the value has a label of its own in <paramref name="culture"/> (the tests check every value in both languages).</summary>
    public static bool HasLabel(Enum value, CultureInfo culture) =>
        Labels.GetResourceSet(culture, createIfNotExists: true, tryParents: false)?.GetString(Key(value)) is not null;

    private static string Key(Enum value) => $"{value.GetType().Name}_{value}";
}
