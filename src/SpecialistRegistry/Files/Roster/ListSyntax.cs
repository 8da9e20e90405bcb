using System.Text;

namespace SpecialistRegistry.Files.Roster;

/// <summary>
/// The CSV list-column syntax: items separated by <c>;</c>, fields of an item by <c>|</c>, and a backslash
/// escaping <c>\;</c> <c>\|</c> <c>\\</c>. A backslash before any other character stays as it is.
/// </summary>
public static class ListSyntax
{
    public static string Format(IEnumerable<IReadOnlyList<string>> items) =>
        string.Join("; ", items.Select(fields => string.Join(RosterFormat.FieldSeparator, fields.Select(EscapeField))));

    /// <summary>Items, each as its fields (trimmed, unescaped). Empty items (a trailing ;) are dropped.</summary>
    public static List<string[]> Parse(string cell)
    {
        // Fields are sliced out of the cell; a builder is used only for a field that holds an escape. An import
        // reads this for every list cell of every row, so it allocates nothing more than the strings it returns.
        var items = new List<string[]>();
        var fields = new List<string>(4);
        StringBuilder? unescaped = null;
        var fieldStart = 0;
        for (var i = 0; i <= cell.Length; i++)
        {
            var atEnd = i == cell.Length;
            var c = atEnd ? RosterFormat.ItemSeparator : cell[i];
            if (c == RosterFormat.Escape && i + 1 < cell.Length && cell[i + 1] is RosterFormat.ItemSeparator or RosterFormat.FieldSeparator or RosterFormat.Escape)
            {
                unescaped ??= new StringBuilder();
                unescaped.Append(cell, fieldStart, i - fieldStart).Append(cell[i + 1]);
                fieldStart = ++i + 1;
            }
            else if (c is RosterFormat.FieldSeparator or RosterFormat.ItemSeparator)
            {
                fields.Add(TakeField(i));
                fieldStart = i + 1;
                if (c == RosterFormat.ItemSeparator)
                {
                    if (fields.Count > 1 || fields[0].Length > 0)
                        items.Add([.. fields]);
                    fields.Clear();
                }
            }
        }
        return items;

        string TakeField(int end)
        {
            if (unescaped is not { Length: > 0 })
                return cell.AsSpan(fieldStart, end - fieldStart).Trim().ToString();
            var value = unescaped.Append(cell, fieldStart, end - fieldStart).ToString().Trim();
            unescaped.Clear();
            return value;
        }
    }

    private static string EscapeField(string value)
    {
        if (value.AsSpan().IndexOfAny(";|\\") < 0)
            return value;
        var escaped = new StringBuilder(value.Length + 4);
        foreach (var c in value)
        {
            if (c is RosterFormat.ItemSeparator or RosterFormat.FieldSeparator or RosterFormat.Escape)
                escaped.Append(RosterFormat.Escape);
            escaped.Append(c);
        }
        return escaped.ToString();
    }
}
