using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SpecialistRegistry.Data;
using SpecialistRegistry.Domain;
using SpecialistRegistry.Features.Search;
using SpecialistRegistry.Tests.Infrastructure;

namespace SpecialistRegistry.Tests.Features.Search;

/// <summary>
/// The in-memory index must answer exactly as SQL does: 1,200 varied people, every facet alone and combined,
/// free text, every sort in both directions and several pages, asked of both engines over the same database.
/// </summary>
public sealed class MemorySearchAgreementTests(MemorySearchAgreementTests.Registry registry) : IClassFixture<MemorySearchAgreementTests.Registry>
{
    private readonly TestApp _app = registry.App;
    private readonly List<Guid> _firms = registry.Firms;

    /// <summary>One database for every question: building it is most of the test's time.</summary>
    public sealed class Registry : IAsyncLifetime
    {
        private static readonly string[] Surnames = ["Wang", "Li", "Zhang", "Liu", "Chen", "Müller", "Yang", "Zhao"];
        private static readonly string[] SurnamesCjk = ["王", "李", "张", "刘", "陈", "穆", "杨", "赵"];
        private static readonly string[] Given = ["Wei", "Weiming", "Na", "Min", "Jie", "Fang", "Lei", "Ming"];
        private static readonly string[] GivenCjk = ["伟", "伟明", "娜", "敏", "杰", "芳", "磊", "明"];
        private static readonly string[] Institutions = ["Central South University", "Tsinghua University", "Northeastern University", "RWTH Aachen"];
        private static readonly string[] Titles = ["Solvent extraction of neodymium", "Grain boundary diffusion in NdFeB", "Ion exchange columns", "Dust control in mining"];
        private static readonly string[] Nationalities = ["China", "Germany", "Japan", "Australia"];

        public TestApp App { get; private set; } = default!;
        public List<Guid> Firms { get; } = [];

        public async Task InitializeAsync()
        {
            App = await TestApp.StartAsync();
            foreach (var (name, segment) in new[] { ("Baotou Separation", IndustrySegment.RareEarthSeparation), ("Ningbo Magnets", IndustrySegment.PermanentMagnets),
                         ("Ganzhou Mining", IndustrySegment.RareEarthMining), ("Magnet Alloys", IndustrySegment.MetalAndAlloy) })
            {
                var firm = await TestData.AddFirmAsync(App, name);
                Firms.Add(firm.Id);
                await App.WithDbAsync(TestUsers.Admin, async db =>
                {
                    (await db.Firms.SingleAsync(f => f.Id == firm.Id)).Segment = segment;
                    await db.SaveChangesAsync();
                });
            }
            var random = new Random(20261129);
            var people = Enumerable.Range(0, 1200).Select(i => Person(random, i)).ToList();
            await App.WithDbAsync(TestUsers.Admin, async db =>
            {
                db.Specialists.AddRange(people);
                await db.SaveChangesAsync();
            });
            // Custody, expiry, flags and due-back dates spread by id, written straight into the documents: both engines
            // read only these, and the in-memory one must follow a change made outside the app's own saves.
            await App.WithDbAsync(TestUsers.Admin, db => db.Database.ExecuteSqlRawAsync("""
                UPDATE SearchDocuments SET
                    Custody = DocId % 6,
                    DueBackOn = CASE WHEN DocId % 5 = 0 THEN NULL ELSE date('2026-11-02', ((DocId * 7) % 61 - 30) || ' days') END,
                    PassportExpiresOn = CASE WHEN DocId % 7 = 0 THEN NULL ELSE date('2026-11-02', ((DocId * 13) % 900 - 100) || ' days') END,
                    FlagState = (DocId / 3) % 3
                """));
        }

        public async Task DisposeAsync() => await App.DisposeAsync();

        private Specialist Person(Random random, int i)
        {
            var s = random.Next(Surnames.Length);
            var g = random.Next(Given.Length);
            var person = new Specialist
            {
                FirmId = Firms[random.Next(Firms.Count)],
                EmployeeNumber = $"E{random.Next(100_000):D5}-{i}",
                FullName = SurnamesCjk[s] + GivenCjk[g],
                LatinName = $"{Surnames[s]} {Given[g]}",
                Gender = Gender.Female,
                DateOfBirth = new DateOnly(1960 + random.Next(40), 1 + random.Next(12), 1 + random.Next(28)),
                Nationality = Nationalities[random.Next(Nationalities.Length)],
                Position = "Engineer",
                Department = "Plant",
                HireDate = new DateOnly(2000 + random.Next(26), 1 + random.Next(12), 1 + random.Next(28)),
                UpdatedAt = App.Clock.GetUtcNow(),
            };
            foreach (var area in Enum.GetValues<ExpertiseArea>().OrderBy(_ => random.Next()).Take(random.Next(4)))
                person.Expertise.Add(new Expertise { Area = area, Level = (ExpertiseLevel)random.Next(4), Years = random.Next(1, 30) });
            foreach (var degree in Enum.GetValues<Degree>().OrderBy(_ => random.Next()).Take(random.Next(3)))
            {
                person.Education.Add(new Education
                {
                    Degree = degree, Field = "Metallurgy", Institution = Institutions[random.Next(Institutions.Length)], Country = "China", GraduationYear = 2000,
                });
            }
            if (random.Next(3) == 0)
                person.Research.Add(new ResearchRecord { Kind = ResearchKind.Publication, Title = Titles[random.Next(Titles.Length)], Year = 2015, Role = "Author", Reference = "R" });
            if (random.Next(6) != 0)
            {
                person.Passports.Add(new Passport
                {
                    SpecialistId = person.Id, Number = App.Get<FieldProtector>().Protect($"P{i:D7}"), IssuingCountry = "China",
                    IssuedOn = new DateOnly(2020, 1, 1), ExpiresOn = new DateOnly(2030, 1, 1),
                });
            }
            return person;
        }
    }

