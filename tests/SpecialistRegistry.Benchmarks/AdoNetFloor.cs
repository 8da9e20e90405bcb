using System.Globalization;
using Microsoft.Data.Sqlite;
using SpecialistRegistry.Data;
using SpecialistRegistry.Features.Roster.Import;
using SpecialistRegistry.Domain.Records;
using SpecialistRegistry.Files;
using SpecialistRegistry.Files.Roster;
using SpecialistRegistry.Files.Reading;

namespace SpecialistRegistry.Benchmarks;

/// <summary>
/// The floor: the same roster rows (encrypted numbers included) inserted with plain prepared statements in one
/// transaction. No parsing, no validation, no change tracking and no audit trail: what any import must at least cost.
/// </summary>
internal static class AdoNetFloor
{
    public static int Insert(string databaseFile, Guid firmId, IReadOnlyList<RosterPerson> people, FieldProtector protector)
    {
        using var connection = new SqliteConnection($"Data Source={databaseFile};Foreign Keys=True");
        connection.Open();
        using var tx = connection.BeginTransaction();
        var specialist = Prepare(connection, tx, "Specialists",
            "Id", "FirmId", "EmployeeNumber", "FullName", "LatinName", "Gender", "DateOfBirth", "Nationality", "Phone", "Email", "Position",
            "Department", "HireDate", "Status", "LeftOn", "LeftReason", "UpdatedAt", "Version", "NationalId_Cipher", "NationalId_Last4", "NationalId_LookupHash");
        var expertise = Prepare(connection, tx, "Expertise", "Id", "SpecialistId", "Area", "Level", "Years");
        var education = Prepare(connection, tx, "Education", "Id", "SpecialistId", "Degree", "Field", "Institution", "Country", "GraduationYear");
        var research = Prepare(connection, tx, "ResearchRecords", "Id", "SpecialistId", "Kind", "Title", "Year", "Role", "Reference");
        var passport = Prepare(connection, tx, "Passports",
            "Id", "SpecialistId", "IssuingCountry", "IssuedOn", "ExpiresOn", "IsCurrent", "ReplacesPassportId", "CustodyStatus", "DueBackOn", "Version",
            "Number_Cipher", "Number_Last4", "Number_LookupHash");
        var rows = 0;
        var now = DateTimeOffset.UtcNow.UtcTicks;
        foreach (var p in people)
        {
            var id = Guid.CreateVersion7();
            var nationalId = protector.Protect(p.NationalIdNumber);
            rows += Run(specialist, Key(id), Key(firmId), p.EmployeeNumber, p.FullName, p.LatinName, p.Gender.ToString(), Date(p.DateOfBirth),
                p.Nationality, p.Phone, p.Email, p.Position, p.Department, Date(p.HireDate), p.Status.ToString(), null, null, now,
                Key(Guid.NewGuid()), nationalId.Cipher, nationalId.Last4, nationalId.LookupHash);
            foreach (var e in p.Expertise)
                rows += Run(expertise, Key(Guid.CreateVersion7()), Key(id), e.Area.ToString(), e.Level.ToString(), e.Years);
            foreach (var e in p.Education)
                rows += Run(education, Key(Guid.CreateVersion7()), Key(id), e.Degree.ToString(), e.Field, e.Institution, e.Country, e.GraduationYear);
            foreach (var r in p.Research)
                rows += Run(research, Key(Guid.CreateVersion7()), Key(id), r.Kind.ToString(), r.Title, r.Year, r.Role, r.Reference);
            if (p.Passport is { } pp)
            {
                var number = protector.Protect(pp.Number);
                rows += Run(passport, Key(Guid.CreateVersion7()), Key(id), pp.IssuingCountry, Date(pp.IssuedOn), Date(pp.ExpiresOn), 1, null,
                    "NotHeld", null, Key(Guid.NewGuid()), number.Cipher, number.Last4, number.LookupHash);
            }
        }
        tx.Commit();
        return rows;
    }

    private static SqliteCommand Prepare(SqliteConnection connection, SqliteTransaction tx, string table, params string[] columns)
    {
        var command = connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = $"INSERT INTO \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) " +
                              $"VALUES ({string.Join(", ", columns.Select((_, i) => $"$p{i}"))})";
        for (var i = 0; i < columns.Length; i++)
            command.Parameters.Add(new SqliteParameter($"$p{i}", null));
        command.Prepare();
        return command;
    }

    private static int Run(SqliteCommand command, params object?[] values)
    {
        for (var i = 0; i < values.Length; i++)
            command.Parameters[i].Value = values[i] ?? DBNull.Value;
        return command.ExecuteNonQuery();
    }

    // EF Core's SQLite provider stores a Guid as upper-case text and a DateOnly as yyyy-MM-dd.
    private static string Key(Guid id) => id.ToString().ToUpperInvariant();

    private static string Date(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
