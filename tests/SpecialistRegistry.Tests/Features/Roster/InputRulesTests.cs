using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SpecialistRegistry.Domain;
using SpecialistRegistry.Domain.Records;
using SpecialistRegistry.Features.Roster;
using SpecialistRegistry.Features.Roster.Import;
using SpecialistRegistry.Localization;
using SpecialistRegistry.Tests.Features.Roster.Import;
using SpecialistRegistry.Tests.Infrastructure;

namespace SpecialistRegistry.Tests.Features.Roster;

/// <summary>
/// Impossible dates and unclean text, typed into the editor or imported from a file, end in a message on the
/// field or cell concerned: never an exception, and nothing is written.
/// </summary>
public sealed class InputRulesTests
{
    private static SpecialistForm NewForm() => new()
    {
        EmployeeNumber = "R100",
        FullName = "刘洋",
        LatinName = "Liu Yang",
        Gender = Gender.Male,
        DateOfBirth = new DateTime(1985, 3, 14),
        HireDate = new DateTime(2012, 7, 1),
        Position = "Process Engineer",
    };

    private static async Task<SaveOutcome> SaveAsync(TestApp app, Guid firmId, SpecialistForm form)
    {
        await using var scope = app.Scope(TestUsers.FirmHr(firmId));
        return await scope.ServiceProvider.GetRequiredService<SpecialistEditorService>().SaveAsync(form);
    }

    private static async Task<IReadOnlyDictionary<string, string>> ErrorsAsync(TestApp app, Guid firmId, SpecialistForm form)
    {
        var invalid = Assert.IsType<SaveOutcome.Invalid>(await SaveAsync(app, firmId, form));
        await using var db = app.OpenDb();
        Assert.Equal(0, await db.Specialists.CountAsync());
        return invalid.Errors;
    }

    private static async Task<ImportPreview> DryRunAsync(TestApp app, Guid firmId, byte[] csv)
    {
        await using var scope = app.Scope(TestUsers.FirmHr(firmId));
        return await scope.ServiceProvider.GetRequiredService<RosterImportService>().DryRunAsync(new ImportFile("roster.csv", csv));
    }

