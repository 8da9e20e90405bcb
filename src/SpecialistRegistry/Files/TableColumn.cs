namespace SpecialistRegistry.Files;

public enum CellKind
{
    /// <summary>Text, kept exactly as written: the cell is formatted as text so a spreadsheet keeps 00123 and +86.</summary>
    Text,
    /// <summary>A whole number, written as a number in a workbook so that it sorts and sums.</summary>
    Number,
}

/// <summary>One column of an exported table: its header, what its cells hold, and how wide it is shown.</summary>
public sealed record TableColumn(string Header, CellKind Kind = CellKind.Text, int Width = 0, bool Wrap = false)
{
    /// <summary>A width that fits the header, within reason, when none is given.</summary>
    public int ShownWidth => Width > 0 ? Width : Math.Clamp(Header.Length + 4, 12, 40);
}
