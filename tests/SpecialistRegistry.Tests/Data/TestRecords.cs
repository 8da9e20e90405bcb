using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SpecialistRegistry.Data;
using SpecialistRegistry.Domain;
using SpecialistRegistry.Tests.Infrastructure;

namespace SpecialistRegistry.Tests.Data;

/// <summary>Valid firms, specialists and passports for data-layer tests; every call gives unique keys.</summary>
internal static class TestRecords
{
    public static Firm Firm(string name = "Test Magnets") => new()
    {
        Name = name,
        // 18 characters, unique per call: the column is fixed-length and has a unique index.
        CreditCode = "91" + Guid.NewGuid().ToString("N")[..16].ToUpperInvariant(),
        Segment = IndustrySegment.PermanentMagnets,
        Region = "Zhejiang",
    };

    public static Specialist Specialist(Guid firmId, FieldProtector protector, string nationalId = "110101199003071234",
        string latinName = "Zhang Wei") => new()
    {
        FirmId = firmId,
        EmployeeNumber = "E" + Guid.NewGuid().ToString("N")[..8],
        FullName = latinName,
        LatinName = latinName,
        Gender = Gender.Male,
        DateOfBirth = new DateOnly(1990, 3, 7),
        Nationality = "China",
        NationalId = protector.Protect(nationalId),
        Position = "Process engineer",
        Department = "Separation",
        HireDate = new DateOnly(2015, 7, 1),
    };

    public static Passport Passport(Guid specialistId, FieldProtector protector, string number = "E12345678") => new()
    {
        SpecialistId = specialistId,
        Number = protector.Protect(number),
        IssuingCountry = "China",
        IssuedOn = new DateOnly(2020, 1, 15),
        ExpiresOn = new DateOnly(2030, 1, 14),
    };

    public static async Task<List<AuditEntry>> AuditTrailAsync(TestApp app)
    {
        await using var db = app.OpenDb();
        return await db.AuditEntries.AsNoTracking().OrderBy(a => a.Sequence).ToListAsync();
    }

    /// <summary>A change entry's Changes as field → [old, new], with JSON escapes (like \u2022) decoded.</summary>
    public static Dictionary<string, (string? Old, string? New)> ChangesOf(AuditEntry entry) =>
        JsonSerializer.Deserialize<Dictionary<string, string?[]>>(entry.Changes)!
            .ToDictionary(kv => kv.Key, kv => kv.Value is [var old, var now] ? (old, now)
                : throw new FormatException($"{kv.Key} is not an [old, new] pair in entry {entry.Sequence}"));

    /// <summary>Every string in an entry's Changes, decoded, whatever its shape (change or named event).</summary>
    public static string DecodedText(AuditEntry entry)
    {
        var text = new List<string>();
        Collect(JsonDocument.Parse(entry.Changes).RootElement);
        return string.Join('\n', text);

        void Collect(JsonElement e)
        {
            switch (e.ValueKind)
            {
                case JsonValueKind.Object:
                    foreach (var p in e.EnumerateObject()) { text.Add(p.Name); Collect(p.Value); }
                    break;
                case JsonValueKind.Array:
                    foreach (var item in e.EnumerateArray()) Collect(item);
                    break;
                case JsonValueKind.String:
                    text.Add(e.GetString()!);
                    break;
            }
        }
    }
}
