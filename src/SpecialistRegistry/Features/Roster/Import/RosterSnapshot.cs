using Microsoft.EntityFrameworkCore;
using SpecialistRegistry.Data;
using SpecialistRegistry.Domain;
using SpecialistRegistry.Domain.Records;

namespace SpecialistRegistry.Features.Roster.Import;

/// <summary>A specialist of the firm as the import compares them: their record (numbers masked) and its version.</summary>
internal sealed class ExistingPerson
{
    public Guid Id { get; init; }
    public Guid Version { get; init; }
    public SpecialistRecord Record { get; init; } = new();
    public IReadOnlyDictionary<string, PassportRecord> PassportsInCustody { get; init; } = new Dictionary<string, PassportRecord>();
    public string EmployeeNumber => Record.EmployeeNumber;
    public string FullName => Record.FullName;
}

/// <summary>
/// The firm's whole roster, read once with no tracking (five queries, no N+1), indexed for the comparison:
/// by employee number, and by the keyed hash of every national ID and passport number.
/// </summary>
internal sealed class RosterSnapshot
{
    public Dictionary<string, ExistingPerson> ByEmployee { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, List<ExistingPerson>> ByNationalIdHash { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, List<ExistingPerson>> ByPassportHash { get; } = new(StringComparer.Ordinal);

    /// <summary>Reads through <paramref name="db"/>, whose firm scope limits every query to the user's firm.</summary>
    public static async Task<RosterSnapshot> LoadAsync(RegistryDb db, CancellationToken ct)
    {
        var snapshot = new RosterSnapshot();
        foreach (var loaded in await SpecialistRecords.LoadAsync(db, db.Specialists, ct))
        {
            var person = new ExistingPerson { Id = loaded.Id, Version = loaded.Version, Record = loaded.Record, PassportsInCustody = loaded.PassportsInCustody };
            snapshot.ByEmployee.TryAdd(person.EmployeeNumber, person);
            if (!person.Record.NationalId.IsEmpty)
                Add(snapshot.ByNationalIdHash, person.Record.NationalId.Hash, person);
            foreach (var hash in loaded.PassportHashes)
                Add(snapshot.ByPassportHash, hash, person);
        }
        return snapshot;
    }

    private static void Add(Dictionary<string, List<ExistingPerson>> index, string key, ExistingPerson person)
    {
        if (index.TryGetValue(key, out var list))
        {
            if (!list.Contains(person))
                list.Add(person);
        }
        else
        {
            index[key] = [person];
        }
    }
}
