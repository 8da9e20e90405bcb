using SpecialistRegistry.Domain.Records;
using SpecialistRegistry.Files.Roster;

namespace SpecialistRegistry.Features.Roster.Import;

/// <summary>A specialist row of the file after checking, with the keyed hashes of its numbers.</summary>
internal sealed class ImportedRow(int row, RosterPerson person)
{
    /// <summary>Row on the Specialists sheet (or in the CSV file).</summary>
    public int Row => row;
    public RosterPerson Person => person;
    /// <summary>Set when any problem concerns this person: their row, a list item of theirs, or a clash.</summary>
    public bool Rejected { get; set; }
    /// <summary>Keyed hashes (<see cref="Data.FieldProtector.LookupHash"/>), empty when the file gives no number.</summary>
    public string NationalIdHash { get; set; } = "";
    public string PassportHash { get; set; } = "";
    /// <summary>Decided by <see cref="RosterComparer"/> against the roster in the database.</summary>
    public RowOutcome Outcome { get; set; }
    /// <summary>The matched specialist, when the person is already on the roster.</summary>
    public Guid? ExistingId { get; set; }
    /// <summary>For a changed person, what the commit would change, field by field (numbers masked).</summary>
    public List<FieldChange> Changes { get; set; } = [];
}

internal enum RowOutcome
{
    Rejected,
    New,
    Changed,
    Unchanged,
}

/// <summary>Every problem is counted; the first <see cref="RosterLimits.MaxProblemsShown"/> are kept for display.</summary>
internal sealed class ProblemList
{
    private readonly List<ImportProblem> _kept = [];

    public int Total { get; private set; }

    public void Add(ImportProblem problem)
    {
        Total++;
        if (_kept.Count < RosterLimits.MaxProblemsShown)
            _kept.Add(problem);
    }

    /// <summary>In file order: sheet by sheet as the format lists them, then row by row.</summary>
    public IReadOnlyList<ImportProblem> Sorted() =>
        [.. _kept.OrderBy(p => p.Row is null ? -1 : SheetOrder(p.Sheet)).ThenBy(p => p.Row)];

    private static int SheetOrder(string? sheet)
    {
        for (var i = 0; i < RosterFormat.XlsxSheets.Count; i++)
        {
            if (RosterFormat.XlsxSheets[i].Name == sheet || RosterFormat.XlsxSheets[i].ChineseName == sheet)
                return i;
        }
        return 0;
    }
}
