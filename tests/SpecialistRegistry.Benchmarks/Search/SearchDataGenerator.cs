using System.Globalization;
using Microsoft.Data.Sqlite;
using SpecialistRegistry.Data;
using SpecialistRegistry.Domain;

namespace SpecialistRegistry.Benchmarks.Search;

/// <summary>
/// Fills the registry's SQLite file with firms, specialists, their passports and their search documents through
/// prepared ADO.NET statements in one transaction. Each person is built as domain objects first and their document
/// derived by the app's own <see cref="SearchIndexInterceptor.Fill"/>, so the index holds exactly what a save would
/// write. Expertise, education, research and flag rows feed the documents but are not stored as rows of their own:
/// the search never reads them, and leaving them out keeps generation within minutes on a small machine.
/// </summary>
internal static class SearchDataGenerator
{
    private static readonly (string Han, string Pinyin, int Weight)[] Surnames =
    [
        ("王", "Wang", 72), ("李", "Li", 72), ("张", "Zhang", 68), ("刘", "Liu", 54), ("陈", "Chen", 46), ("杨", "Yang", 32),
        ("黄", "Huang", 24), ("赵", "Zhao", 23), ("吴", "Wu", 21), ("周", "Zhou", 21), ("徐", "Xu", 17), ("孙", "Sun", 16),
        ("马", "Ma", 16), ("朱", "Zhu", 14), ("胡", "Hu", 13), ("郭", "Guo", 12), ("何", "He", 11), ("高", "Gao", 10),
        ("林", "Lin", 10), ("罗", "Luo", 9), ("郑", "Zheng", 9), ("梁", "Liang", 8), ("谢", "Xie", 7), ("宋", "Song", 6),
        ("唐", "Tang", 6), ("许", "Xu", 6), ("韩", "Han", 6), ("冯", "Feng", 5), ("邓", "Deng", 5), ("曹", "Cao", 5),
    ];

    private static readonly (string Han, string Pinyin)[] Given =
    [
        ("伟", "wei"), ("芳", "fang"), ("娜", "na"), ("敏", "min"), ("静", "jing"), ("丽", "li"), ("强", "qiang"), ("磊", "lei"),
        ("军", "jun"), ("洋", "yang"), ("勇", "yong"), ("艳", "yan"), ("杰", "jie"), ("娟", "juan"), ("涛", "tao"), ("明", "ming"),
        ("超", "chao"), ("秀", "xiu"), ("霞", "xia"), ("平", "ping"), ("刚", "gang"), ("桂", "gui"), ("英", "ying"), ("华", "hua"),
        ("建", "jian"), ("国", "guo"), ("志", "zhi"), ("文", "wen"), ("海", "hai"), ("晨", "chen"), ("宇", "yu"), ("浩", "hao"),
        ("思", "si"), ("远", "yuan"), ("子", "zi"), ("涵", "han"), ("雪", "xue"), ("鹏", "peng"), ("辉", "hui"), ("欣", "xin"),
    ];

    private static readonly string[] Institutions =
    [
        "Central South University", "Northeastern University", "University of Science and Technology Beijing", "Tsinghua University",
        "Inner Mongolia University of Science and Technology", "Jiangxi University of Science and Technology", "Zhejiang University",
        "Shanghai University", "Baotou Research Institute of Rare Earths", "Chinese Academy of Sciences Institute of Physics",
        "Beijing University of Technology", "Nanchang University", "Sichuan University", "Harbin Institute of Technology",
        "Tohoku University", "RWTH Aachen University", "University of Birmingham", "Ames Laboratory Iowa State University",
    ];

    private static readonly string[] Fields =
    [
        "Metallurgical Engineering", "Materials Science", "Chemical Engineering", "Analytical Chemistry", "Mineral Processing",
        "Physics", "Mechanical Engineering", "Environmental Engineering", "Inorganic Chemistry", "Process Control",
    ];

    private static readonly string[] ResearchTitles =
    [
        "Solvent extraction of {0} with P507", "Ion exchange recovery of {0} from leach liquor", "Grain boundary diffusion of {0} in sintered magnets",
        "Molten salt electrolysis of {0} metal", "Hydrogen decrepitation of {0} alloys", "Trace analysis of {0} by ICP-MS",
        "Continuous countercurrent separation of {0}", "Thermal demagnetisation behaviour of {0} magnets", "Strip casting of {0} alloys",
        "Recycling {0} from magnet swarf",
    ];

