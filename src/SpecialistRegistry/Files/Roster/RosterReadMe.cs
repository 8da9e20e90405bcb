namespace SpecialistRegistry.Files.Roster;

/// <summary>The rules of the format in a few lines, for the "Read me" sheet (docs/roster-import.md has the long form).</summary>
public static class RosterReadMe
{
    public static readonly IReadOnlyList<string> Lines =
    [
        "SpecialistRegistry roster file",
        $"One row per specialist on the {RosterFormat.SpecialistsSheet} sheet. The {RosterFormat.ExpertiseSheet}, {RosterFormat.EducationSheet} and {RosterFormat.ResearchSheet} sheets have one row per item, keyed by EmployeeNumber.",
        "People are matched by EmployeeNumber within your firm: a new number adds a person, a known one updates that person, and a person whose details are all the same is left alone. People who are not in the file are not changed.",
        "For each person in the file, their expertise, education and research rows replace the lists on the roster: keep every item, not only new ones.",
        "Dates are written yyyy-MM-dd. A row whose first cell starts with # is a note and is skipped. Values may be in any column order; the header names them.",
        "A value that starts with = + - @, a tab or a carriage return is written with a leading apostrophe (') so that a spreadsheet does not run it as a formula; the import removes that apostrophe.",
        $"Limits: {RosterLimits.Describe(RosterLimits.MaxFileBytes)} per file, {RosterLimits.MaxSpecialists:N0} specialists, {RosterLimits.MaxItemsPerList} items per list and person.",
        "Nothing is saved until the file has been checked without problems and you press Commit; a commit saves everything or nothing.",
    ];
}