    [Theory]
    [MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task Out_of_range_dates_in_the_editor_get_a_message_not_an_exception(TestProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var firm = await TestData.AddFirmAsync(app);

        var endOfTime = NewForm();
        endOfTime.DateOfBirth = new DateTime(9999, 12, 31);
        endOfTime.HireDate = new DateTime(9999, 12, 31);
        endOfTime.Passports.Add(new PassportForm { Number = "E12345678", IssuedOn = new DateTime(9999, 12, 30), ExpiresOn = new DateTime(9999, 12, 31) });
        var errors = await ErrorsAsync(app, firm.Id, endOfTime);
        Assert.Equal("The date of birth is in the future.", errors[nameof(SpecialistForm.DateOfBirth)]);
        Assert.Equal("The hire date can be at most a year ahead.", errors[nameof(SpecialistForm.HireDate)]);
        Assert.Equal("The passport's issue date is in the future.", errors["Passports[0].IssuedOn"]);

        var ancient = NewForm();
        ancient.DateOfBirth = new DateTime(1850, 1, 1);
        ancient.HireDate = new DateTime(1, 1, 1);
        ancient.Passports.Add(new PassportForm { Number = "E12345678", IssuedOn = new DateTime(1899, 12, 31), ExpiresOn = new DateTime(1905, 1, 1) });
        errors = await ErrorsAsync(app, firm.Id, ancient);
        Assert.Equal("The date of birth is before 1900.", errors[nameof(SpecialistForm.DateOfBirth)]);
        Assert.Equal("The hire date is before 1900.", errors[nameof(SpecialistForm.HireDate)]);
        Assert.Equal("The passport's issue date is before 1900.", errors["Passports[0].IssuedOn"]);

        var forever = NewForm();
        forever.Passports.Add(new PassportForm { Number = "E12345678", IssuedOn = new DateTime(2020, 1, 1), ExpiresOn = new DateTime(9999, 12, 31) });
        errors = await ErrorsAsync(app, firm.Id, forever);
        Assert.Equal("A passport is valid for at most 20 years: check the expiry date.", errors["Passports[0].ExpiresOn"]);

        using (CultureScope.Chinese())
            errors = await ErrorsAsync(app, firm.Id, endOfTime);
        Assert.Equal("出生日期晚于今天。", errors[nameof(SpecialistForm.DateOfBirth)]);
    }

    [Theory]
    [MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task Unclean_text_in_the_editor_is_refused_under_its_field(TestProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var firm = await TestData.AddFirmAsync(app);
        var form = NewForm();
        form.FullName = "\u200B\u200D";
        form.LatinName = "Liu\u202EgnaY";
        form.Position = "Engineer\0";
        form.Department = "Line one\nLine two";
        form.Research.Add(new ResearchForm { Kind = ResearchKind.Patent, Title = "Magnets \uD842", Year = 2019, Role = "Lead", Reference = "CN1" });
        form.Passports.Add(new PassportForm { Number = " - - ", IssuedOn = new DateTime(2022, 1, 1), ExpiresOn = new DateTime(2032, 1, 1) });
        form.Passports.Add(new PassportForm { Number = "\u200B", IssuedOn = new DateTime(2022, 1, 1), ExpiresOn = new DateTime(2032, 1, 1) });

        var errors = await ErrorsAsync(app, firm.Id, form);

        Assert.Equal(CleanText.Message(TextProblem.Invisible), errors[nameof(SpecialistForm.FullName)]);
        Assert.Equal(CleanText.Message(TextProblem.BidiControl), errors[nameof(SpecialistForm.LatinName)]);
        Assert.Equal(CleanText.Message(TextProblem.ControlCharacter), errors[nameof(SpecialistForm.Position)]);
        Assert.DoesNotContain(nameof(SpecialistForm.Department), errors.Keys);
        Assert.Equal(CleanText.Message(TextProblem.LoneSurrogate), errors["Research[0].Title"]);
        Assert.Equal("The passport number holds only spaces or separators.", errors["Passports[0].Number"]);
        Assert.Equal(CleanText.Message(TextProblem.Invisible), errors["Passports[1].Number"]);
    }

    [Fact]
    public async Task A_list_over_two_thousand_items_is_refused_in_the_editor()
    {
        await using var app = await TestApp.StartAsync();
        var firm = await TestData.AddFirmAsync(app);
        var form = NewForm();
        form.Research.AddRange(Enumerable.Range(0, CleanText.MaxListItems + 1)
            .Select(i => new ResearchForm { Kind = ResearchKind.Publication, Title = $"Paper {i}", Year = 2019, Role = "Author", Reference = $"R{i}" }));

        var errors = await ErrorsAsync(app, firm.Id, form);

        Assert.Equal("This list has 2001 items; at most 2000 are allowed.", errors[nameof(SpecialistForm.Research)]);
    }

    [Theory]
    [MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task The_import_names_each_unclean_cell_and_each_impossible_date_and_commits_nothing(TestProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var firmId = (await TestData.AddFirmAsync(app)).Id;
        var people = RosterSamples.People(7);
        people[0].FullName = "\u200B";
        people[1].LatinName = "Li\u202ENa";
        // (NUL itself makes the whole CSV "binary data", refused before any cell is read.)
        people[2].Position = "Chemist\u0007";
        // (A lone surrogate cannot reach the import: UTF-8 and the workbook's XML cannot carry one. The editor test covers it.)
        people[4].DateOfBirth = new DateOnly(9999, 12, 31);
        people[5].HireDate = new DateOnly(9999, 12, 31);
        people[6].Passport = people[6].Passport! with { ExpiresOn = new DateOnly(9999, 12, 31) };
        var csv = RosterFiles.CsvRows(people);
        csv[0]["PassportNumber"] = " - ";

        var preview = await DryRunAsync(app, firmId, RosterFiles.Utf8(RosterFiles.CsvText(csv)));

        string ProblemAt(int row, string column) =>
            preview.Problems.SingleOrDefault(p => p.Row == row && p.Column == column)?.Message
            ?? throw new Xunit.Sdk.XunitException($"No problem at row {row}, {column}: " + string.Join("; ", preview.Problems.Select(p => $"{p.Row} {p.Column}: {p.Message}")));
        Assert.Equal(CleanText.Message(TextProblem.Invisible), ProblemAt(2, "FullName"));
        Assert.Equal(CleanText.Message(TextProblem.BidiControl), ProblemAt(3, "LatinName"));
        Assert.Equal(CleanText.Message(TextProblem.ControlCharacter), ProblemAt(4, "Position"));
        Assert.Equal("The date of birth is in the future.", ProblemAt(6, "DateOfBirth"));
        Assert.Equal("The hire date is more than a year in the future.", ProblemAt(7, "HireDate"));
        Assert.Equal("A passport is valid for at most 20 years: check the expiry date.", ProblemAt(8, "PassportExpiresOn"));
        Assert.Equal("The passport number holds only spaces or separators.", ProblemAt(2, "PassportNumber"));
        Assert.False(preview.CanCommit);
        await using var db = app.OpenDb();
        Assert.Equal(0, await db.Specialists.CountAsync());
    }

    [Fact]
    public async Task An_import_cell_with_more_than_two_thousand_list_items_is_refused()
    {
        await using var app = await TestApp.StartAsync();
        var firmId = (await TestData.AddFirmAsync(app)).Id;
        var person = RosterSamples.Person(1);
        person.Research.AddRange(Enumerable.Range(0, CleanText.MaxListItems + 1).Select(i => new ResearchItem(ResearchKind.Publication, $"Paper {i}", 2019, "Author", $"R{i}")));

        var preview = await DryRunAsync(app, firmId, await RosterFiles.CsvAsync([person]));

        Assert.Contains(preview.Problems, p => p.Row == 2 && p.Message == $"This list has {person.Research.Count} items; at most 2000 are allowed.");
    }
}