    private static readonly string[] Elements = ["neodymium", "praseodymium", "dysprosium", "terbium", "samarium", "cerium", "lanthanum", "europium", "yttrium", "gadolinium"];

    private static readonly (string Country, int Weight)[] Nationalities =
        [("China", 960), ("Japan", 8), ("Germany", 6), ("United States", 6), ("Australia", 5), ("Malaysia", 5), ("Korea", 5), ("Canada", 5)];

    private static readonly string[] Positions = ["Process Engineer", "Senior Engineer", "Research Scientist", "Chief Metallurgist", "Laboratory Analyst", "Plant Manager", "Technician", "Quality Engineer"];
    private static readonly string[] Departments = ["Separation Plant", "Magnet Line", "Research Institute", "Quality Control", "Smelting", "Analytical Laboratory", "Mining Operations"];

    // Skewed, as real staff are: many separation and magnet specialists, few in bonded magnets.
    private static readonly int[] AreaWeights = [18, 12, 14, 16, 5, 6, 10, 9, 8, 3, 5, 4];

    public sealed record Generated(int People, IReadOnlyList<string> SamplePassports, IReadOnlyList<Guid> SampleFirms);

    public static Generated Fill(string databaseFile, FieldProtector protector, int people, int firmCount, DateOnly today, Action<string> log)
    {
        var random = new Random(20261129);
        var samplePassports = new List<string>();
        using var connection = new SqliteConnection($"Data Source={databaseFile};Foreign Keys=False");
        connection.Open();
        Exec(connection, "PRAGMA synchronous=OFF; PRAGMA cache_size=-400000; PRAGMA temp_store=MEMORY;");
        using var tx = connection.BeginTransaction();

        var firms = new List<(Guid Id, string Name, IndustrySegment Segment)>();
        using (var insertFirm = Prepare(connection, tx, "INSERT INTO Firms (Id, Name, CreditCode, Segment, Region, ContactName, ContactPhone, ContactEmail, Version) VALUES ($id, $name, $code, $segment, $region, '', '', '', $version)",
                   "$id", "$name", "$code", "$segment", "$region", "$version"))
        {
            string[] regions = ["Inner Mongolia", "Jiangxi", "Sichuan", "Fujian", "Zhejiang", "Guangdong", "Shandong", "Shanxi"];
            string[] kinds = ["Rare Earth Mining", "Rare Earth Separation", "Metal and Alloy", "Magnet Technology"];
            for (var i = 0; i < firmCount; i++)
            {
                var segment = (IndustrySegment)(i % 10 < 1 ? 0 : i % 10 < 3 ? 1 : i % 10 < 5 ? 2 : 3);
                var body = $"91150200MA{i:D7}";
                var firm = (Guid.CreateVersion7(), $"{regions[i % regions.Length]} {kinds[(int)segment]} Co. {i + 1:D3}", segment);
                firms.Add(firm);
                Run(insertFirm, Id(firm.Item1), firm.Item2, body + UnifiedSocialCreditCode.CheckCharacter(body), segment.ToString(), regions[i % regions.Length], Id(Guid.NewGuid()));
            }
        }

        using var insertSpecialist = Prepare(connection, tx,
            "INSERT INTO Specialists (Id, FirmId, EmployeeNumber, FullName, LatinName, Gender, DateOfBirth, Nationality, Phone, Email, Position, Department, HireDate, Status, UpdatedAt, Version, NationalId_Cipher, NationalId_Last4, NationalId_LookupHash) " +
            "VALUES ($id, $firm, $no, $full, $latin, $gender, $dob, $nat, '', '', $pos, $dept, $hired, $status, $updated, $version, $nc, $nl, $nh)",
            "$id", "$firm", "$no", "$full", "$latin", "$gender", "$dob", "$nat", "$pos", "$dept", "$hired", "$status", "$updated", "$version", "$nc", "$nl", "$nh");
        using var insertPassport = Prepare(connection, tx,
            "INSERT INTO Passports (Id, SpecialistId, IssuingCountry, IssuedOn, ExpiresOn, IsCurrent, CustodyStatus, DueBackOn, Version, Number_Cipher, Number_Last4, Number_LookupHash) " +
            "VALUES ($id, $sid, $country, $issued, $expires, 1, $custody, $due, $version, $c, $l, $h)",
            "$id", "$sid", "$country", "$issued", "$expires", "$custody", "$due", "$version", "$c", "$l", "$h");
        using var insertDoc = Prepare(connection, tx,
            "INSERT INTO SearchDocuments (DocId, SpecialistId, FirmId, FirmName, Segment, EmployeeNumber, FullName, LatinName, Nationality, Status, HireDate, Custody, DueBackOn, PassportExpiresOn, FlagState, ExpertiseMask, DegreeMask) " +
            "VALUES ($doc, $sid, $firm, $fname, $seg, $no, $full, $latin, $nat, $status, $hired, $custody, $due, $expires, $flag, $em, $dm)",
            "$doc", "$sid", "$firm", "$fname", "$seg", "$no", "$full", "$latin", "$nat", "$status", "$hired", "$custody", "$due", "$expires", "$flag", "$em", "$dm");
        using var insertText = Prepare(connection, tx, "INSERT INTO SearchTexts (DocId, Text) VALUES ($doc, $text)", "$doc", "$text");

        var clock = System.Diagnostics.Stopwatch.StartNew();
        var perFirm = new int[firms.Count];
        var updated = DateTimeOffset.UtcNow.UtcTicks;
        for (var n = 1; n <= people; n++)
        {
            // Firm sizes follow a long tail: a few large groups, many small firms.
            var firmIndex = (int)Math.Min(firms.Count - 1, Math.Floor(Math.Pow(random.NextDouble(), 1.6) * firms.Count));
            var (firmId, firmName, segment) = firms[firmIndex];
            var surname = Pick(random, Surnames);
            var given = Enumerable.Range(0, random.Next(10) < 7 ? 2 : 1).Select(_ => Given[random.Next(Given.Length)]).ToList();
            var hired = today.AddDays(-random.Next(1, 36 * 365));
            var born = hired.AddYears(-random.Next(22, 45)).AddDays(-random.Next(365));
            var s = new Specialist
            {
                FirmId = firmId,
                EmployeeNumber = $"E{++perFirm[firmIndex]:D5}",
                FullName = surname.Han + string.Concat(given.Select(g => g.Han)),
                LatinName = $"{surname.Pinyin} {Capitalise(string.Concat(given.Select(g => g.Pinyin)))}",
                Gender = random.Next(100) < 68 ? Gender.Male : Gender.Female,
                DateOfBirth = born,
                Nationality = Pick(random, Nationalities),
                Position = Positions[random.Next(Positions.Length)],
                Department = Departments[random.Next(Departments.Length)],
                HireDate = hired,
                Status = random.Next(100) < 92 ? EmploymentStatus.Current : EmploymentStatus.Left,
            };
            var nationalId = $"{random.Next(110000, 659000)}{born:yyyyMMdd}{random.Next(1000, 9999)}";
            s.NationalId = protector.Protect(nationalId);

            var expertise = new List<Expertise>();
            foreach (var area in Enumerable.Range(0, 1 + random.Next(3)).Select(_ => WeightedArea(random)).Distinct())
                expertise.Add(new Expertise { Area = area, Level = (ExpertiseLevel)Math.Min(3, random.Next(5) * random.Next(2) + random.Next(2)), Years = random.Next(1, 30) });
            var education = new List<Education>();
            var top = random.Next(100) switch { < 10 => Degree.Associate, < 55 => Degree.Bachelor, < 85 => Degree.Master, < 98 => Degree.Doctorate, _ => Degree.Postdoctoral };
            education.Add(new Education { Degree = top, Field = Fields[random.Next(Fields.Length)], Institution = Institutions[random.Next(Institutions.Length)], GraduationYear = hired.Year - 1 });
            if (top >= Degree.Master)
                education.Add(new Education { Degree = Degree.Bachelor, Field = Fields[random.Next(Fields.Length)], Institution = Institutions[random.Next(Institutions.Length)], GraduationYear = hired.Year - 4 });
            var research = Enumerable.Range(0, random.Next(100) < 60 ? 0 : random.Next(1, 4))
                .Select(_ => new ResearchRecord { Title = string.Format(CultureInfo.InvariantCulture, ResearchTitles[random.Next(ResearchTitles.Length)], Elements[random.Next(Elements.Length)]) })
                .ToList();

            var passports = new List<Passport>();
            string? passportNumber = null;
            if (random.Next(100) < 85)
            {
                passportNumber = $"E{n:D8}";
                var issued = today.AddDays(-random.Next(1, 3650));
                var passport = new Passport { SpecialistId = s.Id, Number = protector.Protect(passportNumber), IssuingCountry = "China", IssuedOn = issued, ExpiresOn = issued.AddYears(10) };
                var roll = random.Next(1000);
                if (roll >= 150)
                    passport.HandIn(new CustodyEvent { Kind = CustodyEventKind.HandIn });
                if (roll >= 880)
                {
                    var departed = today.AddDays(-random.Next(1, 60));
                    passport.Release(new CustodyEvent { Kind = CustodyEventKind.Release, ApprovalReference = "TA", DepartureOn = departed, DueBackOn = departed.AddDays(random.Next(5, 45)) });
                }
                else if (roll is >= 140 and < 150)
                    passport.ReportLost(new CustodyEvent { Kind = CustodyEventKind.Lost });
                passports.Add(passport);
                if (samplePassports.Count < 2000 && random.Next(200) == 0)
                    samplePassports.Add(passportNumber);
                Run(insertPassport, Id(passport.Id), Id(s.Id), "China", Date(passport.IssuedOn), Date(passport.ExpiresOn), passport.CustodyStatus.ToString(),
                    passport.DueBackOn is { } due ? Date(due) : null, Id(passport.Version), passport.Number.Cipher, passport.Number.Last4, passport.Number.LookupHash);
            }
            var flagRoll = random.Next(100);
            var flags = flagRoll < 3 ? [new Flag { Status = FlagStatus.Open }] : flagRoll < 5 ? new List<Flag> { new() { Status = FlagStatus.Resolved } } : [];

            Run(insertSpecialist, Id(s.Id), Id(firmId), s.EmployeeNumber, s.FullName, s.LatinName, s.Gender.ToString(), Date(s.DateOfBirth), s.Nationality,
                s.Position, s.Department, Date(s.HireDate), s.Status.ToString(), updated, Id(s.Version), s.NationalId.Cipher, s.NationalId.Last4, s.NationalId.LookupHash);
            var doc = new SearchDocument();
            SearchIndexInterceptor.Fill(doc, s, firmName, segment, expertise, education, research, passports, flags);
            Run(insertDoc, n, Id(s.Id), Id(firmId), firmName, (int)segment, s.EmployeeNumber, s.FullName, s.LatinName, s.Nationality, (int)s.Status,
                Date(s.HireDate), (int)doc.Custody, doc.DueBackOn is { } d ? Date(d) : null, doc.PassportExpiresOn is { } e ? Date(e) : null,
                (int)doc.FlagState, doc.ExpertiseMask, doc.DegreeMask);
            Run(insertText, n, doc.Text!.Text);
            if (n % 100_000 == 0)
                log($"  {n:N0} specialists in {clock.Elapsed.TotalSeconds:0} s");
        }
        tx.Commit();
        Exec(connection, "ANALYZE;");
        return new Generated(people, samplePassports, firms.Select(f => f.Id).ToList());
    }

