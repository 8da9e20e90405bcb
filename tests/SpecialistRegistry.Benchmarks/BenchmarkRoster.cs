using SpecialistRegistry.Domain;
using SpecialistRegistry.Features.Roster.Import;
using SpecialistRegistry.Domain.Records;
using SpecialistRegistry.Files;
using SpecialistRegistry.Files.Roster;
using SpecialistRegistry.Files.Reading;

namespace SpecialistRegistry.Benchmarks;

/// <summary>The benchmark's roster: deterministic people, each with 3 expertise, 2 education, 2 research records and 1 passport.</summary>
internal static class BenchmarkRoster
{
    private static readonly string[] Surnames = ["王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴"];
    private static readonly string[] SurnamesLatin = ["Wang", "Li", "Zhang", "Liu", "Chen", "Yang", "Zhao", "Huang", "Zhou", "Wu"];
    private static readonly string[] Given = ["伟", "芳", "娜", "敏", "静", "磊", "强", "洋", "艳", "军"];
    private static readonly string[] GivenLatin = ["Wei", "Fang", "Na", "Min", "Jing", "Lei", "Qiang", "Yang", "Yan", "Jun"];

    public static List<RosterPerson> People(int count)
    {
        var random = new Random(20261201);
        var people = new List<RosterPerson>(count);
        for (var n = 1; n <= count; n++)
        {
            var s = random.Next(Surnames.Length);
            var g = random.Next(Given.Length);
            var born = new DateOnly(1965, 1, 1).AddDays(random.Next(0, 12000));
            var person = new RosterPerson
            {
                EmployeeNumber = $"B{n:D6}",
                FullName = Surnames[s] + Given[g],
                LatinName = $"{SurnamesLatin[s]} {GivenLatin[g]}",
                Gender = (Gender)random.Next(2),
                DateOfBirth = born,
                Nationality = "China",
                NationalIdNumber = $"{random.Next(110000, 659999)}{born:yyyyMMdd}{n % 10000:D4}",
                Phone = $"+86 13{random.Next(10)} {random.Next(1000, 9999)} {random.Next(1000, 9999)}",
                Email = $"staff{n}@example.cn",
                Position = "Process engineer",
                Department = "Separation plant",
                HireDate = born.AddYears(24),
                Status = EmploymentStatus.Current,
                Passport = new RosterPassport($"E{n:D8}", "China", new DateOnly(2021, 1, 1).AddDays(n % 1000), new DateOnly(2031, 1, 1).AddDays(n % 1000)),
            };
            for (var k = 0; k < 3; k++)
                person.Expertise.Add(new ExpertiseItem((ExpertiseArea)((n + (k * 5)) % 12), (ExpertiseLevel)random.Next(4), random.Next(1, 30)));
            person.Education.Add(new EducationItem(Degree.Bachelor, "Chemical engineering", "Central South University", "China", born.Year + 22));
            person.Education.Add(new EducationItem(Degree.Master, "Metallurgical engineering", "Northeastern University", "China", born.Year + 25));
            person.Research.Add(new ResearchItem(ResearchKind.Patent, "Countercurrent extraction of heavy rare earths", 2019, "Lead", $"CN{100000000 + n}B"));
            person.Research.Add(new ResearchItem(ResearchKind.Publication, "Grain boundary diffusion in sintered NdFeB", 2021, "Contributor", $"doi:10.1000/{n}"));
            people.Add(person);
        }
        return people;
    }
}
