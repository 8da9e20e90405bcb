namespace SpecialistRegistry.Files;

/// <summary>
/// The one formula-injection guard of every exported cell, CSV and .xlsx alike. A spreadsheet runs a cell that
/// starts with = + - or @ as a formula (and some skip a leading tab or carriage return first), so such a value
/// is written with a leading apostrophe, which spreadsheets read as "this is text". The import takes exactly
/// that apostrophe off again; a value that would otherwise lose an apostrophe of its own on the way back gets
/// one more, so <c>Restore(Neutralise(v)) == v</c> for every value (a property test checks it).
/// </summary>
public static class FormulaGuard
{
    public const char Mark = '\'';

    public static bool StartsLikeFormula(ReadOnlySpan<char> value) =>
        value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r';

    public static string Neutralise(string value) =>
        StartsLikeFormula(value) || Restore(value).Length != value.Length ? Mark + value : value;

    public static string Restore(string value) =>
        value.Length > 1 && value[0] == Mark && (StartsLikeFormula(value.AsSpan(1)) || value[1] == Mark)
            ? value[1..]
            : value;
}
