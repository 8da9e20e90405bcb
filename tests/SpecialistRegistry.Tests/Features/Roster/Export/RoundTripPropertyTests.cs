using CsCheck;
using Microsoft.EntityFrameworkCore;
using SpecialistRegistry.Domain;
using SpecialistRegistry.Domain.Records;
using SpecialistRegistry.Features.Roster.Import;
using SpecialistRegistry.Files;
using SpecialistRegistry.Files.Roster;
using SpecialistRegistry.Tests.Features.Roster.Import;

namespace SpecialistRegistry.Tests.Features.Roster.Export;

/// <summary>
/// Generated rosters full of what breaks files — characters outside the Basic Multilingual Plane, combining
/// marks, middle dots and full-width spaces inside names, line breaks, commas, quotes and list separators in
/// cells, leading zeros, formula-like text, values of the longest allowed length — are imported, exported in
/// both formats and both languages, and the exports imported again: every export must read back as the roster
/// it came from.
/// </summary>
public sealed class RoundTripPropertyTests(RosterFixture fixture) : IClassFixture<RosterFixture>
{
    private static readonly string[] Pieces =
        ["王", "李", "娜", "𠮷", "𩸽", "😀", "e\u0301", "·", "\u3000", ",", "\"", "'", ";", "|", "\\", "=", "+", "-", "@", "0", "7", "a", "Z", " ", "\t", "&", "<", "#"];

    private static readonly string[] Starts = ["", "", "", "", "=", "+", "-", "@", "'", "''", "'=", "0", "00"];

    /// <summary>Text as the roster stores it (trimmed, never empty), at most <paramref name="max"/> UTF-16 units; sometimes exactly that long.</summary>
    private static Gen<string> Text(int max, bool lineBreaks = false) =>
        Gen.Select(Gen.OneOf(Starts), Gen.OneOf(lineBreaks ? (string[])[.. Pieces, "\n", "\n"] : Pieces).Array[1, 12], Gen.Int[0, 9],
            (start, pieces, longest) => Fit(start + string.Concat(pieces), max, longest == 0));

    private static string Fit(string value, int max, bool longest)
    {
        value = value.Trim();
        if (value.Length > max)
            value = value[..(char.IsHighSurrogate(value[max - 1]) ? max - 1 : max)].Trim();
        if (value.Length == 0)
            value = "x";
        // The longest allowed value: what a column's limit lets through must come back whole.
        return longest && value.Length < max ? value + new string('长', max - value.Length) : value;
    }

    private static Gen<string> Optional(Gen<string> text) => Gen.Frequency((1, Gen.Const("")), (3, text));

    private static readonly Gen<DateOnly> Dates = Gen.Int[0, 9000].Select(d => new DateOnly(1960, 1, 1).AddDays(d));

    private static readonly Gen<RosterPerson> Person =
        Gen.Select(Gen.Select(Text(100), Text(100), Text(60), Optional(Text(100)), Optional(Text(100, lineBreaks: true))),
                Gen.Select(Gen.OneOf(Enum.GetValues<Gender>()), Dates, Gen.Int[0, 3000], Gen.Bool, Optional(Text(500, lineBreaks: true))),
                Gen.Select(Gen.Bool, Text(60), Gen.Int[0, 3000], Gen.OneOf("", "00", "-", "=", "'", "E")),
                Gen.Select(Gen.OneOf(Enum.GetValues<ExpertiseArea>()).Array[0, 4],
                    Gen.Select(Gen.OneOf(Enum.GetValues<Degree>()), Text(150), Text(200), Text(60), Gen.Int[1950, 2024]).List[0, 3],
                    Gen.Select(Gen.OneOf(Enum.GetValues<ResearchKind>()), Text(300, lineBreaks: true), Gen.Int[1950, 2024], Optional(Text(100)),
                        Optional(Text(200))).List[0, 3]),
                (names, life, passport, lists) =>
                {
                    var (fullName, latinName, nationality, position, department) = names;
                    var (gender, born, hiredAfter, left, leftReason) = life;
                    var (hasPassport, country, issuedAfter, numberStart) = passport;
                    var (areas, education, research) = lists;
                    var hired = born.AddYears(18).AddDays(hiredAfter);
                    const int index = 0;
                    var person = new RosterPerson
                    {
                        EmployeeNumber = $"{numberStart}{index:D5}",
                        FullName = fullName,
                        LatinName = latinName,
                        Gender = gender,
                        DateOfBirth = born,
                        Nationality = nationality,
                        NationalIdNumber = index % 3 == 0 ? "" : $"00{index:D6}X",
                        Phone = $"+86 138 0000 {index:D4}",
                        Email = index % 2 == 0 ? $"+p{index}@example.cn" : "",
                        Position = position,
                        Department = department,
                        HireDate = hired,
                        Status = left ? EmploymentStatus.Left : EmploymentStatus.Current,
                        LeftOn = left ? hired.AddDays(30) : null,
                        LeftReason = left ? (leftReason.Length > 0 ? leftReason : "Resigned") : null,
                        Passport = hasPassport ? new RosterPassport($"0E{index:D7}", country, new DateOnly(2015, 1, 1).AddDays(issuedAfter), new DateOnly(2035, 1, 1)) : null,
                    };
                    person.Expertise.AddRange(areas.Distinct().Select((a, k) => new ExpertiseItem(a, (ExpertiseLevel)(k % 4), k * 3)));
                    person.Education.AddRange(education.Select(e => new EducationItem(e.Item1, e.Item2, e.Item3, e.Item4, e.Item5)));
                    person.Research.AddRange(research.Select(r => new ResearchItem(r.Item1, r.Item2, r.Item3, r.Item4, r.Item5)));
                    return person;
                });

