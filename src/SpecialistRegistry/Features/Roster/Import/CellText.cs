namespace SpecialistRegistry.Features.Roster.Import;

/// <summary>
/// Formula-injection guard. A spreadsheet program runs a cell that starts with = + - or @ as a formula, so the
/// exporter writes such a value with a leading apostrophe, and the importer takes exactly that apostrophe off
/// again. A value that itself starts with an apostrophe before one of those characters gets a second one, so
/// every value survives the round trip unchanged.
/// </summary>
public static class CellText
{
    private const char Guard = '\'';

    public static bool StartsLikeFormula(string value) => value.Length > 0 && value[0] is '=' or '+' or '-' or '@';

    public static string Neutralise(string value) =>
        StartsLikeFormula(value) || (value.Length > 1 && value[0] == Guard && StartsLikeFormula(value[1..]))
            ? Guard + value
            : value;

    public static string Restore(string value) =>
        value.Length > 1 && value[0] == Guard && (StartsLikeFormula(value[1..]) || value[1] == Guard)
            ? value[1..]
            : value;
}
