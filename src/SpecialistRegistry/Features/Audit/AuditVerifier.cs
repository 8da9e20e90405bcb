using Microsoft.EntityFrameworkCore;
using SpecialistRegistry.Data;
using SpecialistRegistry.Domain;

namespace SpecialistRegistry.Features.Audit;

/// <summary>What <c>audit verify</c> found: the chain, its head, and how the signed checkpoints agree with it.</summary>
public sealed record ChainVerification(long Entries, ChainBreak? FirstBreak)
{
    /// <summary>The newest entry: its sequence and hash (0 and the genesis hash for an empty chain).</summary>
    public (long Sequence, string Hash) Head { get; init; } = (0, AuditChain.GenesisHash);

    /// <summary>Every way the checkpoints and the chain disagree, in words; empty when they agree.</summary>
    public IReadOnlyList<string> CheckpointProblems { get; init; } = [];

    /// <summary>The newest genuine checkpoint that matches the chain, if any.</summary>
    public AuditCheckpoint? LastCheckpoint { get; init; }

    public bool IsIntact => FirstBreak is null && CheckpointProblems.Count == 0;

    /// <summary>Entries newer than the last checkpoint: sealed and linked, but no checkpoint vouches that the chain reached them.</summary>
    public long Unvouched => Head.Sequence - (LastCheckpoint?.Sequence ?? 0);
}

/// <summary>
/// Walks the whole audit chain in sequence order, streaming, reports the first broken link, and checks every
/// checkpoint — in the database and in the checkpoint file — against the chain: a rewritten, truncated or
/// re-hashed chain no longer matches what was signed.
/// </summary>
public sealed class AuditVerifier(IDbContextFactory<RegistryDb> dbFactory, AuditCheckpoints checkpoints, FieldProtector protector)
{
    public async Task<ChainVerification> VerifyAsync(CancellationToken ct = default)
    {
        var inDatabase = await checkpoints.InDatabaseAsync(ct);
        var inFile = await checkpoints.InFileAsync(ct);
        var wanted = inDatabase.Select(c => c.Sequence).Concat(inFile.OfType<AuditCheckpoint>().Select(c => c.Sequence)).ToHashSet();

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var walker = new ChainWalker(protector);
        var hashes = new Dictionary<long, string>();
        long count = 0;
        (long, string) head = (0, AuditChain.GenesisHash);
        ChainBreak? broken = null;
        await foreach (var e in db.AuditEntries.AsNoTracking().OrderBy(a => a.Sequence).AsAsyncEnumerable().WithCancellation(ct))
        {
            count++;
            head = (e.Sequence, e.Hash);
            if (wanted.Contains(e.Sequence))
                hashes[e.Sequence] = e.Hash;
            if (broken is null && walker.Check(e) is { } found)
                broken = found;
        }

        var problems = new List<string>();
        AuditCheckpoint? last = null;
        void Check(AuditCheckpoint c, string where)
        {
            if (!checkpoints.IsGenuine(c))
                problems.Add($"The checkpoint for entry {c.Sequence} in the {where} is not genuine: its signature does not match, so it was forged or altered.");
            else if (c.Sequence > head.Item1)
                problems.Add($"The chain ends at entry {head.Item1}, but a checkpoint signed {c.At:yyyy-MM-dd HH:mm:ss} UTC vouches for entry {c.Sequence}: entries {head.Item1 + 1} to {c.Sequence} have been removed.");
            else if (!hashes.TryGetValue(c.Sequence, out var hash) || hash != c.Hash)
                problems.Add($"Entry {c.Sequence} does not match the checkpoint signed {c.At:yyyy-MM-dd HH:mm:ss} UTC ({where}): the entries up to it have been rewritten.");
            else if (last is null || c.Sequence > last.Sequence)
                last = c;
        }
        foreach (var c in inDatabase)
            Check(c, "database");
        for (var i = 0; i < inFile.Count; i++)
        {
            if (inFile[i] is not { } c)
            {
                problems.Add($"Line {i + 1} of the checkpoint file {checkpoints.FilePath} cannot be read: the file has been altered.");
                continue;
            }
            Check(c, "checkpoint file");
            if (checkpoints.IsGenuine(c) && !inDatabase.Any(d => d.Sequence == c.Sequence))
                problems.Add($"The checkpoint for entry {c.Sequence} (signed {c.At:yyyy-MM-dd HH:mm:ss} UTC) is in the checkpoint file but no longer in the database: checkpoint rows have been deleted.");
        }
        return new ChainVerification(count, broken) { Head = head, CheckpointProblems = problems, LastCheckpoint = last };
    }
}
