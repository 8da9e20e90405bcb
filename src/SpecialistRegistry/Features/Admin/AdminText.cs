using System.Globalization;
using System.Resources;

namespace SpecialistRegistry.Features.Admin;

/// <summary>
/// Marker for AdminText.resx / AdminText.zh-CN.resx: the firms and user accounts pages, their dialogs and the
/// services' messages. Components read it with <c>IStringLocalizer&lt;AdminText&gt;</c>; the input rules and
/// services are called from places with no localizer at hand, so they read it through <see cref="Say"/>.
/// </summary>
public sealed class AdminText
{
    private static readonly ResourceManager Texts = new("SpecialistRegistry.Features.Admin.AdminText", typeof(AdminText).Assembly);

    /// <summary>The text in the current UI culture, placeholders filled in.</summary>
    public static string Say(string key, params object[] args)
    {
        var text = Texts.GetString(key, CultureInfo.CurrentUICulture) ?? key;
        return args.Length == 0 ? text : string.Format(CultureInfo.CurrentCulture, text, args);
    }
}
