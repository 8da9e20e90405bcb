using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SpecialistRegistry.Localization;
using SpecialistRegistry.Data;
using SpecialistRegistry.Domain;
using SpecialistRegistry.Features.Roster;
using SpecialistRegistry.Tests.Infrastructure;

namespace SpecialistRegistry.Tests.Features.Roster;

public sealed class SpecialistEditorServiceTests : IAsyncLifetime
{
    private TestApp _app = default!;
    private Firm _firm = default!;
    private Firm _otherFirm = default!;

    public async Task InitializeAsync()
    {
        _app = await TestApp.StartAsync();
        _firm = await TestData.AddFirmAsync(_app);
        _otherFirm = await TestData.AddFirmAsync(_app, "Other");
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task A_new_specialist_with_lists_is_saved_in_one_transaction_with_audit_entries()
    {
        var form = NewForm("E100");
        form.Expertise.Add(new ExpertiseForm { Area = ExpertiseArea.NdFeBSintering, Level = ExpertiseLevel.Advanced, Years = 8 });
        form.Education.Add(new EducationForm { Degree = Degree.Master, Field = "Materials", Institution = "Zhejiang University", Country = "China", GraduationYear = 2010 });
        form.Research.Add(new ResearchForm { Kind = ResearchKind.Patent, Title = "Low-Dy magnets", Year = 2019, Role = "Lead", Reference = "CN1B" });
        form.Passports.Add(new PassportForm { Number = "E12345678", IssuedOn = new DateTime(2022, 1, 1), ExpiresOn = new DateTime(2032, 1, 1) });
        var auditBefore = await AuditCountAsync();

        var outcome = await AsHr(s => s.SaveAsync(form));

        var saved = Assert.IsType<SaveOutcome.Saved>(outcome);
        await using var db = _app.OpenDb();
        var specialist = await db.Specialists.Include(s => s.Expertise).Include(s => s.Education).Include(s => s.Research).Include(s => s.Passports)
            .SingleAsync(s => s.Id == saved.Id);
        Assert.Equal(_firm.Id, specialist.FirmId);
        Assert.Single(specialist.Expertise);
        Assert.Single(specialist.Education);
        Assert.Single(specialist.Research);
        Assert.Equal("E12345678", _app.Get<FieldProtector>().Reveal(specialist.Passports.Single().Number));
        Assert.Equal("110101198503140018", _app.Get<FieldProtector>().Reveal(specialist.NationalId));
        Assert.Equal(auditBefore + 5, await AuditCountAsync());
    }

    [Fact]
    public async Task Bad_input_is_refused_field_by_field_and_nothing_is_written()
    {
        var form = NewForm("");
        form.Gender = null;
        form.DateOfBirth = _app.Clock.GetUtcNow().UtcDateTime.AddYears(-10);
        form.Passports.Add(new PassportForm { Number = "E1", IssuedOn = new DateTime(2030, 1, 1), ExpiresOn = new DateTime(2020, 1, 1) });
        form.Expertise.Add(new ExpertiseForm { Area = ExpertiseArea.IonExchange, Years = 99 });
        var auditBefore = await AuditCountAsync();

        var invalid = Assert.IsType<SaveOutcome.Invalid>(await AsHr(s => s.SaveAsync(form)));

        Assert.Contains(nameof(SpecialistForm.EmployeeNumber), invalid.Errors.Keys);
        Assert.Contains(nameof(SpecialistForm.DateOfBirth), invalid.Errors.Keys);
        Assert.Equal("Choose the gender.", invalid.Errors[nameof(SpecialistForm.Gender)]);
        Assert.Contains("Passports[0].ExpiresOn", invalid.Errors.Keys);
        Assert.Contains("Expertise[0].Years", invalid.Errors.Keys);
        Assert.Equal(auditBefore, await AuditCountAsync());
    }

    [Fact]
    public async Task A_chinese_user_reads_every_field_message_in_chinese()
    {
        using var chinese = CultureScope.Chinese();
        await TestData.AddSpecialistAsync(_app, _firm.Id, "E250");
        var form = NewForm("E250");
        form.FullName = "";
        form.Expertise.Add(new ExpertiseForm { Area = ExpertiseArea.IonExchange, Years = 99 });
        form.Position = new string('x', 101);

        var invalid = Assert.IsType<SaveOutcome.Invalid>(await AsHr(s => s.SaveAsync(form)));

        Assert.Equal("请填写姓名。", invalid.Errors[nameof(SpecialistForm.FullName)]);
        Assert.Equal("年限须在 0 至 70 之间。", invalid.Errors["Expertise[0].Years"]);
        Assert.Equal("最多 100 个字符。", invalid.Errors[nameof(SpecialistForm.Position)]);
        var duplicate = Assert.IsType<SaveOutcome.Invalid>(await AsHr(s => s.SaveAsync(NewForm("E250"))));
        Assert.Equal("员工编号 E250 已属于本单位的其他人员。", duplicate.Errors[nameof(SpecialistForm.EmployeeNumber)]);
    }

    [Fact]
    public async Task Duplicate_employee_passport_or_national_ID_numbers_in_the_firm_are_refused()
    {
        await TestData.AddSpecialistAsync(_app, _firm.Id, "E200", passportNumber: "G99887766", nationalId: "110101198503140018");
        var form = NewForm("E200");
        form.Passports.Add(new PassportForm { Number = "g 9988-7766", IssuedOn = new DateTime(2022, 1, 1), ExpiresOn = new DateTime(2032, 1, 1) });

        var invalid = Assert.IsType<SaveOutcome.Invalid>(await AsHr(s => s.SaveAsync(form)));

        Assert.Contains("already belongs", invalid.Errors[nameof(SpecialistForm.EmployeeNumber)]);
        Assert.Contains("already recorded", invalid.Errors[nameof(SpecialistForm.NationalIdNumber)]);
        Assert.Contains("already recorded", invalid.Errors["Passports[0].Number"]);
    }

    [Fact]
    public async Task The_same_employee_number_in_another_firm_is_fine()
    {
        await TestData.AddSpecialistAsync(_app, _otherFirm.Id, "E300");

        Assert.IsType<SaveOutcome.Saved>(await AsHr(s => s.SaveAsync(NewForm("E300"))));
    }

    [Fact]
    public async Task A_save_on_top_of_someone_elses_newer_save_is_refused_and_shows_their_version()
    {
        var existing = await TestData.AddSpecialistAsync(_app, _firm.Id, "E400", latinName: "Wang Wei");
        var mine = (await AsHr(s => s.LoadAsync(existing.Id)))!;
        var theirs = (await AsHr(s => s.LoadAsync(existing.Id)))!;
        theirs.Position = "Chief Metallurgist";
        Assert.IsType<SaveOutcome.Saved>(await AsHr(s => s.SaveAsync(theirs)));

        mine.Position = "Analyst";
        var conflict = Assert.IsType<SaveOutcome.Conflict>(await AsHr(s => s.SaveAsync(mine)));

        Assert.Equal("Chief Metallurgist", conflict.Theirs.Position);
        await using var db = _app.OpenDb();
        Assert.Equal("Chief Metallurgist", (await db.Specialists.SingleAsync(s => s.Id == existing.Id)).Position);
    }

    [Fact]
    public async Task After_seeing_the_conflict_the_user_can_knowingly_save_over_it()
    {
        var existing = await TestData.AddSpecialistAsync(_app, _firm.Id, "E450");
        var mine = (await AsHr(s => s.LoadAsync(existing.Id)))!;
        var theirs = (await AsHr(s => s.LoadAsync(existing.Id)))!;
        theirs.Position = "Chief Metallurgist";
        await AsHr(s => s.SaveAsync(theirs));
        mine.Position = "Analyst";
        var conflict = Assert.IsType<SaveOutcome.Conflict>(await AsHr(s => s.SaveAsync(mine)));

        mine.Version = conflict.Theirs.Version;
        Assert.IsType<SaveOutcome.Saved>(await AsHr(s => s.SaveAsync(mine)));
    }

    [Fact]
    public async Task Only_changed_list_rows_reach_the_audit_trail()
    {
        var existing = await TestData.AddSpecialistAsync(_app, _firm.Id, "E500", adjust: s =>
        {
            s.Expertise.Add(new Expertise { Area = ExpertiseArea.IonExchange, Level = ExpertiseLevel.Basic, Years = 2 });
            s.Expertise.Add(new Expertise { Area = ExpertiseArea.AlloyCasting, Level = ExpertiseLevel.Expert, Years = 20 });
        });
        var form = (await AsHr(s => s.LoadAsync(existing.Id)))!;
        form.Expertise.Single(e => e.Area == ExpertiseArea.IonExchange).Years = 3;
        _app.Clock.Advance(TimeSpan.FromMinutes(5));
        var auditBefore = await AuditCountAsync();

        Assert.IsType<SaveOutcome.Saved>(await AsHr(s => s.SaveAsync(form)));

        await using var db = _app.OpenDb();
        var written = await db.AuditEntries.Where(a => a.Sequence > auditBefore).ToListAsync();
        Assert.Equal(["Expertise", "Specialist"], written.Select(a => a.EntityType).Order());
        Assert.Contains("\"Years\":[\"2\",\"3\"]", written.Single(a => a.EntityType == "Expertise").Changes);
    }

    [Fact]
    public async Task Concurrent_edits_of_only_the_lists_are_caught_too()
    {
        var existing = await TestData.AddSpecialistAsync(_app, _firm.Id, "E550");
        var mine = (await AsHr(s => s.LoadAsync(existing.Id)))!;
        var theirs = (await AsHr(s => s.LoadAsync(existing.Id)))!;
        theirs.Expertise.Add(new ExpertiseForm { Area = ExpertiseArea.SmCoMagnets, Level = ExpertiseLevel.Expert, Years = 9 });
        Assert.IsType<SaveOutcome.Saved>(await AsHr(s => s.SaveAsync(theirs)));

        mine.Expertise.Add(new ExpertiseForm { Area = ExpertiseArea.BondedMagnets, Level = ExpertiseLevel.Basic, Years = 1 });

        Assert.IsType<SaveOutcome.Conflict>(await AsHr(s => s.SaveAsync(mine)));
    }

    [Fact]
    public async Task Another_firms_specialist_is_not_found_for_loading_saving_or_revealing()
    {
        var theirs = await TestData.AddSpecialistAsync(_app, _otherFirm.Id, "E600", nationalId: "110101198503140018");
        var form = NewForm("E600");
        form.Id = theirs.Id;
        form.Version = theirs.Version;

        Assert.Null(await AsHr(s => s.LoadAsync(theirs.Id)));
        Assert.IsType<SaveOutcome.NotFound>(await AsHr(s => s.SaveAsync(form)));
        Assert.Null((await AsHr(s => s.RevealAsync(theirs.Id, SensitiveField.NationalId))).Number);
    }

    [Fact]
    public async Task Revealing_a_national_ID_number_is_an_audit_entry()
    {
        var existing = await TestData.AddSpecialistAsync(_app, _firm.Id, "E700", nationalId: "110101198503140018");

        var number = (await AsHr(s => s.RevealAsync(existing.Id, SensitiveField.NationalId))).Number;

        Assert.Equal("110101198503140018", number);
        await using var db = _app.OpenDb();
        var entry = await db.AuditEntries.OrderByDescending(a => a.Sequence).FirstAsync();
        Assert.Equal("RevealedNationalId", entry.Action);
        Assert.Equal(existing.Id.ToString(), entry.EntityKey);
        Assert.DoesNotContain("110101198503140018", entry.Changes);
    }

    [Fact]
    public async Task Recording_leaving_keeps_the_person_and_their_history()
    {
        var existing = await TestData.AddSpecialistAsync(_app, _firm.Id, "E800", passportNumber: "E55554444");

        var outcome = await AsHr(s => s.RecordLeavingAsync(existing.Id, existing.Version, new DateOnly(2026, 10, 31), "Moved to another employer"));

        Assert.IsType<SaveOutcome.Saved>(outcome);
        await using var db = _app.OpenDb();
        var left = await db.Specialists.Include(s => s.Passports).SingleAsync(s => s.Id == existing.Id);
        Assert.Equal(EmploymentStatus.Left, left.Status);
        Assert.Equal(new DateOnly(2026, 10, 31), left.LeftOn);
        Assert.Equal("Moved to another employer", left.LeftReason);
        Assert.Single(left.Passports);
    }

    [Fact]
    public async Task Leaving_without_a_reason_is_refused()
    {
        var existing = await TestData.AddSpecialistAsync(_app, _firm.Id, "E900");

        var invalid = Assert.IsType<SaveOutcome.Invalid>(await AsHr(s => s.RecordLeavingAsync(existing.Id, existing.Version, new DateOnly(2026, 10, 31), " ")));

        Assert.Contains("reason", invalid.Errors.Values.Single());
    }

    private SpecialistForm NewForm(string employeeNumber) => new()
    {
        EmployeeNumber = employeeNumber,
        FullName = "刘洋",
        LatinName = "Liu Yang",
        Gender = Gender.Male,
        DateOfBirth = new DateTime(1985, 3, 14),
        NationalIdNumber = "110101198503140018",
        HireDate = new DateTime(2012, 7, 1),
        Position = "Process Engineer",
    };

    private async Task<T> AsHr<T>(Func<SpecialistEditorService, Task<T>> work)
    {
        await using var scope = _app.Scope(TestUsers.FirmHr(_firm.Id));
        return await work(scope.ServiceProvider.GetRequiredService<SpecialistEditorService>());
    }

    private async Task<long> AuditCountAsync()
    {
        await using var db = _app.OpenDb();
        return await db.AuditEntries.LongCountAsync();
    }
}
