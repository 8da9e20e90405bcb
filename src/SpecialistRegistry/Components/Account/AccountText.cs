using System.Globalization;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;

namespace SpecialistRegistry.Components.Account;

/// <summary>
/// Marker for AccountText.resx / AccountText.zh-CN.resx: the texts of the sign-in and account pages, their
/// validators and their status messages, read with <c>IStringLocalizer&lt;AccountText&gt;</c>.
/// </summary>
public sealed class AccountText;

internal static class LocalizedMarkup
{
    /// <summary>
    /// A text whose sentence holds a link or other markup (<c>You can &lt;a href="{0}"&gt;log in with a recovery
    /// code&lt;/a&gt;.</c>), so that translators keep the link where their language puts it. The resource's markup is
    /// ours; every value filled in is HTML-encoded.
    /// </summary>
    public static MarkupString Html(this IStringLocalizer localizer, string key, params string[] values) =>
        new(string.Format(CultureInfo.CurrentCulture, localizer[key].Value,
            values.Select(v => (object)HtmlEncoder.Default.Encode(v)).ToArray()));
}
