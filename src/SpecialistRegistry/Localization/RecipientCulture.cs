using System.Globalization;
using Microsoft.AspNetCore.Builder;

namespace SpecialistRegistry.Localization;

/// <summary>
/// The language of a text stored for someone else to read later (a notification): not the writer's request
/// culture but the recipient's, i.e. the language on their account, else the portal's default
/// (<c>Registry:DefaultCulture</c>, which <see cref="RegistryLocalization"/> makes the default request culture).
/// </summary>
public static class RecipientCulture
{
    public static CultureInfo Of(string? accountCulture, RequestLocalizationOptions options) =>
        RegistryCultures.Normalize(accountCulture) is { } chosen ? CultureInfo.GetCultureInfo(chosen) : options.DefaultRequestCulture.UICulture;
}

/// <summary>
/// Makes <paramref name="culture"/> the current culture and UI culture until disposed, so that texts composed
/// for another person (resources, enum labels, country names, numbers) come out in that person's language.
/// </summary>
public readonly struct CultureScope : IDisposable
{
    private readonly CultureInfo _culture;
    private readonly CultureInfo _uiCulture;

    private CultureScope(CultureInfo culture)
    {
        _culture = CultureInfo.CurrentCulture;
        _uiCulture = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentCulture = culture;
        CultureInfo.CurrentUICulture = culture;
    }

    public static CultureScope Use(CultureInfo culture) => new(culture);

    public static CultureScope Use(string name) => new(CultureInfo.GetCultureInfo(name));

    public static CultureScope Chinese() => Use("zh-CN");

    public void Dispose()
    {
        CultureInfo.CurrentCulture = _culture;
        CultureInfo.CurrentUICulture = _uiCulture;
    }
}
