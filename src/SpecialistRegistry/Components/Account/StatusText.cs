namespace SpecialistRegistry.Components.Account;

/// <summary>
/// A message above an account form: what happened and whether it went wrong (shown as an error). The kind is
/// carried apart from the text because the text is in the person's language and says nothing a program can test.
/// </summary>
public sealed record StatusText(string Text, bool IsError)
{
    private const string ErrorMark = "e:";
    private const string DoneMark = "i:";

    public static StatusText Error(string text) => new(text, true);

    public static StatusText Done(string text) => new(text, false);

    /// <summary>The value of the status cookie that carries it across a redirect.</summary>
    public string ToCookie() => (IsError ? ErrorMark : DoneMark) + Text;

    /// <summary>The status a cookie carried; a value without a mark (an older cookie) reads as a plain message.</summary>
    public static StatusText? FromCookie(string? value) => value switch
    {
        null or "" => null,
        _ when value.StartsWith(ErrorMark, StringComparison.Ordinal) => Error(value[ErrorMark.Length..]),
        _ when value.StartsWith(DoneMark, StringComparison.Ordinal) => Done(value[DoneMark.Length..]),
        _ => Done(value),
    };
}
