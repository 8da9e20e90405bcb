using Microsoft.EntityFrameworkCore;
using SpecialistRegistry.Data;
using SpecialistRegistry.Domain;
using SpecialistRegistry.Tests.Infrastructure;

namespace SpecialistRegistry.Tests.Data;

public sealed class AuditInterceptorTests
{
    [Theory]
    [MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task Adding_a_firm_writes_an_audit_entry_with_actor_and_new_values_in_the_same_save(TestProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var before = await CountAuditAsync(app);

        await app.WithDbAsync(TestUsers.Admin, async db =>
        {
            db.Firms.Add(new Firm { Name = "Test Magnets", CreditCode = "91330200MA2G9Y3K1Z", Region = "Zhejiang" });
            await db.SaveChangesAsync();
        });

        await using var check = app.OpenDb();
        var entry = await check.AuditEntries.OrderByDescending(a => a.Sequence).FirstAsync();
        Assert.Equal(before + 1, entry.Sequence);
        Assert.Equal("Added", entry.Action);
        Assert.Equal(nameof(Firm), entry.EntityType);
        Assert.Equal("test-admin", entry.ActorId);
        Assert.Contains("Test Magnets", entry.Changes);
        Assert.Null(AuditChain.FindFirstBreak(await check.AuditEntries.OrderBy(a => a.Sequence).ToListAsync()));
    }

    private static async Task<long> CountAuditAsync(TestApp app)
    {
        await using var db = app.OpenDb();
        return await db.AuditEntries.CountAsync();
    }
}
