using System.Globalization;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using SpecialistRegistry.Data;
using SpecialistRegistry.Domain;
using SpecialistRegistry.Domain.Filings;
using SpecialistRegistry.Files;
using SpecialistRegistry.Files.Roster;

namespace SpecialistRegistry.Features.Filings;

/// <summary>
/// A submitted filing's frozen roster in the import format (CSV or .xlsx): Firm HR their own firm's, regulators
/// any. The numbers are the masked ones the filing froze, so the file shows them but can never carry them back
/// in. Every export is an audited event. Entries are read a chunk at a time, once per sheet.
/// </summary>
public sealed class FilingExportService(IDbContextFactory<RegistryDb> dbFactory, DisclosureWatch disclosures)
{
    private const int ChunkSize = 1000;

    /// <summary>Records the export in the audit trail and returns the file name; null when there is no such filing for this user.</summary>
    public async Task<string?> RecordExportAsync(Guid filingId, TableFormat format, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var filing = await db.Filings.AsNoTracking().Where(f => f.Id == filingId && f.Number != null)
            .Select(f => new { f.Number, Entries = f.AddedCount + f.ChangedCount + f.UnchangedCount + f.RemovedCount }).SingleOrDefaultAsync(ct);
        if (filing is null)
            return null;
        db.RecordAuditEvent("FilingExported", nameof(Filing), filingId.ToString(), new Dictionary<string, string?>
        {
            ["number"] = filing.Number,
            ["format"] = format.Extension(),
            ["entries"] = filing.Entries.ToString(CultureInfo.InvariantCulture),
        });
        await disclosures.NoteAsync(db, DisclosureKind.Export, ct);
        await db.SaveChangesAsync(ct);
        return $"filing-{filing.Number}.{format.Extension()}";
    }

    public async Task WriteAsync(Guid filingId, TableFormat format, Stream output, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var writer = await TableWriter.CreateAsync(format, output, ct);
        // In the reader's language, like the roster export.
        await RosterFileWriter.WriteAsync(writer, () => ReadAsync(db, filingId, ct), withExplanations: false,
            RosterLanguages.Parse(null, CultureInfo.CurrentUICulture), ct);
    }

    private static async IAsyncEnumerable<RosterPerson> ReadAsync(RegistryDb db, Guid filingId, [EnumeratorCancellation] CancellationToken ct)
    {
        for (var skip = 0; ; skip += ChunkSize)
        {
            var chunk = await db.FilingEntries.AsNoTracking().Where(e => e.FilingId == filingId)
                .OrderBy(e => e.EmployeeNumber).ThenBy(e => e.Id).Skip(skip).Take(ChunkSize)
                .Select(e => e.Snapshot).ToListAsync(ct);
            foreach (var snapshot in chunk)
                yield return RosterPerson.FromRecord(FilingSnapshot.Deserialize(snapshot));
            if (chunk.Count < ChunkSize)
                yield break;
        }
    }
}
