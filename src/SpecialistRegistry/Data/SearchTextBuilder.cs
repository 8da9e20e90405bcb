using System.Globalization;
using System.Text;
using SpecialistRegistry.Domain;
using SpecialistRegistry.Localization;

namespace SpecialistRegistry.Data;

/// <summary>
/// The one normalisation shared by the index and the queries: lower-case letters and digits, everything else a
/// separator, and each Chinese character a word of its own, so any part of a Chinese name matches as a phrase.
/// </summary>
public static class SearchTextBuilder
{
    public static bool IsCjk(char c) =>
        c is >= '\u3400' and <= '\u9FFF' or >= '\uF900' and <= '\uFAFF' or >= '\u3040' and <= '\u30FF';

    public static string Normalize(string? text)
    {
        if (string.IsNullOrEmpty(text))
            return "";
        var sb = new StringBuilder(text.Length + 8);
        var space = true;
        foreach (var c in text)
        {
            if (IsCjk(c))
            {
                if (!space) sb.Append(' ');
                sb.Append(c).Append(' ');
                space = true;
            }
            else if (char.IsLetterOrDigit(c))
            {
                sb.Append(char.ToLowerInvariant(c));
                space = false;
            }
            else if (!space)
            {
                sb.Append(' ');
                space = true;
            }
        }
        return sb.ToString().TrimEnd();
    }

    /// <summary>Everything a regulator may type to find this person, in one normalised string.</summary>
    public static string Compose(Specialist s, IEnumerable<Expertise> expertise, IEnumerable<Education> education, IEnumerable<ResearchRecord> research)
    {
        var parts = new List<string?> { s.FullName, s.LatinName, s.EmployeeNumber, s.Position, s.Department };
        // An expertise area is found by its name in either language, whatever the language of whoever saved it.
        parts.AddRange(expertise.SelectMany(e => RegistryCultures.Supported.Select(c => EnumText.Of(e.Area, CultureInfo.GetCultureInfo(c)))).Distinct());
        foreach (var e in education)
        {
            parts.Add(e.Field);
            parts.Add(e.Institution);
        }
        parts.AddRange(research.Select(r => r.Title));
        return Normalize(string.Join(" | ", parts.Where(p => !string.IsNullOrWhiteSpace(p))));
    }
}
