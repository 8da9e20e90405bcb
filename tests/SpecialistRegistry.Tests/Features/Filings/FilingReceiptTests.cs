using SpecialistRegistry.Localization;
using Microsoft.EntityFrameworkCore;
using SpecialistRegistry.Features.Filings;
using SpecialistRegistry.Tests.Infrastructure;

namespace SpecialistRegistry.Tests.Features.Filings;

/// <summary>Anyone signed in can check a filing receipt; the check recomputes the digest from what is stored.</summary>
public sealed class FilingReceiptTests
{
    [Theory]
    [MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task A_receipt_checks_as_genuine_for_anyone_a_wrong_code_and_an_unknown_number_alike_not(TestProvider provider)
    {
        // The messages are read in English here; FilingNoticeLanguageTests and the page scan cover Chinese.
        using var english = CultureScope.Use("en");
        await using var app = await TestApp.StartAsync(provider);
        var kit = await FilingTestKit.CreateAsync(app);
        var id = await kit.SubmitAsync();
        var receipt = (await kit.QueryAsync(q => q.ReceiptAsync(id)))!;
        var other = await FilingTestKit.OtherFirmAsync(kit);

        var genuine = await kit.QueryAsync(q => q.CheckReceiptAsync(receipt.Number.ToLowerInvariant(), receipt.VerificationCode.Replace("-", "")), other.Hr);
        var custody = await kit.QueryAsync(q => q.CheckReceiptAsync(receipt.Number, receipt.VerificationCode), TestUsers.CustodyOfficer);
        var wrong = await kit.QueryAsync(q => q.CheckReceiptAsync(receipt.Number, "AAAA-BBBB-CCCC"));
        var unknown = await kit.QueryAsync(q => q.CheckReceiptAsync("FL-20261102-ZZZZZZ", receipt.VerificationCode));

        Assert.Equal(FilingReceiptVerdict.Genuine, genuine.Verdict);
        Assert.StartsWith($"Genuine: filing {receipt.Number} of {kit.Firm.Name} for 2026-Q4, submitted on 2026-11-02 09:00 UTC by Hu Rong (HR), 3 entries", genuine.Message);
        Assert.Equal(FilingReceiptVerdict.Genuine, custody.Verdict);
        Assert.Equal(FilingReceiptVerdict.NotGenuine, wrong.Verdict);
        Assert.Equal(FilingReceiptVerdict.NotGenuine, unknown.Verdict);
        Assert.Equal(wrong.Message.Replace(receipt.Number, "N"), unknown.Message.Replace("FL-20261102-ZZZZZZ", "N"));
        Assert.Equal(3, receipt.Counts.Total);
        Assert.Equal(64, receipt.Digest.Length);
    }

    [Theory]
    [MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task A_filing_altered_behind_the_registry_s_back_no_longer_checks_as_genuine(TestProvider provider)
    {
        // The messages are read in English here; FilingNoticeLanguageTests and the page scan cover Chinese.
        using var english = CultureScope.Use("en");
        await using var app = await TestApp.StartAsync(provider);
        var kit = await FilingTestKit.CreateAsync(app);
        var id = await kit.SubmitAsync();
        var receipt = (await kit.QueryAsync(q => q.ReceiptAsync(id)))!;

        // Raw SQL passes no interceptor: exactly the kind of change the digest is there to reveal.
        await using (var db = app.OpenDb())
        {
            var entry = (await kit.EntriesAsync(id))[1];
            var altered = entry.Snapshot.Replace("Process Engineer", "Chief Engineer");
            await db.Database.ExecuteSqlInterpolatedAsync($"UPDATE \"FilingEntries\" SET \"Snapshot\" = {altered} WHERE \"Id\" = {entry.Id}");
        }

        var check = await kit.QueryAsync(q => q.CheckReceiptAsync(receipt.Number, receipt.VerificationCode));

        Assert.Equal(FilingReceiptVerdict.Altered, check.Verdict);
        Assert.Contains("no longer matches its digest", check.Message);
    }
}
