using System.Globalization;
using System.Resources;
using SpecialistRegistry.Domain;

namespace SpecialistRegistry.Features.Search;

/// <summary>
/// How the search's own values read, in the current UI culture, from SearchPageText.resx (keyed
/// <c>{Enum}_{Value}</c>). Static, because the facet lists and the export are built by code that has no
/// localizer at hand; both engines and the export call this one place.
/// </summary>
public static class SearchLabels
{
    private static readonly ResourceManager Texts = new(typeof(SearchPageText).FullName!, typeof(SearchPageText).Assembly);

    public static string Of(CustodyFacet c) => Label(c);

    public static string Of(SearchFlagState f) => Label(f);

    public static string Of(IndustrySegment s) => EnumText.Of(s);

    public static string Of(SearchSort s) => Label(s);

    /// <summary>The text <paramref name="key"/> of SearchPageText, its placeholders filled in the current culture.</summary>
    public static string Text(string key, params object?[] args)
    {
        var text = Texts.GetString(key, CultureInfo.CurrentUICulture) ?? throw new InvalidOperationException($"SearchPageText has no text {key}.");
        return args.Length == 0 ? text : string.Format(CultureInfo.CurrentCulture, text, args);
    }

    private static string Label(Enum value) =>
        Texts.GetString($"{value.GetType().Name}_{value}", CultureInfo.CurrentUICulture) ?? value.ToString();
}
