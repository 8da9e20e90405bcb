using Microsoft.EntityFrameworkCore;
using SpecialistRegistry.Domain;
using SpecialistRegistry.Tests.Infrastructure;

namespace SpecialistRegistry.Tests.Features.Search;

/// <summary>
/// Four people across two firms, each different on every facet (the test clock reads 2026-11-02):
/// Wang Weiming (held passport, expert in ion exchange, doctorate), Li Na (overdue release, open flag, passport
/// expiring this month), Zhang Min (German, no passport, resolved flag, other segment) and Chen Jie (passport not
/// deposited, expiring within 90 days).
/// </summary>
public sealed class SearchTestData
{
    public const string WangPassport = "E12345678";
    public const string WangNationalId = "110101198503140011";
    public const string LiPassport = "P7654321";

    public Firm Separation { get; private set; } = default!;
    public Firm Magnets { get; private set; } = default!;
    public Specialist Wang { get; private set; } = default!;
    public Specialist Li { get; private set; } = default!;
    public Specialist Zhang { get; private set; } = default!;
    public Specialist Chen { get; private set; } = default!;

    public static async Task<SearchTestData> CreateAsync(TestApp app)
    {
        var d = new SearchTestData
        {
            Separation = await TestData.AddFirmAsync(app, "Baotou Separation"),
            Magnets = await TestData.AddFirmAsync(app, "Ningbo Magnets"),
        };
        await app.WithDbAsync(TestUsers.Admin, async db =>
        {
            var firms = await db.Firms.ToListAsync();
            firms.Single(f => f.Id == d.Separation.Id).Segment = IndustrySegment.RareEarthSeparation;
            firms.Single(f => f.Id == d.Magnets.Id).Segment = IndustrySegment.PermanentMagnets;
            await db.SaveChangesAsync();
        });
        var at = app.Clock.GetUtcNow();

        d.Wang = await TestData.AddSpecialistAsync(app, d.Separation.Id, "E001", "王伟明", "Wang Weiming", WangPassport, WangNationalId, s =>
        {
            s.Expertise.Add(new Expertise { Area = ExpertiseArea.IonExchange, Level = ExpertiseLevel.Expert, Years = 15 });
            s.Education.Add(new Education { Degree = Degree.Doctorate, Field = "Metallurgy", Institution = "Central South University", Country = "China", GraduationYear = 2010 });
            s.Research.Add(new ResearchRecord { Kind = ResearchKind.Patent, Title = "Solvent extraction of neodymium", Year = 2018, Role = "Inventor", Reference = "CN1" });
            s.Passports[0].HandIn(new CustodyEvent { Kind = CustodyEventKind.HandIn, OccurredAt = at, OfficerId = "c", OfficerName = "Officer", StorageLocation = "Safe A" });
        });
        d.Li = await TestData.AddSpecialistAsync(app, d.Separation.Id, "E002", "李娜", "Li Na", LiPassport, adjust: s =>
        {
            s.HireDate = new DateOnly(2020, 5, 1);
            s.Expertise.Add(new Expertise { Area = ExpertiseArea.SolventExtraction, Level = ExpertiseLevel.Basic, Years = 2 });
            s.Education.Add(new Education { Degree = Degree.Bachelor, Field = "Chemistry", Institution = "Tsinghua University", Country = "China", GraduationYear = 2019 });
            var passport = s.Passports[0];
            passport.UpdateDetails(SensitiveValue.Empty, passport.IssuingCountry, passport.IssuedOn, new DateOnly(2026, 11, 20));
            passport.HandIn(new CustodyEvent { Kind = CustodyEventKind.HandIn, OccurredAt = at.AddDays(-60), OfficerId = "c", OfficerName = "Officer" });
            passport.Release(new CustodyEvent
            {
                Kind = CustodyEventKind.Release, OccurredAt = at.AddDays(-50), OfficerId = "c", OfficerName = "Officer",
                ApprovalReference = "TA-1", Destination = "Japan", DepartureOn = new DateOnly(2026, 9, 10), DueBackOn = new DateOnly(2026, 10, 1),
            });
            s.Flags.Add(new Flag { Reason = FlagReason.OverdueReturn, Severity = FlagSeverity.High, Note = "Not back", Status = FlagStatus.Open, RaisedById = "r", RaisedAt = at });
        });
        d.Zhang = await TestData.AddSpecialistAsync(app, d.Magnets.Id, "E001", "张敏", "Zhang Min", adjust: s =>
        {
            s.Nationality = "Germany";
            s.HireDate = new DateOnly(2024, 1, 1);
            s.Expertise.Add(new Expertise { Area = ExpertiseArea.NdFeBSintering, Level = ExpertiseLevel.Advanced, Years = 8 });
            s.Education.Add(new Education { Degree = Degree.Master, Field = "Materials Science", Institution = "RWTH Aachen", Country = "Germany", GraduationYear = 2015 });
            s.Flags.Add(new Flag
            {
                Reason = FlagReason.IncompleteRecord, Severity = FlagSeverity.Low, Note = "Missing data", Status = FlagStatus.Resolved,
                RaisedById = "r", RaisedAt = at, ResolvedById = "r", ResolvedAt = at, ResolutionNote = "Fixed",
            });
        });
        d.Chen = await TestData.AddSpecialistAsync(app, d.Magnets.Id, "E004", "陈杰", "Chen Jie", "G55501234", adjust: s =>
        {
            s.HireDate = new DateOnly(2010, 3, 1);
            s.Passports[0].UpdateDetails(SensitiveValue.Empty, s.Passports[0].IssuingCountry, s.Passports[0].IssuedOn, new DateOnly(2027, 1, 15));
            s.Expertise.Add(new Expertise { Area = ExpertiseArea.IonExchange, Level = ExpertiseLevel.Intermediate, Years = 6 });
        });
        return d;
    }
}
