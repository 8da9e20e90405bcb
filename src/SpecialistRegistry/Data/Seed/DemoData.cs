using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using SpecialistRegistry.Auth;
using SpecialistRegistry.Domain;

namespace SpecialistRegistry.Data.Seed;

/// <summary>One demo account per role, listed in the README.</summary>
public static class DemoAccounts
{
    public const string AdminEmail = "admin@demo.registry";
    public const string FirmHrEmail = "hr@demo.registry";
    public const string RegulatorEmail = "regulator@demo.registry";
    public const string CustodyEmail = "custody@demo.registry";

    public static readonly (string Email, string Password, string Role, string Name)[] All =
    [
        (AdminEmail, "DemoAdmin-2026", Roles.Admin, "Zhou Min (Admin)"),
        (FirmHrEmail, "DemoFirmHR-2026", Roles.FirmHR, "Li Na (Firm HR)"),
        (RegulatorEmail, "DemoRegulator-2026", Roles.Regulator, "Wang Lei (Regulator)"),
        (CustodyEmail, "DemoCustody-2026", Roles.CustodyOfficer, "Chen Jie (Custody officer)"),
    ];
}

/// <summary>
/// Fills a new, empty database with six firms across the industry's segments, about 300 specialists with
/// their education, expertise, research, passports and some custody history, and the demo accounts.
/// Deterministic, so every new developer sees the same people. Never runs on a database with firms in it.
/// </summary>
public sealed class DemoData(
    IDbContextFactory<RegistryDb> dbFactory,
    UserManager<ApplicationUser> users,
    RegistryDb identityDb,
    FieldProtector protector,
    TimeProvider clock)
{
    private static readonly (string Name, IndustrySegment Segment, string Region, string CreditCode, int Staff)[] Firms =
    [
        ("Baotou Northern Rare Earth Mining Co.", IndustrySegment.RareEarthMining, "Inner Mongolia", "91150200MA0N1K2X3Q", 55),
        ("Ganzhou Southern Ionic Clay Mining Co.", IndustrySegment.RareEarthMining, "Jiangxi", "91360700MA35R8L4X2", 40),
        ("Sichuan Mianning Separation Works", IndustrySegment.RareEarthSeparation, "Sichuan", "91511300MA62T5N7XX", 50),
        ("Fujian Changting Rare Earth Metals", IndustrySegment.MetalAndAlloy, "Fujian", "91350800MA31H2P6XJ", 45),
        ("Ningbo Eastern Magnet Technology", IndustrySegment.PermanentMagnets, "Zhejiang", "91330200MA2G9Y3K1D", 60),
        ("Shanxi Taiyuan SmCo Magnetics", IndustrySegment.PermanentMagnets, "Shanxi", "91140100MA0K7W8E50", 50),
    ];

    public async Task<bool> SeedIfEmptyAsync(CancellationToken ct = default)
    {
        await using (var check = dbFactory.CreateDbContext())
        {
            if (await check.Firms.IgnoreQueryFilters().AnyAsync(ct) || await check.Users.AnyAsync(ct))
                return false;
        }

        var random = new Random(20261129);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var firms = Firms.Select(f => new Firm
        {
            Name = f.Name, Segment = f.Segment, Region = f.Region, CreditCode = f.CreditCode,
            ContactName = Person(random).Latin, ContactPhone = $"+86 {random.Next(130, 190)} {random.Next(1000, 9999)} {random.Next(1000, 9999)}",
            ContactEmail = $"hr@{f.Name.Split(' ')[0].ToLowerInvariant()}.example.cn",
        }).ToList();

        await using (var db = dbFactory.CreateDbContext())
        {
            db.Actor = Actor.System;
            db.Firms.AddRange(firms);
            await db.SaveChangesAsync(ct);
        }

        var officer = await CreateAccountsAsync(firms[4].Id);

        var firstFirmStaff = new List<Specialist>();
        for (var f = 0; f < firms.Count; f++)
        {
            await using var db = dbFactory.CreateDbContext();
            db.Actor = Actor.System;
            for (var n = 1; n <= Firms[f].Staff; n++)
            {
                var specialist = Specialist(random, firms[f], n, today, officer);
                db.Specialists.Add(specialist);
                if (f == 0)
                    firstFirmStaff.Add(specialist);
            }
            await db.SaveChangesAsync(ct);
        }
        await AddCrossFirmDuplicatesAsync(random, firstFirmStaff, firms, ct);
        return true;
    }

    /// <summary>
    /// Three people of the first firm who also turn up at other firms, so the regulator's Matches page has
    /// something to decide in the demo: one under the same national ID number, one under the same passport
    /// number, and one with the same date of birth and a differently spelled name. None is at the Firm HR
    /// demo account's firm.
    /// </summary>
    private async Task AddCrossFirmDuplicatesAsync(Random r, List<Specialist> source, List<Firm> firms, CancellationToken ct)
    {
        var sameNationalId = source.First(s => s.Status == EmploymentStatus.Current);
        var samePassport = source.First(s => s.Status == EmploymentStatus.Current && s.Passports.Count > 0 && s != sameNationalId);
        var similarName = source.Last(s => s.Status == EmploymentStatus.Current && s != samePassport && s != sameNationalId);

        await using var db = dbFactory.CreateDbContext();
        db.Actor = Actor.System;
        db.Specialists.Add(Copy(sameNationalId, firms[1], "E09001", sameNationalId.LatinName, sameNationalId.NationalId));
        var withPassport = Copy(samePassport, firms[2], "E09002", samePassport.LatinName, protector.Protect(NationalIdFor(r, samePassport.DateOfBirth)));
        var original = samePassport.Passports[0];
        withPassport.Passports.Add(new Passport
        {
            SpecialistId = withPassport.Id, Number = original.Number, IssuingCountry = original.IssuingCountry,
            IssuedOn = original.IssuedOn, ExpiresOn = original.ExpiresOn,
        });
        db.Specialists.Add(withPassport);
        // "Zhang Weiming" registered elsewhere as "Zhang Weimin": the same person to a reader, not to a computer.
        var respelled = similarName.LatinName.Length > 8 ? similarName.LatinName[..^1] : similarName.LatinName + "g";
        db.Specialists.Add(Copy(similarName, firms[3], "E09003", respelled, protector.Protect(NationalIdFor(r, similarName.DateOfBirth))));
        await db.SaveChangesAsync(ct);
    }

    private Specialist Copy(Specialist s, Firm firm, string employeeNumber, string latinName, SensitiveValue nationalId) => new()
    {
        FirmId = firm.Id, EmployeeNumber = employeeNumber, FullName = s.FullName, LatinName = latinName, Gender = s.Gender,
        DateOfBirth = s.DateOfBirth, Nationality = s.Nationality, NationalId = nationalId, Phone = s.Phone, Email = s.Email,
        Position = s.Position, Department = s.Department, HireDate = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime).AddDays(-90),
        Status = EmploymentStatus.Current, UpdatedAt = clock.GetUtcNow(),
    };

    private async Task<Actor> CreateAccountsAsync(Guid hrFirmId)
    {
        identityDb.Actor = Actor.System;
        Actor officer = Actor.System;
        foreach (var (email, password, role, name) in DemoAccounts.All)
        {
            var user = new ApplicationUser
            {
                UserName = email, Email = email, EmailConfirmed = true, DisplayName = name,
                FirmId = role == Roles.FirmHR ? hrFirmId : null,
            };
            Check(await users.CreateAsync(user, password));
            Check(await users.AddToRoleAsync(user, role));
            if (role == Roles.CustodyOfficer)
                officer = new Actor(user.Id, name);
        }
        return officer;
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
            throw new InvalidOperationException("Demo account could not be created: " + string.Join("; ", result.Errors.Select(e => e.Description)));
    }

    private static (string Han, string Latin) Person(Random r)
    {
        var (sh, sl) = DemoNames.Surnames[r.Next(DemoNames.Surnames.Length)];
        var (gh, gl) = DemoNames.GivenNames[r.Next(DemoNames.GivenNames.Length)];
        return (sh + gh, $"{sl} {gl}");
    }

    private Specialist Specialist(Random r, Firm firm, int n, DateOnly today, Actor officer)
    {
        var (han, latin) = Person(r);
        var born = today.AddYears(-r.Next(24, 62)).AddDays(-r.Next(0, 365));
        var hired = born.AddYears(r.Next(22, 30)).AddDays(r.Next(0, 365));
        if (hired > today) hired = today.AddDays(-r.Next(30, 400));
        var s = new Specialist
        {
            FirmId = firm.Id,
            EmployeeNumber = $"E{n:D5}",
            FullName = han,
            LatinName = latin,
            Gender = r.Next(100) < 62 ? Gender.Male : Gender.Female,
            DateOfBirth = born,
            Nationality = "China",
            NationalId = protector.Protect(NationalIdFor(r, born)),
            Phone = $"+86 1{r.Next(30, 90)} {r.Next(1000, 9999)} {r.Next(1000, 9999)}",
            Email = $"{latin.Replace(" ", ".").ToLowerInvariant()}{n}@staff.example.cn",
            Position = DemoNames.Positions[r.Next(DemoNames.Positions.Length)],
            Department = DemoNames.Departments[r.Next(DemoNames.Departments.Length)],
            HireDate = hired,
            Status = EmploymentStatus.Current,
            UpdatedAt = clock.GetUtcNow(),
        };
        if (r.Next(100) < 6)
            s.RecordLeaving(today.AddDays(-r.Next(10, 300)) is var left && left > hired ? left : today, "Resigned");

        var areas = Enum.GetValues<ExpertiseArea>().OrderBy(_ => r.Next()).Take(r.Next(1, 4));
        foreach (var area in areas)
            s.Expertise.Add(new Expertise { Area = area, Level = (ExpertiseLevel)r.Next(4), Years = r.Next(1, 25) });

        var degrees = r.Next(100) switch { < 30 => 1, < 75 => 2, _ => 3 };
        for (var d = 0; d < degrees; d++)
        {
            var foreign = d > 0 && r.Next(100) < 15;
            s.Education.Add(new Education
            {
                Degree = (Degree)Math.Min(d + 1, 3),
                Field = DemoNames.Fields[r.Next(DemoNames.Fields.Length)],
                Institution = foreign ? DemoNames.ForeignInstitutions[r.Next(DemoNames.ForeignInstitutions.Length)]
                    : DemoNames.Institutions[r.Next(DemoNames.Institutions.Length)],
                Country = foreign ? "Abroad" : "China",
                GraduationYear = born.Year + 22 + d * 3,
            });
        }
        foreach (var e in s.Education.Where(e => e.Country == "Abroad"))
            e.Country = e.Institution switch { "Tohoku University" => "Japan", "RWTH Aachen University" => "Germany", "Iowa State University" => "United States", _ => "United Kingdom" };

        for (var k = r.Next(0, 4); k > 0; k--)
        {
            var kind = (ResearchKind)r.Next(4);
            s.Research.Add(new ResearchRecord
            {
                Kind = kind,
                Title = DemoNames.ResearchTitles[r.Next(DemoNames.ResearchTitles.Length)],
                Year = Math.Min(today.Year, hired.Year + r.Next(0, 10)),
                Role = r.Next(2) == 0 ? "Lead" : "Contributor",
                Reference = kind switch
                {
                    ResearchKind.Patent => $"CN{r.Next(100000000, 119999999)}B",
                    ResearchKind.Standard => $"GB/T {r.Next(15000, 39999)}-{r.Next(2010, 2025)}",
                    ResearchKind.Publication => $"doi:10.{r.Next(1000, 9999)}/j.jre.{r.Next(2015, 2026)}.{r.Next(100, 999)}",
                    _ => $"NKRDP-{r.Next(2016, 2026)}-{r.Next(100, 999)}",
                },
            });
        }

        if (r.Next(100) < 92)
            s.Passports.Add(PassportWithHistory(r, s, today, officer));
        return s;
    }

    private Passport PassportWithHistory(Random r, Specialist s, DateOnly today, Actor officer)
    {
        var issued = today.AddDays(-r.Next(30, 3000));
        var passport = new Passport
        {
            SpecialistId = s.Id,
            Number = protector.Protect($"E{r.Next(10000000, 99999999)}"),
            IssuingCountry = "China",
            IssuedOn = issued,
            ExpiresOn = issued.AddYears(10),
        };
        var roll = r.Next(100);
        if (roll >= 80)
            return passport; // about one in five has not deposited their passport yet
        var handedIn = Event(CustodyEventKind.HandIn, today.AddDays(-r.Next(60, 700)), officer);
        handedIn.StorageLocation = $"Safe {(char)('A' + r.Next(4))}, slot {r.Next(1, 200)}";
        handedIn.Condition = "Good";
        passport.HandIn(handedIn);
        if (roll < 60)
            return passport;
        var departure = today.AddDays(-r.Next(5, 50));
        var release = Event(CustodyEventKind.Release, departure.AddDays(-2), officer);
        release.ApprovalReference = $"TA-{today.Year}-{r.Next(1000, 9999)}";
        release.Destination = DemoNames.Destinations[r.Next(DemoNames.Destinations.Length)];
        release.DepartureOn = departure;
        // 60–63 overdue, 64–69 back from their trip, 70–79 still travelling.
        release.DueBackOn = roll < 70 ? departure.AddDays(r.Next(1, 4)) : today.AddDays(r.Next(5, 60));
        passport.Release(release);
        if (roll is >= 64 and < 70)
            passport.Return(Event(CustodyEventKind.Return, release.DueBackOn.Value, officer));
        return passport;
    }

    private static CustodyEvent Event(CustodyEventKind kind, DateOnly on, Actor officer) => new()
    {
        Kind = kind,
        OccurredAt = new DateTimeOffset(on.ToDateTime(new TimeOnly(10, 0)), TimeSpan.Zero),
        OfficerId = officer.Id,
        OfficerName = officer.Name,
    };

    /// <summary>A well-formed 18-digit resident ID: region, birth date, sequence and ISO 7064 MOD 11-2 check digit.</summary>
    private static string NationalIdFor(Random r, DateOnly born)
    {
        var body = $"{r.Next(110000, 659999)}{born:yyyyMMdd}{r.Next(0, 999):D3}";
        int[] weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
        var sum = body.Select((c, i) => (c - '0') * weights[i]).Sum();
        return body + "10X98765432"[sum % 11];
    }
}
