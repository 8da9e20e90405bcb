using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using SpecialistRegistry.Auth;
using SpecialistRegistry.Domain;
using SpecialistRegistry.Tests.Infrastructure;

namespace SpecialistRegistry.Tests.Features.Audit;

/// <summary>Writes real audit entries the way the app does: by saving changes as a signed-in user.</summary>
internal static class AuditTrailData
{
    public static readonly ClaimsPrincipal Admin = TestUsers.Principal(Roles.Admin, id: "admin-zhou", name: "Zhou Min (Admin)");
    public static readonly ClaimsPrincipal Regulator = TestUsers.Principal(Roles.Regulator, id: "regulator-wang", name: "Wang Lei (Regulator)");

    private static int _codes;

    public static async Task<Firm> AddFirmAsync(TestApp app, string name, ClaimsPrincipal? user = null)
    {
        var firm = new Firm
        {
            Name = name,
            CreditCode = $"9133020000000{Interlocked.Increment(ref _codes):D5}",
            Region = "Zhejiang",
            Segment = IndustrySegment.PermanentMagnets,
        };
        await app.WithDbAsync(user ?? Admin, async db =>
        {
            db.Firms.Add(firm);
            await db.SaveChangesAsync();
        });
        return firm;
    }

    public static Task RenameFirmAsync(TestApp app, Guid firmId, string newName, ClaimsPrincipal? user = null) =>
        app.WithDbAsync(user ?? Admin, async db =>
        {
            var firm = await db.Firms.SingleAsync(f => f.Id == firmId);
            firm.Name = newName;
            await db.SaveChangesAsync();
        });

    public static Task DeleteFirmAsync(TestApp app, Guid firmId, ClaimsPrincipal? user = null) =>
        app.WithDbAsync(user ?? Admin, async db =>
        {
            db.Firms.Remove(await db.Firms.SingleAsync(f => f.Id == firmId));
            await db.SaveChangesAsync();
        });

    public static Task RecordRevealAsync(TestApp app, string passportKey, string reason) =>
        app.WithDbAsync(Regulator, async db =>
        {
            db.RecordAuditEvent("RevealedPassportNumber", nameof(Passport), passportKey,
                new Dictionary<string, string?> { ["Reason"] = reason });
            await db.SaveChangesAsync();
        });
}
