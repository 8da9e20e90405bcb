using System.Globalization;
using System.Resources;

namespace SpecialistRegistry.Domain;

/// <summary>
/// The messages of the domain's rules (what a <see cref="DomainException"/> says), in the current UI culture,
/// from DomainText.resx / DomainText.zh-CN.resx. A <see cref="ResourceManager"/> rather than an
/// IStringLocalizer, because the domain depends on no framework package.
/// </summary>
public static class DomainText
{
    private static readonly ResourceManager Texts = new("SpecialistRegistry.Domain.DomainText", typeof(DomainText).Assembly);

    /// <summary>The text <paramref name="key"/>, its placeholders filled with <paramref name="args"/> in the current culture.</summary>
    public static string Get(string key, params object?[] args)
    {
        var text = Texts.GetString(key, CultureInfo.CurrentUICulture) ?? throw new InvalidOperationException($"DomainText has no text {key}.");
        return args.Length == 0 ? text : string.Format(CultureInfo.CurrentCulture, text, args);
    }
}
