using System.ComponentModel.DataAnnotations;
using System.Globalization;

namespace SpecialistRegistry.Domain;

public enum TextProblem
{
    None,
    /// <summary>NUL or another control character (line breaks too, in a one-line field).</summary>
    ControlCharacter,
    /// <summary>A bidirectional override, embedding or isolate: it reorders how the text around it is shown (on receipts, too).</summary>
    BidiControl,
    /// <summary>Half of a surrogate pair: not a character at all, and not storable as UTF-8.</summary>
    LoneSurrogate,
    /// <summary>Only spaces and invisible characters (zero-width space, joiners, BOM): looks empty, is not.</summary>
    Invisible,
}

/// <summary>
/// The one rule for free text that people type or import (names, numbers, titles, notes, reasons): what a
/// field may hold beyond its length. Tabs count as spaces (spreadsheets carry them); line breaks only where
/// the field has several lines. Used by the editor's <see cref="CleanTextAttribute"/>, the roster import and
/// the services that take a reason. See docs/web-security.md.
/// </summary>
public static class CleanText
{
    /// <summary>The most items one list field may hold (an import cell's list, a form's list).</summary>
    public const int MaxListItems = 2000;

    public static TextProblem Check(string? value, bool multiline = false)
    {
        if (string.IsNullOrEmpty(value))
            return TextProblem.None;
        var visible = false;
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsHighSurrogate(c))
            {
                if (i + 1 >= value.Length || !char.IsLowSurrogate(value[i + 1]))
                    return TextProblem.LoneSurrogate;
                i++;
                visible = true;
                continue;
            }
            if (char.IsLowSurrogate(c))
                return TextProblem.LoneSurrogate;
            if (c is '\n' or '\r')
            {
                if (!multiline)
                    return TextProblem.ControlCharacter;
                continue;
            }
            if (c == '\t')
                continue;
            if (char.IsControl(c))
                return TextProblem.ControlCharacter;
            if (c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069')
                return TextProblem.BidiControl;
            if (!char.IsWhiteSpace(c) && !IsInvisible(c))
                visible = true;
        }
        return visible ? TextProblem.None : TextProblem.Invisible;
    }

    /// <summary>
    /// The message for <paramref name="problem"/>, in the current UI language. It does not name the field: it is
    /// shown under the field, or in the import's problem list beside the sheet, row and column.
    /// </summary>
    public static string Message(TextProblem problem) => problem switch
    {
        TextProblem.ControlCharacter => DomainText.Get("Text_ControlCharacter"),
        TextProblem.BidiControl => DomainText.Get("Text_BidiControl"),
        TextProblem.LoneSurrogate => DomainText.Get("Text_LoneSurrogate"),
        TextProblem.Invisible => DomainText.Get("Text_Invisible"),
        _ => "",
    };

    /// <summary>Null when <paramref name="value"/> is clean; else the message to show.</summary>
    public static string? Problem(string? value, bool multiline = false) =>
        Check(value, multiline) is var p and not TextProblem.None ? Message(p) : null;

    public static string TooManyItems(int count) => DomainText.Get("Text_TooManyItems", count, MaxListItems);

    // Format characters that draw nothing: zero-width space and joiners, word joiner, BOM, soft hyphen and the like.
    private static bool IsInvisible(char c) =>
        CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.Format || c is '\u115F' or '\u1160' or '\u3164' or '\uFFA0';
}

/// <summary>
/// DataAnnotations form of <see cref="CleanText"/> for the editor's form models: the form shows the message
/// under the field, the service refuses the save with the same message.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class CleanTextAttribute : ValidationAttribute
{
    public bool Multiline { get; init; }

    protected override ValidationResult? IsValid(object? value, ValidationContext context) =>
        CleanText.Problem(value as string, Multiline) is { } message
            ? new ValidationResult(message, context.MemberName is { } member ? [member] : null)
            : ValidationResult.Success;
}

/// <summary>DataAnnotations check that a list input holds at most <see cref="CleanText.MaxListItems"/> items.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class MaxItemsAttribute : ValidationAttribute
{
    protected override ValidationResult? IsValid(object? value, ValidationContext context) =>
        value is System.Collections.ICollection { Count: > CleanText.MaxListItems } list
            ? new ValidationResult(CleanText.TooManyItems(list.Count), context.MemberName is { } member ? [member] : null)
            : ValidationResult.Success;
}