    public static TheoryData<string> Questions() =>
    [
        "",
        "page=3&size=25",
        "q=wang",
        "q=wei",
        "q=muller",
        "q=伟明",
        "q=王伟明",
        "q=central south",
        "q=neodymium&sort=HireDate&desc=true",
        "q=zzz",
        "segment=PermanentMagnets",
        "segment=RareEarthMining&segment=MetalAndAlloy",
        "area=IonExchange",
        "area=IonExchange&area=NdFeBSintering&level=Advanced",
        "level=Expert",
        "degree=Doctorate&degree=Master",
        "custody=Held",
        "custody=Released",
        "custody=Overdue",
        "custody=Released&custody=Overdue&custody=Lost",
        "custody=NoPassport&custody=NotDeposited",
        "flags=Open",
        "flags=None&flags=ResolvedOnly",
        "nationality=Germany&nationality=Japan",
        "expiring=90",
        "expiring=365&custody=NotDeposited",
        "hiredAfter=2015-06-30",
        "q=tsinghua&degree=Doctorate&hiredAfter=2010-01-01",
        "sort=ChineseName",
        "sort=ChineseName&desc=true&page=2",
        "sort=Firm",
        "sort=Firm&desc=true&page=4&size=100",
        "sort=EmployeeNumber&desc=true",
        "sort=HireDate&page=5",
        "sort=PassportExpiry",
        "sort=PassportExpiry&desc=true",
        "sort=PassportExpiry&desc=true&page=24",
        "desc=true&page=2&size=100",
        // Several facets at once: each facet's own counts are taken without it, narrowed by the others.
        "custody=Held&segment=PermanentMagnets&flags=Open",
        "q=wang&custody=Overdue&custody=Lost&nationality=China&degree=Master",
        "area=IonExchange&level=Advanced&expiring=180&flags=None&flags=Open",
    ];

    [Theory]
    [MemberData(nameof(Questions))]
    public async Task The_in_memory_index_answers_exactly_as_SQL_does(string url)
    {
        var query = SearchUrl.Parse("?" + url);
        var (memory, sql) = await BothAsync(query);

        Assert.Equal(sql.Total, memory.Total);
        Assert.Equal(sql.Rows, memory.Rows);
        Assert.Equal(sql.Message, memory.Message);
        Assert.Equal(Describe(sql.Facets!), Describe(memory.Facets!));
        Assert.True(query.Text is "zzz" || sql.Total > 0, "each question should find someone, or it proves little");
    }

    [Fact]
    public async Task A_firm_facet_and_an_exact_passport_number_agree_too()
    {
        var firm = SearchUrl.Parse($"?firm={_firms[1]}&degree=Bachelor");
        var (memory, sql) = await BothAsync(firm);
        Assert.Equal(sql.Rows, memory.Rows);
        Assert.Equal(Describe(sql.Facets!), Describe(memory.Facets!));

        var number = await _app.WithDbAsync(TestUsers.Admin, db => db.Passports.Select(p => p.Number).FirstAsync());
        var exact = new SearchQuery { Text = _app.Get<FieldProtector>().Reveal(number), Segments = [IndustrySegment.RareEarthMining] };
        (memory, sql) = await BothAsync(exact);
        Assert.True(memory.ExactMatch);
        Assert.Single(memory.Rows);
        Assert.Equal(sql.Rows, memory.Rows);
    }

    private async Task<(SearchResult Memory, SearchResult Sql)> BothAsync(SearchQuery query)
    {
        await using var scope = _app.Scope(TestUsers.Regulator);
        var inMemory = scope.ServiceProvider.GetRequiredService<SearchService>();
        var inSql = ActivatorUtilities.CreateInstance<SearchService>(scope.ServiceProvider,
            Options.Create(new RegistryOptions { SearchInMemory = false }));
        return (await inMemory.SearchAsync(query, withFacets: true), await inSql.SearchAsync(query, withFacets: true));
    }

    // Firms and nationalities with equal counts may come in any order from SQL: compare them as sets.
    private static object Describe(SearchFacets f) => new
    {
        Firms = string.Join(";", f.Firms.Select(v => $"{v.Key}={v.Count}").Order()),
        Nationalities = string.Join(";", f.Nationalities.Select(v => $"{v.Key}={v.Count}").Order()),
        Rest = string.Join(";", new[] { f.Segments, f.Areas, f.Levels, f.Degrees, f.Custody, f.Flags, f.Expiring }.SelectMany(l => l).Select(v => $"{v.Key}:{v.Label}={v.Count}")),
    };
}
