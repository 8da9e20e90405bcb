using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SpecialistRegistry.Domain;

namespace SpecialistRegistry.Data;

/// <summary>The <c>Registry:Audit</c> settings.</summary>
public sealed class AuditOptions
{
    public const string Section = "Registry:Audit";

    /// <summary>How often the head of the chain is signed.</summary>
    public int CheckpointMinutes { get; set; } = 10;

    /// <summary>The append-only checkpoint file; by default <c>{DataFolder}/audit/checkpoints.log</c>. Point it at storage the database's administrators cannot rewrite.</summary>
    public string? CheckpointFile { get; set; }
}

/// <summary>
/// Signs the audit chain's head (a checkpoint) into the database and into an append-only file outside it, and
/// reads both back for <c>audit verify</c>. With the signing key outside the database, rewriting entries and
/// recomputing their hashes, cutting off the newest entries, or deleting checkpoint rows all leave a checkpoint
/// that no longer matches the chain (docs/audit-trail.md).
/// </summary>
public sealed class AuditCheckpoints(IDbContextFactory<RegistryDb> dbFactory, FieldProtector protector, TimeProvider clock,
    IOptions<AuditOptions> options, IOptions<RegistryOptions> registry, IHostEnvironment env, ILogger<AuditCheckpoints> log)
{
    private static readonly SemaphoreSlim FileLock = new(1, 1);

    public string FilePath => options.Value.CheckpointFile is { Length: > 0 } file
        ? Path.GetFullPath(Path.Combine(env.ContentRootPath, file))
        : Path.Combine(registry.Value.DataPath(env.ContentRootPath), "audit", "checkpoints.log");

    /// <summary>The statement a checkpoint signs; fixed format, so a signature always checks the same.</summary>
    public static string Statement(long sequence, string hash, DateTimeOffset at) =>
        FormattableString.Invariant($"{sequence}\n{hash}\n{at.UtcDateTime:yyyy-MM-ddTHH:mm:ss.ffffffZ}");

    public bool IsGenuine(AuditCheckpoint c) =>
        System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(
            System.Text.Encoding.ASCII.GetBytes(protector.SignCheckpoint(Statement(c.Sequence, c.Hash, c.At))),
            System.Text.Encoding.ASCII.GetBytes(c.Signature));

    /// <summary>Signs the current head unless it is signed already; returns the head's checkpoint, or null for an empty chain.</summary>
    public async Task<AuditCheckpoint?> WriteAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.Actor = Actor.System;
        var head = await db.AuditEntries.AsNoTracking().OrderByDescending(a => a.Sequence).Select(a => new { a.Sequence, a.Hash }).FirstOrDefaultAsync(ct);
        if (head is null)
            return null;
        if (await db.AuditCheckpoints.AsNoTracking().SingleOrDefaultAsync(c => c.Sequence == head.Sequence, ct) is { } signed)
            return signed;
        var at = AuditChain.ToStoredPrecision(clock.GetUtcNow());
        var checkpoint = new AuditCheckpoint { Sequence = head.Sequence, Hash = head.Hash, At = at, Signature = protector.SignCheckpoint(Statement(head.Sequence, head.Hash, at)) };
        db.AuditCheckpoints.Add(checkpoint);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another node signed the same head first: its checkpoint is as good as ours.
            return await db.AuditCheckpoints.AsNoTracking().SingleOrDefaultAsync(c => c.Sequence == head.Sequence, ct);
        }
        await AppendAsync(checkpoint, ct);
        // The third copy: a log line, which the operator's log shipping carries off the machine (docs/audit-trail.md).
        log.LogInformation(CheckpointEvent, "Audit checkpoint {Line}", Line(checkpoint));
        return checkpoint;
    }

    /// <summary>Every checkpoint in the database, oldest first.</summary>
    public async Task<List<AuditCheckpoint>> InDatabaseAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.AuditCheckpoints.AsNoTracking().OrderBy(c => c.Sequence).ToListAsync(ct);
    }

    /// <summary>Every checkpoint in the file (lines that do not parse are reported as null), oldest first; empty when there is no file.</summary>
    public async Task<List<AuditCheckpoint?>> InFileAsync(CancellationToken ct = default)
    {
        if (!File.Exists(FilePath))
            return [];
        var lines = await File.ReadAllLinesAsync(FilePath, ct);
        return [.. lines.Where(l => l.Length > 0).Select(Parse)];
    }

    private async Task AppendAsync(AuditCheckpoint c, CancellationToken ct)
    {
        var path = FilePath;
        await FileLock.WaitAsync(ct);
        try
        {
            DataFiles.CreatePrivateFolder(Path.GetDirectoryName(path)!);
            await using (var file = new FileStream(path, DataFiles.PrivateOptions(FileMode.Append, FileAccess.Write)))
            await using (var writer = new StreamWriter(file))
                await writer.WriteLineAsync(Line(c));
        }
        finally
        {
            FileLock.Release();
        }
    }

    /// <summary>A checkpoint as one line of the file (and of the log): sequence, hash, time and signature, tab-separated.</summary>
    public static string Line(AuditCheckpoint c) =>
        FormattableString.Invariant($"{c.Sequence}\t{c.Hash}\t{c.At.UtcDateTime:yyyy-MM-ddTHH:mm:ss.ffffffZ}\t{c.Signature}");

    public static readonly EventId CheckpointEvent = new(7100, "AuditCheckpoint");

    public static AuditCheckpoint? Parse(string line)
    {
        var parts = line.Split('\t');
        return parts.Length == 4 && long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var sequence)
               && DateTimeOffset.TryParseExact(parts[2], "yyyy-MM-ddTHH:mm:ss.ffffffZ", CultureInfo.InvariantCulture,
                   DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var at)
            ? new AuditCheckpoint { Sequence = sequence, Hash = parts[1], At = at, Signature = parts[3] }
            : null;
    }
}

/// <summary>Signs the chain's head every <see cref="AuditOptions.CheckpointMinutes"/> minutes (and once shortly after start).</summary>
public sealed class AuditCheckpointJob(IServiceScopeFactory scopes, IOptions<AuditOptions> options, ILogger<AuditCheckpointJob> log, TimeProvider clock,
    Operations.ClusterLock cluster) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(Math.Max(1, options.Value.CheckpointMinutes)), clock);
        do
        {
            try
            {
                // One node signs each head: another node's file would hold a checkpoint this node's file lacks.
                await cluster.TryRunAsync("audit-checkpoint", async ct =>
                {
                    await using var scope = scopes.CreateAsyncScope();
                    return await scope.ServiceProvider.GetRequiredService<AuditCheckpoints>().WriteAsync(ct);
                }, stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogWarning(e, "Could not write an audit checkpoint; the next run tries again.");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
