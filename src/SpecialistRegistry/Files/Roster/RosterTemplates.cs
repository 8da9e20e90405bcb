using SpecialistRegistry.Domain;
using SpecialistRegistry.Domain.Records;

namespace SpecialistRegistry.Files.Roster;

/// <summary>The downloadable templates: the format's header, the column explanations and one example person.</summary>
public static class RosterTemplates
{
    public static RosterPerson Example()
    {
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
            Position = "Senior process engineer",
            Department = "Separation plant",
            HireDate = new DateOnly(2012, 7, 1),
            Status = EmploymentStatus.Current,
            Passport = new RosterPassport("E12345678", "China", new DateOnly(2021, 5, 10), new DateOnly(2031, 5, 9)),
        };
        person.Expertise.Add(new ExpertiseItem(ExpertiseArea.SolventExtraction, ExpertiseLevel.Expert, 12));
        person.Expertise.Add(new ExpertiseItem(ExpertiseArea.IonExchange, ExpertiseLevel.Advanced, 5));
        person.Education.Add(new EducationItem(Degree.Bachelor, "Chemical engineering", "Central South University", "China", 2007));
        person.Education.Add(new EducationItem(Degree.Master, "Metallurgical engineering", "Northeastern University", "China", 2010));
        person.Research.Add(new ResearchItem(ResearchKind.Patent, "Countercurrent extraction of heavy rare earths", 2019, "Lead", "CN110000000B"));
        return person;
    }

    /// <summary>The template in either format: the header, the column explanations and <see cref="Example"/>.</summary>
    public static Task<byte[]> WriteAsync(TableFormat format, CancellationToken ct = default) =>
        RosterFileWriter.ToBytesAsync(format, [Example()], withExplanations: true, ct);
}
