using Microsoft.EntityFrameworkCore;
using SpecialistRegistry.Auth;
using SpecialistRegistry.Data;
using SpecialistRegistry.Domain;
using SpecialistRegistry.Tests.Infrastructure;

namespace SpecialistRegistry.Tests.Data;

/// <summary>The global query filters are the only thing between a Firm HR user and another firm's people.</summary>
public sealed class FirmScopeTests
{
    [Theory]
    [MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task Firm_HR_sees_only_their_own_firms_rows_in_every_set(TestProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var (firmA, firmB) = (await SeedFirmAsync(app, "Alpha"), await SeedFirmAsync(app, "Beta"));

        var visible = await app.WithDbAsync(TestUsers.FirmHr(firmA.Firm), VisibleRowsAsync);

        Assert.Equal(firmA.Rows, visible);
        Assert.DoesNotContain(visible, row => firmB.Rows.Contains(row));
    }

    [Theory]
    [MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task Firm_HR_asking_for_another_firms_specialist_by_id_gets_not_found(TestProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var firmA = await SeedFirmAsync(app, "Alpha");
        var firmB = await SeedFirmAsync(app, "Beta");

        await app.WithDbAsync(TestUsers.FirmHr(firmA.Firm), async db =>
        {
            Assert.Null(await db.Specialists.FirstOrDefaultAsync(s => s.Id == firmB.Specialist));
            Assert.Null(await db.Specialists.FindAsync(firmB.Specialist));
            Assert.Null(await db.Firms.FindAsync(firmB.Firm));
            Assert.NotNull(await db.Specialists.FindAsync(firmA.Specialist));
        });
    }

    [Theory]
    [MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task A_regulator_sees_both_firms(TestProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var firmA = await SeedFirmAsync(app, "Alpha");
        var firmB = await SeedFirmAsync(app, "Beta");

        var visible = await app.WithDbAsync(TestUsers.Regulator, VisibleRowsAsync);

        Assert.Equal(firmA.Rows.Concat(firmB.Rows).Order(StringComparer.Ordinal), visible);
    }

    [Theory]
    [MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task Firm_HR_without_a_firm_sees_nothing(TestProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await SeedFirmAsync(app, "Alpha");
        await SeedFirmAsync(app, "Beta");

        var visible = await app.WithDbAsync(TestUsers.Principal(Roles.FirmHR), VisibleRowsAsync);

        Assert.Empty(visible);
    }

    private sealed record SeededFirm(Guid Firm, Guid Specialist, List<string> Rows);

    /// <summary>Every filtered set as "Set:id" lines, sorted, so a failure names the set that leaked.</summary>
    private static async Task<List<string>> VisibleRowsAsync(RegistryDb db)
    {
        var rows = new List<string>();
        void Add(string set, IEnumerable<Guid> ids) => rows.AddRange(ids.Select(id => $"{set}:{id}"));
        Add("Firms", await db.Firms.Select(x => x.Id).ToListAsync());
        Add("Specialists", await db.Specialists.Select(x => x.Id).ToListAsync());
        Add("Expertise", await db.Expertise.Select(x => x.Id).ToListAsync());
        Add("Education", await db.Education.Select(x => x.Id).ToListAsync());
        Add("ResearchRecords", await db.ResearchRecords.Select(x => x.Id).ToListAsync());
        Add("Passports", await db.Passports.Select(x => x.Id).ToListAsync());
        Add("CustodyEvents", await db.CustodyEvents.Select(x => x.Id).ToListAsync());
        Add("Filings", await db.Filings.Select(x => x.Id).ToListAsync());
        Add("FilingEntries", await db.FilingEntries.Select(x => x.Id).ToListAsync());
        Add("Flags", await db.Flags.Select(x => x.Id).ToListAsync());
        // Quarters are everyone's; demands are the named firms' own.
        Add("FilingPeriods", await db.FilingPeriods.Where(p => p.Kind == FilingPeriodKind.Demand).Select(x => x.Id).ToListAsync());
        Add("FilingRemarks", await db.FilingRemarks.Select(x => x.Id).ToListAsync());
        Add("FilingReminders", await db.FilingReminders.Select(x => x.Id).ToListAsync());
        return [.. rows.Order(StringComparer.Ordinal)];
    }

    /// <summary>A firm with one row in every firm-owned set, saved by the system (no scope).</summary>
    private static async Task<SeededFirm> SeedFirmAsync(TestApp app, string name)
    {
        var protector = app.Get<FieldProtector>();
        var now = app.Clock.GetUtcNow();
        var firm = TestRecords.Firm(name);
        var specialist = TestRecords.Specialist(firm.Id, protector);
        var expertise = new Expertise { SpecialistId = specialist.Id, Area = ExpertiseArea.IonExchange, Level = ExpertiseLevel.Expert, Years = 12 };
        var education = new Education { SpecialistId = specialist.Id, Degree = Degree.Master, Field = "Metallurgy", Institution = "Central South University", Country = "China", GraduationYear = 2014 };
        var research = new ResearchRecord { SpecialistId = specialist.Id, Kind = ResearchKind.Patent, Title = "Grain-boundary diffusion of Dy", Year = 2021, Role = "Lead", Reference = "CN100000001B" };
        var passport = TestRecords.Passport(specialist.Id, protector);
        var handIn = passport.HandIn(new CustodyEvent
        {
            Kind = CustodyEventKind.HandIn, OccurredAt = now, OfficerId = "officer", OfficerName = "Officer",
            ReceiptNumber = "R-" + Guid.NewGuid().ToString("N")[..10],
        });
        // A quarter applies to every firm; a demand only to the firm it names (so only that firm's HR sees it).
        var quarter = TestFilings.Quarter(now, quarter: name == "Alpha" ? 3 : 4);
        var demand = FilingPeriod.Demand("D-" + Guid.NewGuid().ToString("N")[..8], DemandScope.Firm, null, firm.Id,
            DateOnly.FromDateTime(now.UtcDateTime).AddDays(30), "Submit detailed lists of specialists.", DateOnly.FromDateTime(now.UtcDateTime),
            TestFilings.Regulator, now);
        var filing = TestFilings.Make(firm.Id, demand, FilingStatus.Submitted, now, specialist).Single();
        var entry = filing.Entries.Single();
        var remark = new FilingRemark { FilingId = filing.Id, EntryId = entry.Id, Text = "Check the passport.", AuthorId = "test-regulator", AuthorName = "Test Regulator", CreatedAt = now };
        var reminder = new FilingReminder { FirmId = firm.Id, PeriodId = demand.Id, Kind = FilingReminderKind.DueSoon, OnDate = DateOnly.FromDateTime(now.UtcDateTime), CreatedAt = now };
        var flag = new Flag { SpecialistId = specialist.Id, Reason = FlagReason.UnreportedTravel, Severity = FlagSeverity.High, Note = "Seen abroad", RaisedById = "test-regulator", RaisedAt = now };

        await using (var db = app.OpenDb())
        {
            db.AddRange(firm, specialist, expertise, education, research, passport, quarter, demand, filing, flag);
            await db.SaveChangesAsync();
            db.AddRange(remark, reminder);
            await db.SaveChangesAsync();
        }

        List<string> rows =
        [
            $"Firms:{firm.Id}", $"Specialists:{specialist.Id}", $"Expertise:{expertise.Id}", $"Education:{education.Id}",
            $"ResearchRecords:{research.Id}", $"Passports:{passport.Id}", $"CustodyEvents:{handIn.Id}", $"Filings:{filing.Id}",
            $"FilingEntries:{entry.Id}", $"Flags:{flag.Id}", $"FilingPeriods:{demand.Id}", $"FilingRemarks:{remark.Id}",
            $"FilingReminders:{reminder.Id}",
        ];
        return new SeededFirm(firm.Id, specialist.Id, [.. rows.Order(StringComparer.Ordinal)]);
    }
}
