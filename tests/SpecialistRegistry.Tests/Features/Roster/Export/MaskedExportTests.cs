using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SpecialistRegistry.Domain;
using SpecialistRegistry.Features.Roster.Export;
using SpecialistRegistry.Files;
using SpecialistRegistry.Files.Roster;
using SpecialistRegistry.Tests.Features.Roster.Import;
using SpecialistRegistry.Tests.Infrastructure;

namespace SpecialistRegistry.Tests.Features.Roster.Export;

/// <summary>
/// The roster export masks passport and ID numbers unless a reason is given; a full export is audited for each
/// person it carries; importing a masked export keeps the numbers on record.
/// </summary>
public sealed class MaskedExportTests(RosterFixture fixture) : IClassFixture<RosterFixture>
{
    [Theory]
    [InlineData(TableFormat.Csv)]
    [InlineData(TableFormat.Xlsx)]
    public async Task The_default_export_carries_no_full_number_and_importing_it_keeps_the_numbers(TableFormat format)
    {
        var firm = await fixture.NewFirmAsync();
        var people = RosterSamples.People(3);
        await fixture.ImportAsync(firm, people);

        var file = await fixture.ExportAsync(firm, format);

        var cells = Cells(format, file);
        foreach (var p in people)
        {
            Assert.DoesNotContain(p.NationalIdNumber, cells);
            Assert.DoesNotContain(p.Passport!.Number, cells);
            Assert.Contains("••••" + p.NationalIdNumber[^4..], cells);
            Assert.Contains("••••" + p.Passport.Number[^4..], cells);
        }
        var again = await fixture.DryRunAsync(firm, $"roster.{format.Extension()}", file);
        Assert.Empty(again.Problems);
        Assert.Equal(3, again.Counts.Unchanged);
    }

    [Fact]
    public async Task A_masked_file_with_a_changed_expiry_updates_the_passport_and_keeps_its_number()
    {
        var firm = await fixture.NewFirmAsync();
        var person = RosterSamples.Person(7);
        await fixture.ImportAsync(firm, [person]);
        var rows = RosterFiles.CsvRows([person]);
        rows[0]["NationalIdNumber"] = "****" + person.NationalIdNumber[^4..];
        rows[0]["PassportNumber"] = "••••" + person.Passport!.Number[^4..];
        rows[0]["PassportExpiresOn"] = "2031-06-30";

        var preview = await fixture.DryRunAsync(firm, "roster.csv", Encoding.UTF8.GetBytes(RosterFiles.CsvText(rows)));
        Assert.Empty(preview.Problems);
        var change = Assert.Single(Assert.Single(preview.Changes).Fields);
        Assert.Equal("2031-06-30", change.New);
        await fixture.CommitAsync(firm, preview);

        await using var db = fixture.App.OpenDb();
        var passport = await db.Passports.SingleAsync(p => p.Specialist!.FirmId == firm);
        Assert.Equal(person.Passport.Number, fixture.App.Get<SpecialistRegistry.Data.FieldProtector>().Reveal(passport.Number));
        Assert.Equal(new DateOnly(2031, 6, 30), passport.ExpiresOn);
    }

    [Fact]
    public async Task A_masked_number_that_is_not_on_record_is_refused_with_a_message()
    {
        var firm = await fixture.NewFirmAsync();
        var known = RosterSamples.Person(1);
        await fixture.ImportAsync(firm, [known]);
        var rows = RosterFiles.CsvRows([known, RosterSamples.Person(2)]);
        rows[0]["PassportNumber"] = "••••9999"; // not how the number on record ends
        rows[1]["NationalIdNumber"] = "••••1234"; // a new person has no number on record

        var preview = await fixture.DryRunAsync(firm, "roster.csv", Encoding.UTF8.GetBytes(RosterFiles.CsvText(rows)));

        Assert.Equal(2, preview.Counts.Rejected);
        Assert.Contains(preview.Problems, p => p.Row == 2 && p.Column == "PassportNumber" && p.Message.Contains("passport number is masked (••••9999)"));
        Assert.Contains(preview.Problems, p => p.Row == 3 && p.Column == "NationalIdNumber" && p.Message.Contains("Enter the full number"));
    }

    [Fact]
    public async Task A_full_export_needs_a_reason_and_records_it_for_each_person_it_carries()
    {
        var firm = await fixture.NewFirmAsync();
        var people = RosterSamples.People(2, first: 20);
        people.Add(RosterSamples.Person(22));
        people[2].NationalIdNumber = "";
        people[2].Passport = null;
        await fixture.ImportAsync(firm, people);
        await using var scope = fixture.App.Scope(TestUsers.FirmHr(firm));
        var export = scope.ServiceProvider.GetRequiredService<RosterExportService>();

        await Assert.ThrowsAsync<DomainException>(() => export.RecordFullExportAsync(TableFormat.Csv, RosterLanguage.English, "   short   "));
        var file = await fixture.ExportAsync(firm, TableFormat.Csv, fullNumbersReason: "Annual return to the exit-entry office");

        var cells = Cells(TableFormat.Csv, file);
        Assert.Contains(people[0].NationalIdNumber, cells);
        Assert.Contains(people[1].Passport!.Number, cells);
        await using var db = fixture.App.OpenDb();
        var ids = await db.Specialists.Where(s => s.FirmId == firm).ToDictionaryAsync(s => s.EmployeeNumber, s => s.Id.ToString());
        var perPerson = await db.AuditEntries.Where(a => a.Action == "FullNumbersExported").ToListAsync();
        Assert.Equal(new[] { ids[people[0].EmployeeNumber], ids[people[1].EmployeeNumber] }.Order(), perPerson.Where(a => ids.ContainsValue(a.EntityKey)).Select(a => a.EntityKey).Order());
        Assert.All(perPerson, a => Assert.Contains("Annual return to the exit-entry office", a.Changes));
        var summary = await db.AuditEntries.Where(a => a.Action == "RosterExported" && a.EntityKey == firm.ToString()).ToListAsync();
        Assert.Single(summary, a => a.Changes.Contains("\"numbers\":\"full\"") && a.Changes.Contains("\"specialists\":\"2\""));
        Assert.DoesNotContain(summary, a => a.Changes.Contains(people[0].NationalIdNumber));
    }

    private static List<string> Cells(TableFormat format, byte[] file)
    {
        var read = format == TableFormat.Csv
            ? SpecialistRegistry.Files.Reading.CsvTableReader.Read(file, _ => true, 1000, CancellationToken.None)
            : SpecialistRegistry.Files.Reading.XlsxTableReader.Read(file, [.. RosterFormat.XlsxSheets.Select(s => s.Name)], 1000, CancellationToken.None);
        return [.. read.Sheets!.Values.SelectMany(rows => rows).SelectMany(r => r.Cells)];
    }
}
