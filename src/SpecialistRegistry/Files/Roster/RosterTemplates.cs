using SpecialistRegistry.Domain;
using SpecialistRegistry.Domain.Records;

namespace SpecialistRegistry.Files.Roster;

/// <summary>The downloadable templates: the format's header, the column explanations and one example person.</summary>
public static class RosterTemplates
{
    /// <summary>The example person of the template, with free text in the template's language.</summary>
    public static RosterPerson Example(RosterLanguage language = RosterLanguage.English)
    {
        var chinese = language == RosterLanguage.Chinese;
        var person = new RosterPerson
        {
            EmployeeNumber = "E10001",
            FullName = "王伟",
            LatinName = "Wang Wei",
            Gender = Gender.Male,
            DateOfBirth = new DateOnly(1985, 3, 12),
            Nationality = "China",
            NationalIdNumber = "110105198503120031",
            Phone = "138 0000 0000",
            Email = "wang.wei@example.cn",
            Position = chinese ? "高级工艺工程师" : "Senior process engineer",
            Department = chinese ? "分离车间" : "Separation plant",
            HireDate = new DateOnly(2012, 7, 1),
            Status = EmploymentStatus.Current,
            Passport = new RosterPassport("E12345678", "China", new DateOnly(2021, 5, 10), new DateOnly(2031, 5, 9)),
        };
        person.Expertise.Add(new ExpertiseItem(ExpertiseArea.SolventExtraction, ExpertiseLevel.Expert, 12));
        person.Expertise.Add(new ExpertiseItem(ExpertiseArea.IonExchange, ExpertiseLevel.Advanced, 5));
        person.Education.Add(new EducationItem(Degree.Bachelor, chinese ? "化学工程" : "Chemical engineering", chinese ? "中南大学" : "Central South University", "China", 2007));
        person.Education.Add(new EducationItem(Degree.Master, chinese ? "冶金工程" : "Metallurgical engineering", chinese ? "东北大学" : "Northeastern University", "China", 2010));
        person.Research.Add(new ResearchItem(ResearchKind.Patent, chinese ? "重稀土逆流萃取分离方法" : "Countercurrent extraction of heavy rare earths", 2019,
            chinese ? "负责人" : "Lead", "CN110000000B"));
        return person;
    }

    /// <summary>The template in either format: the header, the column explanations and <see cref="Example"/>.</summary>
    public static Task<byte[]> WriteAsync(TableFormat format, RosterLanguage language = RosterLanguage.English, CancellationToken ct = default) =>
        RosterFileWriter.ToBytesAsync(format, [Example(language)], withExplanations: true, language, ct);
}
