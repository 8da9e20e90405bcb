using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SpecialistRegistry.Data;
using SpecialistRegistry.Domain;
using SpecialistRegistry.Features.Roster;
using SpecialistRegistry.Features.Roster.Import;
using SpecialistRegistry.Localization;
using SpecialistRegistry.Tests.Features.Roster.Import;
using SpecialistRegistry.Tests.Infrastructure;

namespace SpecialistRegistry.Tests.Features.Custody;

/// <summary>
/// Once the custody office has taken a passport in, its number, issuing country and dates are those on its
/// receipts: the firm cannot change them (editor or import), and receipts keep showing what was recorded at the
/// event even when the holder's details change later.
/// </summary>
public sealed class PassportInCustodyTests
{
    [Fact]
    public void The_domain_refuses_a_firm_edit_of_a_passport_the_office_has_taken_in()
    {
        var passport = new Passport { Number = new SensitiveValue("c", "hash-1", "5678"), IssuingCountry = "China", IssuedOn = new(2020, 1, 1), ExpiresOn = new(2030, 1, 1) };
        passport.UpdateDetails(SensitiveValue.Empty, "China", new(2020, 1, 1), new(2031, 1, 1)); // not yet held: the firm may edit
        passport.HandIn(new CustodyEvent { Kind = CustodyEventKind.HandIn, OccurredAt = DateTimeOffset.UnixEpoch });

        using var _ = CultureScope.Use("en");
        var refused = Assert.Throws<DomainException>(() => passport.UpdateDetails(SensitiveValue.Empty, "China", new(2020, 1, 1), new(2035, 1, 1)));
        Assert.Contains("custody office", refused.Message);
        passport.UpdateDetails(SensitiveValue.Empty, "China", new(2020, 1, 1), new(2031, 1, 1)); // the same details are no change
        passport.CorrectDetails(SensitiveValue.Empty, "China", new(2020, 1, 1), new(2035, 1, 1)); // the office may correct
        Assert.Equal(new DateOnly(2035, 1, 1), passport.ExpiresOn);
    }