    private static readonly Gen<List<RosterPerson>> Rosters = Person.List[1, 5].Select(people => people.Select(Numbered).ToList());

    /// <summary>Gives the person the <paramref name="index"/>-th unique employee, ID, passport number and contacts (the generator wrote 0).</summary>
    private static RosterPerson Numbered(RosterPerson p, int index)
    {
        index++;
        p.EmployeeNumber = p.EmployeeNumber[..^5] + $"{index:D5}";
        p.NationalIdNumber = index % 3 == 0 ? "" : $"00{index:D6}X";
        p.Phone = $"+86 138 0000 {index:D4}";
        p.Email = index % 2 == 0 ? $"+p{index}@example.cn" : "";
        if (p.Passport is { } passport)
            p.Passport = passport with { Number = $"0E{index:D7}" };
        return p;
    }

    [Fact]
    public async Task Every_generated_roster_exports_and_imports_back_unchanged_in_both_formats()
    {
        await Rosters.SampleAsync(async people =>
        {
            var firm = await fixture.NewFirmAsync();
            var first = await fixture.DryRunAsync(firm, "roster.csv", await RosterFiles.CsvAsync(people));
            Assert.True(first.Problems.Count == 0, string.Join(Environment.NewLine, first.Problems.Select(p => $"{p.Row} {p.Column}: {p.Message}")));
            await fixture.CommitAsync(firm, first);
            await AssertStoredAsExpectedAsync(firm, people);

            // Masked exports (the default) and full-number ones both come back unchanged.
            foreach (var (format, language, reason) in new[] { (TableFormat.Csv, RosterLanguage.English, (string?)null), (TableFormat.Xlsx, RosterLanguage.English, null),
                         (TableFormat.Csv, RosterLanguage.Chinese, null), (TableFormat.Xlsx, RosterLanguage.Chinese, null),
                         (TableFormat.Csv, RosterLanguage.English, "Round trip with full numbers"), (TableFormat.Xlsx, RosterLanguage.Chinese, "Round trip with full numbers") })
            {
                var name = $"export-{language}{(reason is null ? "" : "-full")}.{format.Extension()}";
                var again = await fixture.DryRunAsync(firm, name, await fixture.ExportAsync(firm, format, language, reason));
                Assert.True(again.Problems.Count == 0, $"{name}: " + string.Join(Environment.NewLine, again.Problems.Select(p => $"{p.Row} {p.Column}: {p.Message}")));
                Assert.True(again.Changes.Count == 0, $"{name}: " + string.Join(Environment.NewLine,
                    again.Changes.SelectMany(c => c.Fields.Select(f => $"{c.EmployeeNumber} {f.Field}: [{f.Old}] → [{f.New}]"))));
                Assert.Equal(new ImportCounts(0, 0, people.Count, 0), again.Counts);
            }
        }, iter: 100, threads: 1);
    }

    /// <summary>The import itself keeps every character: what is stored is what the file said.</summary>
    private async Task AssertStoredAsExpectedAsync(Guid firm, List<RosterPerson> people)
    {
        await using var db = fixture.App.OpenDb();
        var stored = await db.Specialists.Where(s => s.FirmId == firm).Include(s => s.Research).ToDictionaryAsync(s => s.EmployeeNumber);
        foreach (var person in people)
        {
            var s = stored[person.EmployeeNumber];
            Assert.Equal(person.FullName, s.FullName);
            Assert.Equal(person.LatinName, s.LatinName);
            Assert.Equal(person.Position, s.Position);
            Assert.Equal(person.LeftReason ?? "", s.LeftReason ?? "");
            Assert.Equal(person.Research.Select(r => r.Title).Order(StringComparer.Ordinal), s.Research.Select(r => r.Title).Order(StringComparer.Ordinal));
        }
    }
}
