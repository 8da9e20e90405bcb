using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using System.Text.Json.Nodes;
using SpecialistRegistry.Auth;
using SpecialistRegistry.Components.Shared;
using SpecialistRegistry.Domain;
using SpecialistRegistry.Domain.Filings;
using SpecialistRegistry.Domain.Records;

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
    TimeProvider clock,
    Microsoft.Extensions.Options.IOptions<TravelRules> travelRules,
    Microsoft.Extensions.Localization.IStringLocalizer<Features.Filings.FilingsText> filingsText)
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
        await SeedTravelAsync(ct);
        await SeedFilingsAsync(random, firms, ct);
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
            s.Passports.Add(PassportWithHistory(r, s, firm, today, officer));
        return s;
    }

    private Passport PassportWithHistory(Random r, Specialist s, Firm firm, DateOnly today, Actor officer)
    {
        var passport = PassportHistory(r, s, today, officer);
        foreach (var e in passport.CustodyEvents)
            e.FirmName = firm.Name; // the firm is saved in another context, so the holder carries no Firm to freeze
        return passport;
    }

    private Passport PassportHistory(Random r, Specialist s, DateOnly today, Actor officer)
    {
        var issued = today.AddDays(-r.Next(30, 3000));
        var passport = new Passport
        {
            SpecialistId = s.Id,
            Specialist = s,
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

    /// <summary>
    /// Filings in every state, so each filings page has work on first start: last quarter accepted for the Firm HR
    /// demo account's firm (its roster has moved on since, so preparing this quarter shows added, changed and removed
    /// people) and for the first two firms (the second filed late), returned with remarks for the third, awaiting
    /// review for the fourth, not filed by the sixth; and a regulator's demand to the two mining firms, filed by the
    /// first (awaiting review) and overdue at the second.
    /// </summary>
    private async Task SeedFilingsAsync(Random r, List<Firm> firms, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var system = new UserRef(Actor.System.Id, "Filing calendar");
        var regulator = await UserAsync(DemoAccounts.RegulatorEmail, ct);
        var hr = await UserAsync(DemoAccounts.FirmHrEmail, ct);
        var (year, quarter) = FilingPeriod.QuarterOf(today);
        var (lastYear, lastQuarter) = quarter == 1 ? (year - 1, 4) : (year, quarter - 1);
        var previous = FilingPeriod.Quarter(lastYear, lastQuarter, 30, system, At(FilingPeriod.Quarter(lastYear, lastQuarter, 30, system, now).StartsOn));
        var current = FilingPeriod.Quarter(year, quarter, 30, system, At(today.AddDays(1 - today.Day)));
        var demandDay = today.AddDays(-30);
        var demand = FilingPeriod.Demand($"D-{demandDay:yyyyMMdd}-{ReceiptCodes.RandomCode(4)}", DemandScope.Segment, IndustrySegment.RareEarthMining, null,
            today.AddDays(-3), "Submit detailed lists of specialists, with every passport and research record, for the review of mining licences.",
            demandDay, regulator, At(demandDay));
        await using (var db = dbFactory.CreateDbContext())
        {
            db.Actor = Actor.System;
            db.FilingPeriods.AddRange(previous, current, demand);
            await db.SaveChangesAsync(ct);
        }

        // Filed in the days after the quarter ended (never later than yesterday).
        DateTimeOffset AfterQuarter(int days) => At(previous.EndsOn.AddDays(days) < today ? previous.EndsOn.AddDays(days) : today.AddDays(-1), 9);
        var hrFirm = firms[4];
        await CompleteRosterAsync(r, hrFirm, today, ct);
        await FileAsync(firms[0], previous, AfterQuarter(12), hr with { Name = "Gao Yan (Firm HR)" }, regulator, FilingStatus.Accepted, null, ct);
        await FileAsync(firms[1], previous, AfterQuarter(35), hr with { Name = "Zeng Hui (Firm HR)" }, regulator, FilingStatus.Accepted, null, ct);
        await FileAsync(hrFirm, previous, AfterQuarter(20), hr, regulator, FilingStatus.Accepted, Earlier, ct);
        await FileAsync(firms[2], previous, AfterQuarter(25), hr with { Name = "Luo Ping (Firm HR)" }, regulator, FilingStatus.Returned, null, ct);
        await FileAsync(firms[3], previous, AfterQuarter(40), hr with { Name = "Xu Jing (Firm HR)" }, regulator, FilingStatus.Submitted, null, ct);
        await FileAsync(firms[0], demand, At(today.AddDays(-6), 15), hr with { Name = "Gao Yan (Firm HR)" }, regulator, FilingStatus.Submitted, null, ct);
    }

    /// <summary>Every current person of the demo Firm HR's firm gets a passport, so that its filing passes the completeness checks.</summary>
    private async Task CompleteRosterAsync(Random r, Firm firm, DateOnly today, CancellationToken ct)
    {
        await using var db = dbFactory.CreateDbContext();
        db.Actor = Actor.System;
        var bare = await db.Specialists.Where(s => s.FirmId == firm.Id && s.Status == EmploymentStatus.Current && !s.Passports.Any()).ToListAsync(ct);
        foreach (var s in bare)
        {
            var issued = today.AddDays(-r.Next(30, 900));
            db.Passports.Add(new Passport
            {
                SpecialistId = s.Id, Number = protector.Protect($"E{r.Next(10000000, 99999999)}"), IssuingCountry = "China",
                IssuedOn = issued, ExpiresOn = issued.AddYears(10),
            });
        }
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// The demo Firm HR's roster as it stood last quarter: two of today's people not yet hired, three in older
    /// positions, and one who has left since still on the staff.
    /// </summary>
    private static List<(Guid Id, SpecialistRecord Record)> Earlier(List<LoadedRecord> all)
    {
        var current = all.Where(p => p.Record.Status == EmploymentStatus.Current).ToList();
        var left = all.FirstOrDefault(p => p.Record.Status == EmploymentStatus.Left);
        var then = new List<(Guid, SpecialistRecord)>();
        for (var i = 2; i < current.Count; i++)
        {
            var record = current[i].Record;
            then.Add((current[i].Id, i < 5 ? With(record, "Position", "Process engineer") : record));
        }
        if (left is not null)
            then.Add((left.Id, With(With(With(left.Record, "Status", nameof(EmploymentStatus.Current)), "LeftOn", null), "LeftReason", "")));
        return then;
    }

    private static SpecialistRecord With(SpecialistRecord record, string field, string? value)
    {
        var json = JsonNode.Parse(FilingSnapshot.Serialize(record))!;
        json[field] = value;
        return FilingSnapshot.Deserialize(json.ToJsonString());
    }

    /// <summary>Freezes a firm's roster as a filing submitted at <paramref name="at"/> and, for a decided state, decides it a few days later.</summary>
    private async Task FileAsync(Firm firm, FilingPeriod period, DateTimeOffset at, UserRef by, UserRef regulator, FilingStatus status,
        Func<List<LoadedRecord>, List<(Guid Id, SpecialistRecord Record)>>? asThen, CancellationToken ct)
    {
        await using var db = dbFactory.CreateDbContext();
        db.Actor = new Actor(by.Id, by.Name);
        var everyone = await SpecialistRecords.LoadAsync(db, db.Specialists.Where(s => s.FirmId == firm.Id).OrderBy(s => s.EmployeeNumber), ct);
        var roster = asThen?.Invoke(everyone)
            ?? [.. everyone.Where(p => p.Record.Status == EmploymentStatus.Current).Select(p => (p.Id, p.Record))];
        var comparison = FilingComparison.Build(firm.Id, period.Code, roster, new Dictionary<Guid, SpecialistRecord>(), null, null,
            DateOnly.FromDateTime(at.UtcDateTime));
        var filing = Filing.StartDraft(firm.Id, period, null, by, at.AddHours(-2));
        filing.Prepare(null, comparison.Counts, comparison.Digest, by, at.AddMinutes(-30));
        filing.Submit(comparison.Digest, ReceiptCodes.NewReceiptNumber("FL", at), ReceiptCodes.NewVerificationCode(), filingsText["Attestation"], by, at);
        db.Filings.Add(filing);
        db.FilingEntries.AddRange(comparison.People.Select(p => p.ToEntry(filing.Id)));
        await db.SaveChangesAsync(ct);

        if (status == FilingStatus.Submitted)
            return;
        var decided = at.AddDays(3) < clock.GetUtcNow() ? at.AddDays(3) : at.AddHours(2);
        db.Actor = new Actor(regulator.Id, regulator.Name);
        if (status == FilingStatus.Accepted)
        {
            filing.Accept(regulator, decided);
        }
        else
        {
            var entries = filing.Entries.Count > 0 ? filing.Entries : db.FilingEntries.Local.Where(e => e.FilingId == filing.Id).ToList();
            var first = entries.OrderBy(e => e.EmployeeNumber, StringComparer.Ordinal).First();
            var second = entries.OrderBy(e => e.EmployeeNumber, StringComparer.Ordinal).Skip(3).First();
            db.FilingRemarks.AddRange(
                new FilingRemark { FilingId = filing.Id, EntryId = first.Id, Text = "The passport expiry date does not match the copy we hold; check it against the passport.", AuthorId = regulator.Id, AuthorName = regulator.Name, CreatedAt = decided.AddMinutes(-20) },
                new FilingRemark { FilingId = filing.Id, EntryId = second.Id, Text = "The position is given as a grade, not a job title. Give the job title.", AuthorId = regulator.Id, AuthorName = regulator.Name, CreatedAt = decided.AddMinutes(-10) });
            filing.Return("Two records need correcting before we can accept this filing; see the remarks on the entries.", regulator, decided);
        }
        await db.SaveChangesAsync(ct);
    }

    private async Task<UserRef> UserAsync(string email, CancellationToken ct)
    {
        var user = await users.FindByEmailAsync(email) ?? throw new InvalidOperationException($"The demo account {email} is missing.");
        return new UserRef(user.Id, user.DisplayName);
    }

    private static DateTimeOffset At(DateOnly day, int hour = 0) => new(day.ToDateTime(new TimeOnly(hour, 0)), TimeSpan.Zero);

    /// <summary>A well-formed 18-digit resident ID: region, birth date, sequence and ISO 7064 MOD 11-2 check digit.</summary>
    private static string NationalIdFor(Random r, DateOnly born)
    {
        var body = $"{r.Next(110000, 659999)}{born:yyyyMMdd}{r.Next(0, 999):D3}";
        int[] weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
        var sum = body.Select((c, i) => (c - '0') * weights[i]).Sum();
        return body + "10X98765432"[sum % 11];
    }

    // ---- Travel approvals: every travel page has work on first start ----

    /// <summary>One demo trip; <paramref name="SameTravellerAs"/> gives it to the traveller of an earlier entry, so a reviewer sees history beside it.</summary>
    private sealed record DemoTrip(TravelStatus Outcome, int RequestedDaysAgo, int DepartIn, int Days, string City, string Country,
        TravelPurpose Purpose, string Inviting, int LateBy = 0, int? SameTravellerAs = null);

    // Relative to today. The Firm HR account's firm gets one of most kinds; other firms fill the regulator's queue.
    private static readonly DemoTrip[] HrFirmTrips =
    [
        new(TravelStatus.Returned, 60, -40, 10, "Paris", "France", TravelPurpose.Conference, "European Rare Earth Forum", LateBy: 4),
        new(TravelStatus.Pending, 3, 20, 8, "Hamburg", "Germany", TravelPurpose.Conference, "International Magnetics Conference", SameTravellerAs: 0),
        new(TravelStatus.InformationRequested, 6, 26, 10, "Chicago", "United States", TravelPurpose.BusinessNegotiation, "Great Lakes Motor Components Inc."),
        new(TravelStatus.Approved, 9, 3, 8, "Osaka", "Japan", TravelPurpose.Training, "Kansai Sintering Institute"),
        new(TravelStatus.Released, 14, -2, 9, "Cambridge", "United Kingdom", TravelPurpose.AcademicExchange, "University of Cambridge, Department of Materials"),
        new(TravelStatus.Denied, 15, 10, 5, "Singapore", "Singapore", TravelPurpose.BusinessNegotiation, "Straits Magnet Trading Pte. Ltd."),
        new(TravelStatus.Returned, 70, -50, 6, "Aachen", "Germany", TravelPurpose.AcademicExchange, "RWTH Aachen University"),
        new(TravelStatus.Withdrawn, 9, 30, 4, "Seoul", "South Korea", TravelPurpose.Conference, "Korea Powder Metallurgy Association"),
    ];

    private static readonly DemoTrip[] OtherFirmTrips =
    [
        new(TravelStatus.Returned, 55, -35, 7, "Vancouver", "Canada", TravelPurpose.Conference, "Rare Earth Industry Association", LateBy: 9),
        new(TravelStatus.Approved, 7, 1, 5, "Busan", "South Korea", TravelPurpose.BusinessNegotiation, "Busan Metals Co."),
        new(TravelStatus.Pending, 5, 14, 6, "Tokyo", "Japan", TravelPurpose.Conference, "Japan Society of Powder Metallurgy", SameTravellerAs: 0),
        new(TravelStatus.Pending, 2, 18, 12, "Munich", "Germany", TravelPurpose.BusinessNegotiation, "Bavaria Drive Systems GmbH", SameTravellerAs: 1),
        new(TravelStatus.Pending, 1, 9, 4, "Sydney", "Australia", TravelPurpose.PersonalOrFamily, ""),
        new(TravelStatus.InformationRequested, 8, 21, 7, "Toronto", "Canada", TravelPurpose.Training, "Canadian Institute of Mining"),
        new(TravelStatus.Expired, 25, -10, 7, "Zurich", "Switzerland", TravelPurpose.Training, "Swiss Federal Laboratories"),
        new(TravelStatus.Denied, 12, 6, 14, "Kuala Lumpur", "Malaysia", TravelPurpose.Other, "Lynas Malaysia visit"),
        new(TravelStatus.NotReturned, 30, -20, 6, "Rome", "Italy", TravelPurpose.Conference, "European Magnet Summit"),
    ];

    /// <summary>
    /// Travel requests in every state, for current staff whose passport is held by the custody office and has no
    /// other history, through the entities' own transitions: waiting for the regulator, questioned, approved and
    /// departing within days (the to-release list), under way, returned on time and late, denied, withdrawn and
    /// expired. Trips whose passport moved are released and returned in a second save, once the trip rows exist.
    /// </summary>
    private async Task SeedTravelAsync(CancellationToken ct)
    {
        var rules = travelRules.Value;
        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        await using var db = dbFactory.CreateDbContext();
        db.Actor = Actor.System;
        var accounts = await db.Users.Where(u => u.Email == DemoAccounts.FirmHrEmail || u.Email == DemoAccounts.RegulatorEmail || u.Email == DemoAccounts.CustodyEmail)
            .Select(u => new { u.Email, u.Id, u.DisplayName, u.FirmId }).ToListAsync(ct);
        var hr = accounts.Single(a => a.Email == DemoAccounts.FirmHrEmail);
        var regulator = accounts.Single(a => a.Email == DemoAccounts.RegulatorEmail);
        var officer = accounts.Single(a => a.Email == DemoAccounts.CustodyEmail);
        var firmNames = await db.Firms.ToDictionaryAsync(f => f.Id, f => f.Name, ct);

        var latest = DemoTripsLatestDeparture(today);
        var people = await db.Specialists
            .Where(s => s.Status == EmploymentStatus.Current && s.Passports.Any(p => p.IsCurrent && p.CustodyStatus == CustodyStatus.Held
                && p.CustodyEvents.Count == 1 && p.ExpiresOn > latest))
            .Include(s => s.Passports.Where(p => p.IsCurrent)).ThenInclude(p => p.CustodyEvents)
            .Include(s => s.Firm) // each custody event freezes its holder's firm
            .OrderBy(s => s.EmployeeNumber).ThenBy(s => s.FirmId)
            .ToListAsync(ct);
        var atHrFirm = people.Where(s => s.FirmId == hr.FirmId).ToList();
        // Other firms in turn, so the queue shows several of them.
        var elsewhere = people.Where(s => s.FirmId != hr.FirmId).GroupBy(s => s.FirmId)
            .SelectMany(g => g.Select((s, i) => (s, i))).OrderBy(x => x.i).ThenBy(x => x.s.FirmId).Select(x => x.s).ToList();

        var planned = Travellers(atHrFirm, HrFirmTrips).Concat(Travellers(elsewhere, OtherFirmTrips)).ToList();
        var number = 0;
        var trips = new List<(Specialist Person, DemoTrip Plan, TravelRequest Trip)>();
        foreach (var (person, plan) in planned)
        {
            var requestedAt = now.AddDays(-plan.RequestedDaysAgo).AddHours(-2);
            var departure = today.AddDays(plan.DepartIn);
            var returnOn = departure.AddDays(plan.Days);
            var (byId, byName) = person.FirmId == hr.FirmId ? (hr.Id, hr.DisplayName) : ("demo-hr", $"HR office of {firmNames[person.FirmId]}");
            var trip = TravelRequest.Submit(person.Id, person.FirmId, new TravelDetails(plan.Country, plan.City, plan.Purpose,
                    plan.Purpose == TravelPurpose.Other ? "Site visit to a separation plant" : null, plan.Inviting.Length > 0 ? plan.Inviting : null,
                    departure, returnOn, $"Fly out on {departure:yyyy-MM-dd}; {plan.City} for the whole stay; fly back on {returnOn:yyyy-MM-dd}.",
                    plan.Inviting.Length > 0 ? $"Host office of {plan.Inviting}" : "Staying with family", null),
                byId, byName, requestedAt);
            var decidedAt = requestedAt.AddDays(Math.Min(2, Math.Max(0, plan.RequestedDaysAgo - 1)));
            switch (plan.Outcome)
            {
                case TravelStatus.InformationRequested:
                    trip.AskForInformation("Please name the people the specialist will meet and say whether any production sites will be visited.",
                        regulator.Id, regulator.DisplayName, decidedAt);
                    break;
                case TravelStatus.Denied:
                    trip.Deny("The inviting organisation is on the list of entities of concern for this technology; the trip cannot be approved.",
                        regulator.Id, regulator.DisplayName, decidedAt);
                    break;
                case TravelStatus.Withdrawn:
                    trip.Withdraw("The conference moved online.", decidedAt);
                    break;
                case TravelStatus.Approved or TravelStatus.Released or TravelStatus.Returned or TravelStatus.Expired or TravelStatus.NotReturned:
                    trip.Approve($"TA-{decidedAt.UtcDateTime:yyyy}-{++number:D6}", departure, returnOn,
                        plan.Outcome == TravelStatus.Released ? "Report to the firm's security officer within two working days of return." : null,
                        regulator.Id, regulator.DisplayName, decidedAt);
                    if (plan.Outcome == TravelStatus.Expired)
                        trip.Expire(today, rules, now.AddHours(-20));
                    break;
            }
            db.TravelRequests.Add(trip);
            trips.Add((person, plan, trip));
        }
        await db.SaveChangesAsync(ct);

        var officerActor = new Actor(officer.Id, officer.DisplayName);
        foreach (var (person, plan, trip) in trips.Where(t => t.Plan.Outcome is TravelStatus.Released or TravelStatus.Returned or TravelStatus.NotReturned))
        {
            var passport = person.Passports.Single();
            var collectedOn = trip.ApprovedDepartureOn!.Value.AddDays(-Math.Min(1, Math.Max(0, rules.ReleaseLeadDays)));
            var release = Event(CustodyEventKind.Release, collectedOn, officerActor);
            release.AcknowledgedBy = person.LatinName;
            passport.ReleaseFor(trip, release, collectedOn, rules);
            if (plan.Outcome == TravelStatus.NotReturned)
            {
                // Reported lost abroad: the trip closes without a return.
                var lost = Event(CustodyEventKind.Lost, trip.ApprovedDepartureOn!.Value.AddDays(2), officerActor);
                lost.Note = "The holder reported the passport stolen in Rome; a police report was filed there.";
                lost.TravelRequestId = trip.Id;
                passport.ReportLost(lost);
                trip.CloseNotReturned(lost.Id);
                continue;
            }
            if (plan.Outcome != TravelStatus.Returned)
                continue;
            var back = Event(CustodyEventKind.Return, passport.DueBackOn!.Value.AddDays(plan.LateBy), officerActor);
            back.StorageLocation = passport.CustodyEvents[0].StorageLocation;
            back.Condition = "Good";
            back.AcknowledgedBy = person.LatinName;
            back.TravelRequestId = trip.Id;
            passport.Return(back);
            trip.CloseWithReturn(back.Id, back.OccurredAt, back.LateByDays ?? 0);
        }
        await db.SaveChangesAsync(ct);
    }

    private static IEnumerable<(Specialist Person, DemoTrip Plan)> Travellers(List<Specialist> pool, DemoTrip[] plans)
    {
        var given = new List<Specialist>();
        var next = 0;
        foreach (var plan in plans)
        {
            var person = plan.SameTravellerAs is { } earlier ? given[earlier] : next < pool.Count ? pool[next++] : null;
            if (person is null)
                yield break;
            given.Add(person);
            yield return (person, plan);
        }
    }

    private static DateOnly DemoTripsLatestDeparture(DateOnly today) =>
        today.AddDays(HrFirmTrips.Concat(OtherFirmTrips).Max(t => t.DepartIn + t.Days) + 30);
}