    [Theory]
    [MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task The_editor_refuses_to_change_a_held_passport_and_writes_nothing(TestProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var kit = await CustodyTestData.CreateAsync(app);
        await kit.HandInAsync();
        var form = await AsHrAsync(app, kit.Firm.Id, s => s.LoadAsync(kit.Specialist.Id));
        form!.Passports[0].Number = "G99990000";
        form.Passports[0].ExpiresOn = new DateTime(2036, 1, 1);
        var auditBefore = await AuditCountAsync(app);

        using var _ = CultureScope.Use("en");
        var invalid = Assert.IsType<SaveOutcome.Invalid>(await AsHrAsync(app, kit.Firm.Id, s => s.SaveAsync(form)));

        Assert.Contains("custody office", invalid.Errors["Passports[0].Number"]);
        var stored = await kit.PassportAsync();
        Assert.Equal(CustodyTestData.Number, app.Get<FieldProtector>().Reveal(stored.Number));
        Assert.Equal(CustodyTestData.Expiry, stored.ExpiresOn);
        Assert.Equal(auditBefore, await AuditCountAsync(app));
    }

    [Theory]
    [MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task The_editor_still_saves_other_fields_of_a_person_whose_passport_is_held(TestProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var kit = await CustodyTestData.CreateAsync(app);
        await kit.HandInAsync();
        var form = await AsHrAsync(app, kit.Firm.Id, s => s.LoadAsync(kit.Specialist.Id));
        form!.Position = "Chief engineer";

        Assert.IsType<SaveOutcome.Saved>(await AsHrAsync(app, kit.Firm.Id, s => s.SaveAsync(form)));
        Assert.True(form.Passports[0].DetailsLocked);
    }

    [Fact]
    public async Task An_import_that_changes_a_held_passports_dates_is_refused_on_that_row()
    {
        await using var app = await TestApp.StartAsync();
        var firm = await TestData.AddFirmAsync(app);
        var people = RosterSamples.People(2);
        await ImportAsync(app, firm.Id, people);
        await using (var db = app.OpenDb())
        {
            var passport = await db.Passports.Include(p => p.Specialist).SingleAsync(p => p.Specialist!.EmployeeNumber == people[0].EmployeeNumber);
            var kit = new CustodyTestData { App = app, Firm = firm, Specialist = passport.Specialist!, PassportNumber = people[0].Passport!.Number };
            var handIn = await kit.HandInFormAsync(passport.Id);
            handIn.ExpiresOn = people[0].Passport!.ExpiresOn;
            Assert.IsType<SpecialistRegistry.Features.Custody.CustodyOutcome.Logged>(await kit.AsOfficerAsync(s => s.HandInAsync(handIn)));
        }
        people[0].Passport = people[0].Passport! with { ExpiresOn = new DateOnly(2040, 1, 1) };
        people[1].Passport = people[1].Passport! with { ExpiresOn = new DateOnly(2040, 1, 1) }; // not held: the firm may change it

        using var _ = CultureScope.Use("en");
        var preview = await DryRunAsync(app, firm.Id, await RosterFiles.CsvAsync(people));

        var problem = Assert.Single(preview.Problems);
        Assert.Equal(2, problem.Row);
        Assert.Contains("custody office", problem.Message);
    }

    [Theory]
    [MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task A_receipt_shows_the_passport_and_holder_as_recorded_at_the_event(TestProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var kit = await CustodyTestData.CreateAsync(app, latinName: "Wang Wei");
        var logged = await kit.HandInAsync();
        // Later: the office corrects the number and the holder's name is respelled.
        await using (var db = app.OpenDb())
        {
            var passport = await db.Passports.Include(p => p.Specialist).SingleAsync(p => p.Id == kit.PassportId);
            passport.CorrectDetails(app.Get<FieldProtector>().Protect("G55554444"), "China", passport.IssuedOn, new DateOnly(2033, 3, 3));
            passport.Specialist!.LatinName = "Wang Wei-Ming";
            await db.SaveChangesAsync();
        }

        var receipt = await kit.QueryAsync(q => q.ReceiptAsync(logged.ReceiptNumber!));
        var chain = (await kit.QueryAsync(q => q.PassportAsync(kit.PassportId)))!.Chain;

        Assert.Equal(CustodyTestData.Number, receipt!.Number);
        Assert.Equal(CustodyTestData.Expiry, receipt.ExpiresOn);
        Assert.Equal("Wang Wei", receipt.LatinName);
        Assert.Equal(kit.Firm.Name, receipt.FirmName);
        Assert.Equal(new SpecialistRegistry.Features.Custody.RecordedPassport(CustodyTestData.Number, "China", CustodyTestData.Expiry), Assert.Single(chain).Recorded);
    }

    [Theory]
    [MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task The_office_corrects_a_held_passport_with_a_reason_and_the_receipt_keeps_what_it_recorded(TestProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var kit = await CustodyTestData.CreateAsync(app);
        var logged = await kit.HandInAsync();
        var input = new SpecialistRegistry.Features.Custody.CorrectDetailsInput
        {
            PassportId = kit.PassportId, Version = (await kit.PassportAsync()).Version, Number = "E12345679",
            IssuingCountry = "中国", IssuedOn = new DateOnly(2020, 1, 1), ExpiresOn = new DateOnly(2031, 1, 1),
        };

        using var _ = CultureScope.Use("en");
        var noReason = Assert.IsType<SpecialistRegistry.Features.Custody.CustodyOutcome.Invalid>(await kit.AsOfficerAsync(s => s.CorrectDetailsAsync(input)));
        Assert.Contains(nameof(input.Reason), noReason.Errors.Keys);
        Assert.IsType<SpecialistRegistry.Features.Custody.CustodyOutcome.NotFound>(
            await kit.AsOfficerAsync(s => s.CorrectDetailsAsync(input with { Reason = "Typing error at registration" }), TestUsers.FirmHr(kit.Firm.Id)));
        Assert.IsType<SpecialistRegistry.Features.Custody.CustodyOutcome.Logged>(
            await kit.AsOfficerAsync(s => s.CorrectDetailsAsync(input with { Reason = "Typing error at registration" })));

        var stored = await kit.PassportAsync();
        Assert.Equal("E12345679", app.Get<FieldProtector>().Reveal(stored.Number));
        Assert.Equal(("China", new DateOnly(2031, 1, 1)), (stored.IssuingCountry, stored.ExpiresOn));
        await using var db = app.OpenDb();
        var audit = await db.AuditEntries.SingleAsync(a => a.Action == "CorrectedPassportDetails" && a.EntityKey == kit.PassportId.ToString());
        Assert.Contains("Typing error at registration", audit.Changes);
        var receipt = await kit.QueryAsync(q => q.ReceiptAsync(logged.ReceiptNumber!));
        Assert.Equal((CustodyTestData.Number, CustodyTestData.Expiry), (receipt!.Number, receipt.ExpiresOn));
    }

    private static async Task<T> AsHrAsync<T>(TestApp app, Guid firmId, Func<SpecialistEditorService, Task<T>> work)
    {
        await using var scope = app.Scope(TestUsers.FirmHr(firmId));
        return await work(scope.ServiceProvider.GetRequiredService<SpecialistEditorService>());
    }

    private static async Task ImportAsync(TestApp app, Guid firmId, IReadOnlyList<SpecialistRegistry.Files.Roster.RosterPerson> people)
    {
        var preview = await DryRunAsync(app, firmId, await RosterFiles.CsvAsync(people));
        Assert.Empty(preview.Problems);
        await using var scope = app.Scope(TestUsers.FirmHr(firmId));
        await scope.ServiceProvider.GetRequiredService<RosterImportService>().CommitAsync(preview);
    }

    private static async Task<ImportPreview> DryRunAsync(TestApp app, Guid firmId, byte[] csv)
    {
        await using var scope = app.Scope(TestUsers.FirmHr(firmId));
        return await scope.ServiceProvider.GetRequiredService<RosterImportService>().DryRunAsync(new ImportFile("roster.csv", csv));
    }

    private static async Task<int> AuditCountAsync(TestApp app)
    {
        await using var db = app.OpenDb();
        return await db.AuditEntries.CountAsync();
    }
}
