using Microsoft.EntityFrameworkCore;
using SpecialistRegistry.Data;

namespace SpecialistRegistry.Features.Audit;

public sealed record ChainVerification(long Entries, ChainBreak? FirstBreak)
{
    public bool IsIntact => FirstBreak is null;
}

/// <summary>Walks the whole audit chain in sequence order, streaming, and reports the first broken link.</summary>
public sealed class AuditVerifier(IDbContextFactory<RegistryDb> dbFactory)
{
    public async Task<ChainVerification> VerifyAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var walker = new ChainWalker();
        long count = 0;
        await foreach (var e in db.AuditEntries.AsNoTracking().OrderBy(a => a.Sequence).AsAsyncEnumerable().WithCancellation(ct))
        {
            count++;
            if (walker.Check(e) is { } broken)
                return new ChainVerification(count, broken);
        }
        return new ChainVerification(count, null);
    }
}
