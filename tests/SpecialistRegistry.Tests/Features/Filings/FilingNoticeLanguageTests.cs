using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SpecialistRegistry.Domain;
using SpecialistRegistry.Localization;
using SpecialistRegistry.Tests.Infrastructure;
using SpecialistRegistry.Tests.Features.Watches;

namespace SpecialistRegistry.Tests.Features.Filings;

/// <summary>
/// Filing notices are stored for someone else to read later, so each is written in its recipient's language (the one
/// on their account), whatever language the person who caused it works in.
/// </summary>
public sealed class FilingNoticeLanguageTests
{
    [Theory]
    [MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task A_submission_tells_a_Chinese_regulator_in_Chinese_while_the_firm_works_in_English(TestProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var kit = await FilingTestKit.CreateAsync(app);
        await ChooseAsync(app, kit.Regulator.Id(), "zh-CN");

        using (CultureScope.Use("en"))
            await kit.SubmitAsync();

        var told = Assert.Single(await app.NotificationsAsync(kit.Regulator), n => n.Kind == NotificationKind.FilingSubmitted);
        Assert.StartsWith($"{kit.Firm.Name}提交了2026-Q4的报备 ", told.Message);
        Assert.EndsWith("（3 人：新增 3 人，变更 0 人，移除 0 人，未变 0 人）。", told.Message);
    }

    [Theory]
    [MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task A_return_tells_an_English_firm_in_English_while_the_regulator_works_in_Chinese(TestProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var kit = await FilingTestKit.CreateAsync(app);
        await ChooseAsync(app, kit.Hr.Id(), "en");
        var filing = await kit.SubmitAsync();

        using (CultureScope.Use("zh-CN"))
            await kit.ReturnAsync(filing, "护照号码有误。");

        var told = Assert.Single(await app.NotificationsAsync(kit.Hr), n => n.Kind == NotificationKind.FilingReturned);
        Assert.Equal($"The regulator returned filing {(await kit.FilingAsync(filing)).Number} for 2026-Q4: 护照号码有误。", told.Message);
    }

    [Theory]
    [MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task An_acceptance_tells_a_Chinese_firm_in_Chinese(TestProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var kit = await FilingTestKit.CreateAsync(app);
        await ChooseAsync(app, kit.Hr.Id(), "zh-CN");
        var filing = await kit.SubmitAsync();

        using (CultureScope.Use(CultureInfo.GetCultureInfo("en")))
            await kit.AcceptAsync(filing);

        var told = Assert.Single(await app.NotificationsAsync(kit.Hr), n => n.Kind == NotificationKind.FilingAccepted);
        Assert.Equal($"监管部门已接受2026-Q4的报备 {(await kit.FilingAsync(filing)).Number}。", told.Message);
    }

    private static async Task ChooseAsync(TestApp app, string userId, string culture) =>
        await app.WithDbAsync(TestUsers.Admin, async db =>
        {
            (await db.Users.SingleAsync(u => u.Id == userId)).Culture = culture;
            await db.SaveChangesAsync();
        });
}
