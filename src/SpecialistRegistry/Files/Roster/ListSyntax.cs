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
        var items = new List<string[]>();
        var fields = new List<string>();
        var current = new StringBuilder();
        for (var i = 0; i < cell.Length; i++)
        {
            var c = cell[i];
            if (c == RosterFormat.Escape && i + 1 < cell.Length && cell[i + 1] is RosterFormat.ItemSeparator or RosterFormat.FieldSeparator or RosterFormat.Escape)
            {
                current.Append(cell[++i]);
            }
            else if (c == RosterFormat.FieldSeparator)
            {
                fields.Add(current.ToString().Trim());
                current.Clear();
            }
            else if (c == RosterFormat.ItemSeparator)
            {
                EndItem();
            }
            else
            {
                current.Append(c);
            }
        }
        EndItem();
        return items;

        void EndItem()
        {
            fields.Add(current.ToString().Trim());
            current.Clear();
            if (fields.Count > 1 || fields[0].Length > 0)
                items.Add([.. fields]);
            fields.Clear();
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
