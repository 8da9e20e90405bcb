using SpecialistRegistry.Domain.Records;
using SpecialistRegistry.Files.Roster;

namespace SpecialistRegistry.Features.Roster.Import;

/// <summary>An uploaded file, read into memory once.</summary>
public sealed record ImportFile(string FileName, byte[] Content);

/// <summary>
/// One problem found in the file. <see cref="Sheet"/> is set for .xlsx only; <see cref="Row"/> is the row number
/// a spreadsheet program shows (the header is row 1); both are null for a problem with the file as a whole.
/// </summary>
public sealed record ImportProblem(string? Sheet, int? Row, string? Column, string Message)
{
    public static ImportProblem ForFile(string message) => new(null, null, null, message);

    public bool IsAboutWholeFile => Row is null;
}

/// <summary>One person a commit would change: their row in the file and every field that would change, old → new.</summary>
public sealed record ImportChange(int Row, string EmployeeNumber, string FullName, IReadOnlyList<FieldChange> Fields);

public sealed record ImportCounts(int New, int Changed, int Unchanged, int Rejected)
{
    public static readonly ImportCounts None = new(0, 0, 0, 0);

    public int Total => New + Changed + Unchanged + Rejected;
}

public enum ImportPhase
{
    Reading,
    Checking,
    Comparing,
    Saving,
    Finishing,
}

public sealed record ImportProgress(ImportPhase Phase, int Done, int Total)
{
    public double Percent => Total <= 0 ? 0 : Math.Min(100, 100.0 * Done / Total);

}

/// <summary>
/// The result of a dry run: what a commit would do, and every problem that prevents it. Holds the checked rows
/// and the version of every matched specialist, so a commit neither reads the file again nor overwrites a
/// change made after the dry run.
/// </summary>
public sealed class ImportPreview
{
    internal ImportPreview(string fileName, string sha256, ImportCounts counts, IReadOnlyList<ImportProblem> problems, int totalProblems,
        IReadOnlyList<ImportedRow> rows, IReadOnlyDictionary<string, Guid?> versions, string? sheet, RosterLanguage language = RosterLanguage.English)
    {
        FileName = fileName;
        Sha256 = sha256;
        Counts = counts;
        Problems = problems;
        TotalProblems = totalProblems;
        Rows = rows;
        Versions = versions;
        Sheet = sheet;
        Language = language;
        Changes = [.. rows.Where(r => r.Outcome == RowOutcome.Changed).Select(r => new ImportChange(r.Row, r.Person.EmployeeNumber, r.Person.FullName, r.Changes))];
    }

    public string FileName { get; }
    /// <summary>Hex SHA-256 of the file's bytes, recorded in the audit trail.</summary>
    public string Sha256 { get; }
    public ImportCounts Counts { get; }
    /// <summary>At most <see cref="RosterLimits.MaxProblemsShown"/>, in file order.</summary>
    public IReadOnlyList<ImportProblem> Problems { get; }
    public int TotalProblems { get; }
    public bool CanCommit => TotalProblems == 0 && Counts.New + Counts.Changed > 0;
    /// <summary>Every person the commit would change, in file order, with what would change.</summary>
    public IReadOnlyList<ImportChange> Changes { get; }

    internal IReadOnlyList<ImportedRow> Rows { get; }
    /// <summary>Employee number → the matched specialist's version at the dry run, or null for a new person.</summary>
    internal IReadOnlyDictionary<string, Guid?> Versions { get; }
    internal string? Sheet { get; }
    /// <summary>The language of the file's header, in which problems name its columns.</summary>
    internal RosterLanguage Language { get; }

    internal static ImportPreview Refused(string fileName, string sha256, string message) =>
        new(fileName, sha256, ImportCounts.None, [ImportProblem.ForFile(message)], 1, [], new Dictionary<string, Guid?>(), null);
}

public sealed record ImportResult(ImportCounts Counts, string FileName, string Sha256);
