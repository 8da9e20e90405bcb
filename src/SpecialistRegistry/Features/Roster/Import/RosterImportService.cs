using Microsoft.Extensions.Localization;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using SpecialistRegistry.Auth;
using SpecialistRegistry.Data;
using SpecialistRegistry.Data.Bulk;
using SpecialistRegistry.Domain;
using SpecialistRegistry.Files;
using SpecialistRegistry.Files.Reading;
using SpecialistRegistry.Files.Roster;

namespace SpecialistRegistry.Features.Roster.Import;

/// <summary>
/// Bulk import of the current Firm HR user's roster: a dry run that checks everything and changes nothing,
/// then a commit that writes all of it in one transaction or none of it.
/// </summary>
public sealed class RosterImportService(
    IDbContextFactory<RegistryDb> dbFactory,
    CurrentUser currentUser,
    FieldProtector protector,
    TimeProvider clock,
    IStringLocalizer<RosterText> text)
{
    /// <summary>Specialists per SaveChanges (or bulk insert) inside the one transaction: keeps the change tracker small and lets progress and cancel act between chunks.</summary>
    internal const int ChunkSize = 100;

    /// <summary>New people go through <see cref="SpecialistBulkInsert"/> where it runs (SQLite); off only for tests that compare it with SaveChanges.</summary>
    internal bool BulkInsertNewPeople { get; init; } = true;

    public async Task<ImportPreview> DryRunAsync(ImportFile file, IProgress<ImportProgress>? progress = null, CancellationToken ct = default)
    {
        RequireFirm();
        var sha256 = Convert.ToHexStringLower(SHA256.HashData(file.Content));
        if (file.Content.LongLength > RosterLimits.MaxFileBytes)
            return ImportPreview.Refused(file.FileName, sha256, FileInspector.TooLarge(file.Content.LongLength, RosterLimits.MaxFileBytes));

        var problems = new ProblemList();
        var parser = new RosterRowParser(protector, Today(), problems, text);
        var parsed = RosterFileReader.Read(file, parser, text, problems, progress, ct, out var fileError);
        if (parsed is null)
            return ImportPreview.Refused(file.FileName, sha256, fileError!);

        progress?.Report(new ImportProgress(ImportPhase.Comparing, 0, parsed.Rows.Count));
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var snapshot = await RosterSnapshot.LoadAsync(db, ct);
        var counts = RosterComparer.Compare(parsed.Rows, snapshot, parsed.Sheet, parsed.Language, text, problems, progress, ct, out var versions);
        return new ImportPreview(file.FileName, sha256, counts, problems.Sorted(), problems.Total, parsed.Rows, versions, parsed.Sheet, parsed.Language);
    }

    /// <summary>
    /// Writes what <paramref name="preview"/> showed, in one transaction with its audit entries. Refused, with
    /// nothing written, when the preview has problems or the roster has changed since the dry run. On any failure
    /// or cancellation the transaction is rolled back and the database is exactly as before.
    /// </summary>
    public async Task<ImportResult> CommitAsync(ImportPreview preview, IProgress<ImportProgress>? progress = null, CancellationToken ct = default)
    {
        var firmId = RequireFirm();
        if (!preview.CanCommit)
            throw new DomainException(preview.TotalProblems > 0
                ? text["FileHasProblems"]
                : text["FileChangesNothing"]);

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        // The change tracker would otherwise scan every tracked entity on each Add; the audit interceptor runs
        // DetectChanges once per SaveChanges, which is all that is needed.
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (!await db.Firms.AnyAsync(f => f.Id == firmId, ct))
            throw new DomainException(text["FirmNotRegistered"]);

        // Compare again inside the transaction: what is saved is decided against the roster as it is now.
        // A preview that may be committed had no problems, so every row starts valid again (an earlier,
        // refused attempt may have marked some).
        var rows = preview.Rows;
        foreach (var row in rows)
            row.Rejected = false;
        progress?.Report(new ImportProgress(ImportPhase.Comparing, 0, rows.Count));
        var snapshot = await RosterSnapshot.LoadAsync(db, ct);
        var problems = new ProblemList();
        var counts = RosterComparer.Compare(rows, snapshot, preview.Sheet, preview.Language, text, problems, progress, ct, out var versions);
        var moved = versions.Where(v => !preview.Versions.TryGetValue(v.Key, out var seen) || seen != v.Value).Select(v => v.Key).ToList();
        if (problems.Total > 0 || moved.Count > 0)
            throw new DomainException(moved.Count > 0 ? text["RosterChangedSinceWho", Sample(moved)] : text["RosterChangedSince"]);

        var applier = new RosterApplier(db, protector, firmId, clock.GetUtcNow());
        var toSave = counts.New + counts.Changed;
        var saved = 0;
        try
        {
            var newRows = rows.Where(r => r.Outcome == RowOutcome.New);
            if (BulkInsertNewPeople && SpecialistBulkInsert.CanRunOn(db))
            {
                // New people are most of a large import: written in bulk, audited and indexed exactly as a save would.
                using var bulk = new SpecialistBulkInsert(db, clock, protector);
                foreach (var chunk in newRows.Chunk(ChunkSize))
                {
                    ct.ThrowIfCancellationRequested();
                    bulk.Insert(chunk.Select(r => applier.Create(r.Person)).ToList());
                    saved += chunk.Length;
                    progress?.Report(new ImportProgress(ImportPhase.Saving, saved, toSave));
                }
            }
            else
            {
                foreach (var chunk in newRows.Chunk(ChunkSize))
                {
                    db.Specialists.AddRange(chunk.Select(r => applier.Create(r.Person)));
                    saved += await SaveChunkAsync(db, chunk.Length, saved, toSave, progress, ct);
                }
            }
            foreach (var chunk in rows.Where(r => r.Outcome == RowOutcome.Changed).Chunk(ChunkSize))
            {
                var ids = chunk.Select(r => r.ExistingId!.Value).ToList();
                var tracked = await db.Specialists.Where(s => ids.Contains(s.Id))
                    .Include(s => s.Expertise).Include(s => s.Education).Include(s => s.Research).Include(s => s.Passports)
                    .AsSplitQuery().ToDictionaryAsync(s => s.Id, ct);
                foreach (var row in chunk)
                    applier.Update(tracked[row.ExistingId!.Value], row);
                saved += await SaveChunkAsync(db, chunk.Length, saved, toSave, progress, ct);
            }

            progress?.Report(new ImportProgress(ImportPhase.Finishing, toSave, toSave));
            db.RecordAuditEvent("RosterImported", nameof(Firm), firmId.ToString(), new Dictionary<string, string?>
            {
                ["fileName"] = preview.FileName,
                ["sha256"] = preview.Sha256,
                ["new"] = counts.New.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["changed"] = counts.Changed.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["unchanged"] = counts.Unchanged.ToString(System.Globalization.CultureInfo.InvariantCulture),
            });
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new DomainException(text["ChangedWhileSaving"]);
        }
        catch (Exception e) when (e is not RegistryBusyException && RegistryBusy.IsBusy(e))
        {
            // The bulk writer's own commands and the commit are not SaveChanges: the same refusal, nothing written.
            throw new RegistryBusyException(e);
        }
        catch (DbUpdateException)
        {
            throw new DomainException(text["RosterChangedWhileSaving"]);
        }
        return new ImportResult(counts, preview.FileName, preview.Sha256);
    }

    /// <summary>The check's "what would change" as a CSV file: one row per changed field of each changed person.</summary>
    public async Task WriteChangesAsync(ImportPreview preview, Stream output, CancellationToken ct = default)
    {
        TableColumn[] columns =
        [
            new(text["ChangesColRow"], CellKind.Number), new(text["ChangesColEmployee"]), new(text["ChangesColName"]), new(text["ChangesColField"]),
            new(text["ChangesColBefore"], Width: 50), new(text["ChangesColAfter"], Width: 50),
        ];
        var language = RosterLanguages.Of(System.Globalization.CultureInfo.CurrentUICulture);
        await using var writer = await TableWriter.CreateAsync(TableFormat.Csv, output, ct);
        await writer.StartTableAsync(text["ChangesSheet"], columns, ct: ct);
        foreach (var person in preview.Changes)
        {
            foreach (var change in person.Fields)
            {
                await writer.WriteRowAsync(
                    [person.Row.ToString(System.Globalization.CultureInfo.InvariantCulture), person.EmployeeNumber, person.FullName,
                        RosterFormat.CsvColumns.FirstOrDefault(c => c.Name == change.Field)?.Header(language) ?? change.Field, change.Old ?? "", change.New ?? ""],
                    ct: ct);
            }
        }
        await writer.CompleteAsync(ct);
    }

    private static async Task<int> SaveChunkAsync(RegistryDb db, int people, int saved, int total, IProgress<ImportProgress>? progress, CancellationToken ct)
    {
        // Saved rows need no tracking any more: clearing keeps each SaveChanges as cheap as the first, and
        // makes accepting the changes (marking 18,000 entries unchanged per chunk) wasted work.
        await db.SaveChangesAsync(acceptAllChangesOnSuccess: false, ct);
        db.ChangeTracker.Clear();
        progress?.Report(new ImportProgress(ImportPhase.Saving, saved + people, total));
        return people;
    }

    private Guid RequireFirm()
    {
        var user = currentUser.Get();
        if (user.Role != Roles.FirmHR || user.FirmId is not { } firmId)
            throw new DomainException(text["ImportFirmHrOnly"]);
        return firmId;
    }

    private DateOnly Today() => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    private string Sample(List<string> employeeNumbers) => employeeNumbers.Count > 5
        ? text["SampleAndMore", string.Join(", ", employeeNumbers.Take(5)), employeeNumbers.Count - 5]
        : string.Join(", ", employeeNumbers);
}