    private static string Capitalise(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];

    private static ExpertiseArea WeightedArea(Random random)
    {
        var roll = random.Next(AreaWeights.Sum());
        for (var i = 0; i < AreaWeights.Length; i++)
        {
            if (roll < AreaWeights[i])
                return (ExpertiseArea)i;
            roll -= AreaWeights[i];
        }
        return ExpertiseArea.SolventExtraction;
    }

    private static (string Han, string Pinyin) Pick(Random random, (string Han, string Pinyin, int Weight)[] items)
    {
        var roll = random.Next(items.Sum(i => i.Weight));
        foreach (var item in items)
        {
            if (roll < item.Weight)
                return (item.Han, item.Pinyin);
            roll -= item.Weight;
        }
        return (items[0].Han, items[0].Pinyin);
    }

    private static string Pick(Random random, (string Value, int Weight)[] items)
    {
        var roll = random.Next(items.Sum(i => i.Weight));
        foreach (var (value, weight) in items)
        {
            if (roll < weight)
                return value;
            roll -= weight;
        }
        return items[0].Value;
    }

    // As EF's SQLite provider stores them, so the app reads these rows like its own.
    private static string Id(Guid id) => id.ToString().ToUpperInvariant();

    private static string Date(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static void Exec(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static SqliteCommand Prepare(SqliteConnection connection, SqliteTransaction tx, string sql, params string[] names)
    {
        var command = connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = sql;
        foreach (var name in names)
            command.Parameters.Add(new SqliteParameter(name, null));
        command.Prepare();
        return command;
    }

    private static void Run(SqliteCommand command, params object?[] values)
    {
        for (var i = 0; i < values.Length; i++)
            command.Parameters[i].Value = values[i] ?? DBNull.Value;
        command.ExecuteNonQuery();
    }
}
