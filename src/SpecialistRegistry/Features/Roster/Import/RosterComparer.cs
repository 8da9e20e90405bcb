using Microsoft.Extensions.Localization;
using SpecialistRegistry.Domain;
using SpecialistRegistry.Domain.Records;
using SpecialistRegistry.Files.Roster;

namespace SpecialistRegistry.Features.Roster.Import;

/// <summary>
/// Matches the file's rows to the firm's roster by employee number and decides for each: new, changed,
/// unchanged, or rejected. Also makes the checks only the database can answer: a national ID or passport
/// number that belongs to another person of the firm, and a current passport the file would drop.
/// </summary>
internal static class RosterComparer
{
    public static ImportCounts Compare(IReadOnlyList<ImportedRow> rows, RosterSnapshot snapshot, string? sheet, RosterLanguage language, IStringLocalizer<RosterText> text, ProblemList problems,
        IProgress<ImportProgress>? progress, CancellationToken ct, out Dictionary<string, Guid?> versions)
    {
        versions = new Dictionary<string, Guid?>(StringComparer.Ordinal);
        int added = 0, changed = 0, unchanged = 0, rejected = 0;
        for (var i = 0; i < rows.Count; i++)
        {
            if (i % 1000 == 0)
            {
                ct.ThrowIfCancellationRequested();
                progress?.Report(new ImportProgress(ImportPhase.Comparing, i, rows.Count));
            }
            var row = rows[i];
            var person = row.Person;
            var existing = row.Rejected ? null : snapshot.ByEmployee.GetValueOrDefault(person.EmployeeNumber);
            if (!row.Rejected)
                row.Rejected = !CheckAgainstRoster(row, existing, snapshot, sheet, language, text, problems);
            row.ExistingId = existing?.Id;
            row.Changes = existing is null || row.Rejected ? [] : SpecialistRecordDiff.Changes(existing.Record, FileRecord(row));
            row.Outcome = row.Rejected ? RowOutcome.Rejected
                : existing is null ? RowOutcome.New
                : row.Changes.Count == 0 ? RowOutcome.Unchanged
                : RowOutcome.Changed;
            switch (row.Outcome)
            {
                case RowOutcome.Rejected: rejected++; continue;
                case RowOutcome.New: added++; break;
                case RowOutcome.Changed: changed++; break;
                default: unchanged++; break;
            }
            versions[person.EmployeeNumber] = existing?.Version;
        }
        progress?.Report(new ImportProgress(ImportPhase.Comparing, rows.Count, rows.Count));
        return new ImportCounts(added, changed, unchanged, rejected);
    }

    private static bool CheckAgainstRoster(ImportedRow row, ExistingPerson? existing, RosterSnapshot snapshot, string? sheet, RosterLanguage language,
        IStringLocalizer<RosterText> text, ProblemList problems)
    {
        var ok = true;
        var person = row.Person;
        var nationalIdColumn = RosterFormat.SpecialistColumns[(int)SpecialistField.NationalIdNumber].Header(language);
        var passportColumn = RosterFormat.SpecialistColumns[(int)SpecialistField.PassportNumber].Header(language);
        // A masked number (from a masked export) stands for the number on record that ends the same way.
        if (RosterRowParser.IsMasked(person.NationalIdNumber))
        {
            if (OnRecord(person.NationalIdNumber, existing?.Record.NationalId) is { } hash)
                row.NationalIdHash = hash;
            else
                ok = Refuse(text["MaskedNumberNotOnRecord", text["Noun_NationalIdNumber"], person.NationalIdNumber], nationalIdColumn);
        }
        if (person.Passport is { } masked && RosterRowParser.IsMasked(masked.Number))
        {
            if (OnRecord(masked.Number, existing?.Record.Passport?.Number) is { } hash)
                row.PassportHash = hash;
            else
                ok = Refuse(text["MaskedNumberNotOnRecord", text["Noun_PassportNumber"], masked.Number], passportColumn);
        }
        bool Refuse(string message, string column)
        {
            problems.Add(new ImportProblem(sheet, row.Row, column, message));
            return false;
        }
        if (row.NationalIdHash.Length > 0 && Other(snapshot.ByNationalIdHash, row.NationalIdHash, person.EmployeeNumber) is { } idOwner)
        {
            problems.Add(new ImportProblem(sheet, row.Row, nationalIdColumn,
                text["NationalIdBelongsTo", RosterRowParser.Masked(person.NationalIdNumber), text["PersonAndName", idOwner.EmployeeNumber, idOwner.FullName]]));
            ok = false;
        }
        if (row.PassportHash.Length > 0 && Other(snapshot.ByPassportHash, row.PassportHash, person.EmployeeNumber) is { } passportOwner)
        {
            problems.Add(new ImportProblem(sheet, row.Row, passportColumn,
                text["PassportBelongsTo", RosterRowParser.Masked(person.Passport!.Number), text["PersonAndName", passportOwner.EmployeeNumber, passportOwner.FullName]]));
            ok = false;
        }
        if (person.Passport is { } filed && existing is not null && existing.PassportsInCustody.TryGetValue(row.PassportHash, out var held)
            && (filed.IssuingCountry != held.IssuingCountry || filed.IssuedOn != held.IssuedOn || filed.ExpiresOn != held.ExpiresOn))
        {
            problems.Add(new ImportProblem(sheet, row.Row, passportColumn, text["PassportInCustodyLocked", held.Number]));
            ok = false;
        }
        if (person.Passport is null && existing?.Record.Passport is { } current)
        {
            problems.Add(new ImportProblem(sheet, row.Row, passportColumn,
                text["CannotRemovePassport", person.EmployeeNumber, current.Number]));
            ok = false;
        }
        return ok;
    }

    private static ExistingPerson? Other(Dictionary<string, List<ExistingPerson>> index, string hash, string employeeNumber) =>
        index.TryGetValue(hash, out var owners) ? owners.FirstOrDefault(o => o.EmployeeNumber != employeeNumber) : null;


    private static string? OnRecord(string masked, MaskedNumber? recorded) =>
        recorded is { IsEmpty: false } r && string.Equals(MaskedNumber.Mask + r.Last4, masked, StringComparison.OrdinalIgnoreCase) ? r.Hash : null;

    internal static SpecialistRecord FileRecord(ImportedRow row) => row.Person.ToRecord(row.NationalIdHash, row.PassportHash);
}
