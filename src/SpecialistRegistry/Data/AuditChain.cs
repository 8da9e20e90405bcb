using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using SpecialistRegistry.Domain;

namespace SpecialistRegistry.Data;

/// <summary>The hash chain's rules: what an entry's hash covers, and how the chain is checked.</summary>
public static class AuditChain
{
    public const string GenesisHash = "0000000000000000000000000000000000000000000000000000000000000000";

    /// <summary>
    /// Placeholder for a named event; the interceptor gives it its sequence, time, actor and hash. Until then its
    /// sequence is <paramref name="placeholder"/> (zero or below, distinct per context), so one save can queue many.
    /// </summary>
    internal static AuditEntry PendingEvent(string action, string entityType, string entityKey, IReadOnlyDictionary<string, string?> details, long placeholder = 0) => new()
    {
        Sequence = placeholder,
        Action = action,
        EntityType = entityType,
        EntityKey = entityKey,
        Changes = JsonSerializer.Serialize(details, AuditInterceptor.ChangesJson),
    };

    /// <summary>Makes <paramref name="e"/> the next link after <paramref name="previousHash"/>; returns its hash.</summary>
    internal static string Link(AuditEntry e, long sequence, DateTimeOffset at, Actor actor, string previousHash, FieldProtector seals)
    {
        e.Sequence = sequence;
        e.At = at;
        e.ActorId = actor.Id;
        e.ActorName = actor.Name;
        e.PreviousHash = previousHash;
        e.Hash = ComputeHash(e);
        e.Seal = seals.SealAuditEntry(e.Hash);
        return e.Hash;
    }

    public static string ComputeHash(AuditEntry e)
    {
        // One field per line, in a fixed order and format, so the same entry always hashes the same: the UTF-8
        // bytes of the fields joined by '\n'. Encoded field by field into a pooled buffer (the same bytes as
        // encoding the joined string), since an import hashes some 90,000 entries.
        ReadOnlySpan<string> fields =
        [
            e.Sequence.ToString(CultureInfo.InvariantCulture),
            e.At.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.ffffffZ", CultureInfo.InvariantCulture),
            e.ActorId ?? "", e.ActorName ?? "", e.Action ?? "", e.EntityType ?? "", e.EntityKey ?? "", e.Changes ?? "", e.PreviousHash ?? "",
        ];
        var length = fields.Length - 1;
        foreach (var field in fields)
            length += Encoding.UTF8.GetByteCount(field);
        var buffer = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            var written = 0;
            for (var i = 0; i < fields.Length; i++)
            {
                if (i > 0)
                    buffer[written++] = (byte)'\n';
                written += Encoding.UTF8.GetBytes(fields[i], buffer.AsSpan(written));
            }
            Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
            SHA256.HashData(buffer.AsSpan(0, written), hash);
            return Convert.ToHexStringLower(hash);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Database timestamps keep microseconds; truncate so the stored time hashes the same as the written one.</summary>
    public static DateTimeOffset ToStoredPrecision(DateTimeOffset t)
    {
        var utc = t.ToUniversalTime();
        return new DateTimeOffset(utc.Ticks - utc.Ticks % 10, TimeSpan.Zero);
    }

    /// <summary>Walks entries in sequence order; returns the first one that breaks the chain, or null.</summary>
    public static ChainBreak? FindFirstBreak(IEnumerable<AuditEntry> ordered)
    {
        var walker = new ChainWalker();
        return ordered.Select(walker.Check).FirstOrDefault(b => b is not null);
    }
}

/// <summary>
/// Checks one entry at a time against the one before, so a long chain can be streamed; given the key, also each
/// entry's seal.
/// </summary>
public sealed class ChainWalker(FieldProtector? seals = null)
{
    private long _expected = 1;
    private string _previousHash = AuditChain.GenesisHash;

    public long Checked => _expected - 1;

    public ChainBreak? Check(AuditEntry e)
    {
        if (e.Sequence != _expected)
            return new ChainBreak(_expected, $"entry {_expected} is missing (the next entry is {e.Sequence})", ChainBreakKind.Missing, e.Sequence);
        if (e.PreviousHash != _previousHash)
            return new ChainBreak(e.Sequence, $"entry {e.Sequence} does not link to entry {e.Sequence - 1}", ChainBreakKind.Unlinked, e.Sequence - 1);
        if (AuditChain.ComputeHash(e) != e.Hash)
            return new ChainBreak(e.Sequence, $"entry {e.Sequence} has been altered: its content does not match its hash", ChainBreakKind.Altered);
        if (seals is not null && !seals.IsSealOf(e.Hash, e.Seal))
            return e.Seal.Length == 0
                ? new ChainBreak(e.Sequence, $"entry {e.Sequence} has no seal: it was written, or rewritten and re-hashed, without the audit key", ChainBreakKind.Unsealed)
                : new ChainBreak(e.Sequence, $"entry {e.Sequence} has a seal that does not match its hash: it was forged, or rewritten and re-hashed, without the audit key", ChainBreakKind.BadSeal);
        _previousHash = e.Hash;
        _expected++;
        return null;
    }
}

public enum ChainBreakKind
{
    Missing,
    Unlinked,
    Altered,
    Unsealed,
    BadSeal,
}

/// <param name="Reason">In English, for the command line and logs; a page says it in its reader's language from <paramref name="Kind"/>.</param>
/// <param name="Other">The entry the break is told against: the next one present (Missing) or the one before (Unlinked).</param>
public sealed record ChainBreak(long Sequence, string Reason, ChainBreakKind Kind, long? Other = null);
