using System.Globalization;
using System.Resources;

namespace SpecialistRegistry.Data;

/// <summary>
/// The sentences of the notifications watchers receive, from NotificationText.resx / NotificationText.zh-CN.resx,
/// in the current UI culture. A notification is stored as text, so it is composed in its recipient's language
/// (see <see cref="Localization.CultureScope"/>), not the language of whoever made the change; a
/// <see cref="ResourceManager"/> because the interceptor that composes most of them is built before any request.
/// </summary>
public static class NotificationText
{
    private static readonly ResourceManager Texts = new("SpecialistRegistry.Data.NotificationText", typeof(NotificationText).Assembly);

    /// <summary>The text <paramref name="key"/>, its placeholders filled with <paramref name="args"/> in the current culture.</summary>
    public static string Get(string key, params object?[] args)
    {
        var text = Texts.GetString(key, CultureInfo.CurrentUICulture) ?? throw new InvalidOperationException($"NotificationText has no text {key}.");
        return args.Length == 0 ? text : string.Format(CultureInfo.CurrentCulture, text, args);
    }
}
