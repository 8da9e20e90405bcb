using Microsoft.EntityFrameworkCore;
using SpecialistRegistry.Data;
using SpecialistRegistry.Domain;

namespace SpecialistRegistry.Features.Audit;

/// <summary>What <c>audit verify</c> found: the chain, its head, and how the signed checkpoints agree with it.</summary>
public sealed record ChainVerification(long Entries, ChainBreak? FirstBreak)
{
    /// <summary>The newest entry: its sequence and hash (0 and the genesis hash for an empty chain).</summary>
    public (long Sequence, string Hash) Head { get; init; } = (0, AuditChain.GenesisHash);

    /// <summary>Every way the checkpoints and the chain disagree; empty when they agree.</summary>
    public IReadOnlyList<CheckpointProblem> CheckpointProblems { get; init; } = [];

    /// <summary>The newest genuine checkpoint that matches the chain, if any.</summary>
    public AuditCheckpoint? LastCheckpoint { get; init; }

    public bool IsIntact => FirstBreak is null && CheckpointProblems.Count == 0;

    /// <summary>Entries newer than the last checkpoint: sealed and linked, but no checkpoint vouches that the chain reached them.</summary>
    public long Unvouched => Head.Sequence - (LastCheckpoint?.Sequence ?? 0);
}

public enum CheckpointProblemKind
{
    /// <summary>The signature does not match: forged or altered.</summary>
    NotGenuine,
    /// <summary>The checkpoint vouches for entries the chain no longer has.</summary>
    EntriesRemoved,
    /// <summary>The entry the checkpoint names has another hash now.</summary>
    EntriesRewritten,
    /// <summary>A line of the checkpoint file does not parse.</summary>
    UnreadableLine,
    /// <summary>A checkpoint in the file is gone from the table.</summary>
    RowDeleted,
}

/// <summary>One disagreement between a checkpoint and the chain. <see cref="ToString"/> says it in English (command line, logs).</summary>
public sealed record CheckpointProblem(CheckpointProblemKind Kind, long Sequence, DateTimeOffset? SignedAt, bool InFile, long Head = 0, int Line = 0)
{
    public override string ToString() => Kind switch
    {
        CheckpointProblemKind.NotGenuine => $"The checkpoint for entry {Sequence} in the {Where} is not genuine: its signature does not match, so it was forged or altered.",
        CheckpointProblemKind.EntriesRemoved => $"The chain ends at entry {Head}, but a checkpoint signed {SignedAt:yyyy-MM-dd HH:mm:ss} UTC ({Where}) vouches for entry {Sequence}: entries {Head + 1} to {Sequence} have been removed.",
        CheckpointProblemKind.EntriesRewritten => $"Entry {Sequence} does not match the checkpoint signed {SignedAt:yyyy-MM-dd HH:mm:ss} UTC ({Where}): the entries up to it have been rewritten.",
        CheckpointProblemKind.UnreadableLine => $"Line {Line} of the checkpoint file cannot be read: the file has been altered.",
        _ => $"The checkpoint for entry {Sequence} (signed {SignedAt:yyyy-MM-dd HH:mm:ss} UTC) is in the checkpoint file but no longer in the database: checkpoint rows have been deleted.",
    };

    private string Where => InFile ? "checkpoint file" : "database";
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

        var problems = new List<CheckpointProblem>();
        AuditCheckpoint? last = null;
        void Check(AuditCheckpoint c, bool inFile)
        {
            if (!checkpoints.IsGenuine(c))
                problems.Add(new CheckpointProblem(CheckpointProblemKind.NotGenuine, c.Sequence, c.At, inFile));
            else if (c.Sequence > head.Item1)
                problems.Add(new CheckpointProblem(CheckpointProblemKind.EntriesRemoved, c.Sequence, c.At, inFile, head.Item1));
            else if (!hashes.TryGetValue(c.Sequence, out var hash) || hash != c.Hash)
                problems.Add(new CheckpointProblem(CheckpointProblemKind.EntriesRewritten, c.Sequence, c.At, inFile));
            else if (last is null || c.Sequence > last.Sequence)
                last = c;
        }
        foreach (var c in inDatabase)
            Check(c, inFile: false);
        var signedInDatabase = inDatabase.Select(c => c.Sequence).ToHashSet();
        for (var i = 0; i < inFile.Count; i++)
        {
            if (inFile[i] is not { } c)
            {
                problems.Add(new CheckpointProblem(CheckpointProblemKind.UnreadableLine, 0, null, InFile: true, Line: i + 1));
                continue;
            }
            Check(c, inFile: true);
            if (checkpoints.IsGenuine(c) && !signedInDatabase.Contains(c.Sequence))
                problems.Add(new CheckpointProblem(CheckpointProblemKind.RowDeleted, c.Sequence, c.At, InFile: true));
        }
        return new ChainVerification(count, broken) { Head = head, CheckpointProblems = problems, LastCheckpoint = last };
    }
}
