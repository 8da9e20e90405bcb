using System.Globalization;
using System.Resources;
using SpecialistRegistry.Domain;
using SpecialistRegistry.Domain.Records;

namespace SpecialistRegistry.Files.Roster;

/// <summary>The roster file's own texts (column explanations, the Read me sheet) in the file's language, from RosterFileText.resx.</summary>
public static class RosterFileText
{
    private static readonly ResourceManager Texts = new("SpecialistRegistry.Files.Roster.RosterFileText", typeof(RosterFileText).Assembly);

    public static string Get(string key, RosterLanguage language) =>
        Texts.GetString(key, language.Culture()) ?? throw new InvalidOperationException($"RosterFileText has no text {key}.");

    public static string Explanation(RosterColumn column, RosterLanguage language)
    {
        var allowed = column.Name switch
        {
            "Gender" => RosterFormat.Allowed<Gender>(language),
            "Status" => RosterFormat.Allowed<EmploymentStatus>(language),
            "Area" => RosterFormat.Allowed<ExpertiseArea>(language),
            "Level" => RosterFormat.Allowed<ExpertiseLevel>(language),
            "Degree" => RosterFormat.Allowed<Degree>(language),
            "Kind" => RosterFormat.Allowed<ResearchKind>(language),
            RosterFormat.ExpertiseSheet => ListSyntax.Format(ExampleExpertise.Select(e => RosterCells.Fields(e, language))),
            RosterFormat.EducationSheet => ListSyntax.Format([RosterCells.Fields(ExampleEducation(language), language)]),
            _ => "",
        };
        return string.Format(language.Culture(), Get(column.ExplanationKey, language), allowed, RosterLimits.MaxExpertiseYears);
    }

    /// <summary>The Read me sheet's lines, the first one its title.</summary>
    public static IReadOnlyList<string> ReadMe(RosterLanguage language)
    {
        string Sheet(int i) => RosterFormat.XlsxSheets[i].Header(language);
        string T(string key) => Get(key, language);
        var culture = language.Culture();
        return
        [
            T("ReadMe_Title"),
            string.Format(culture, T("ReadMe_Sheets"), Sheet(0), Sheet(1), Sheet(2), Sheet(3), RosterFormat.SpecialistColumns[0].Header(language)),
            T("ReadMe_Matching"),
            T("ReadMe_Lists"),
            T("ReadMe_Dates"),
            T("ReadMe_Formulas"),
            string.Format(culture, T("ReadMe_Limits"), RosterLimits.Describe(RosterLimits.MaxFileBytes),
                RosterLimits.MaxSpecialists.ToString("N0", culture), RosterLimits.MaxItemsPerList),
            T("ReadMe_Commit"),
        ];
    }

    private static readonly ExpertiseItem[] ExampleExpertise =
        [new(ExpertiseArea.SolventExtraction, ExpertiseLevel.Expert, 12), new(ExpertiseArea.IonExchange, ExpertiseLevel.Advanced, 5)];

    private static EducationItem ExampleEducation(RosterLanguage language) => language == RosterLanguage.Chinese
        ? new(Degree.Master, "冶金", "东北大学", "China", 2009)
        : new(Degree.Master, "Metallurgy", "Northeastern University", "China", 2009);
}
