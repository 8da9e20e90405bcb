using Microsoft.EntityFrameworkCore;
using SpecialistRegistry.Domain;
using SpecialistRegistry.Features.Admin;
using SpecialistRegistry.Tests.Infrastructure;

namespace SpecialistRegistry.Tests.Features.Admin;

internal static class AdminTestData
{
    /// <summary>A valid credit code: the 17 characters given plus their check character.</summary>
    public static string Code(string first17) => first17 + UnifiedSocialCreditCode.CheckCharacter(first17);

    public static FirmInput Firm(string name, string code) => new()
    {
        Name = name, CreditCode = code, Segment = IndustrySegment.PermanentMagnets, Region = "Zhejiang",
        ContactName = "Xu Ming", ContactPhone = "+86 135 1234 5678", ContactEmail = "hr@magnets.example.cn",
    };

    public static async Task<Guid> AddFirmAsync(TestApp app, string name, string code)
    {
        await using var db = app.OpenDb();
        var firm = new Firm { Name = name, CreditCode = code, Region = "Jiangxi", Segment = IndustrySegment.RareEarthMining };
        db.Firms.Add(firm);
        await db.SaveChangesAsync();
        return firm.Id;
    }

    public static async Task<(int Firms, int Users, long Audit)> CountsAsync(TestApp app)
    {
        await using var db = app.OpenDb();
        return (await db.Firms.CountAsync(), await db.Users.CountAsync(), await db.AuditEntries.LongCountAsync());
    }
}
