using System.Globalization;

namespace SpecialistRegistry.Components.Shared;

/// <summary>
/// Lenient readers for values in a page's address. A typed <c>[SupplyParameterFromQuery]</c> (int?, bool?,
/// Guid?) makes Blazor throw on <c>?desc=maybe</c>, i.e. a hand-edited or truncated link gives an error page;
/// pages bind the raw text instead and read it through these, so a value that does not parse is simply absent
/// and the page shows its default.
/// </summary>
public static class QueryValue
{
    /// <summary>No page number, page size or day count in the portal comes near this; anything bigger is a typo or a probe.</summary>
    public const int MaxNumber = 1_000_000;

    public static int? Number(string? text) =>
        int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) && Math.Abs((long)n) <= MaxNumber ? n : null;

    public static bool? Flag(string? text) => bool.TryParse(text, out var b) ? b : null;

    public static Guid? Id(string? text) => Guid.TryParse(text, out var g) ? g : null;

    /// <summary>One of an enum's named values, any case; a number or an unknown name is absent.</summary>
    public static T? Choice<T>(string? text) where T : struct, Enum =>
        !string.IsNullOrEmpty(text) && !char.IsAsciiDigit(text[0]) && text[0] != '-' && Enum.TryParse<T>(text, true, out var parsed)
        && Enum.IsDefined(parsed) ? parsed : null;

    /// <summary>
    /// The grid page (counted from 0, as MudDataGrid does) for the address's <c>page</c>, which counts from 1 as people
    /// and the search do: <c>?page=2</c> is the second page; a missing, zero or negative value is the first.
    /// </summary>
    public static int GridPage(string? text) => Math.Max(1, Number(text) ?? 1) - 1;

    /// <summary>The address's <c>page</c> for a grid page counted from 0; none for the first page.</summary>
    public static int? PageInUrl(int gridPage) => gridPage <= 0 ? null : gridPage + 1;
}
