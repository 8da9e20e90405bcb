using SpecialistRegistry.Domain;
using SpecialistRegistry.Features.Filings;
using SpecialistRegistry.Localization;
using SpecialistRegistry.Tests.Infrastructure;

namespace SpecialistRegistry.Tests.Features.Filings;

/// <summary>
/// What the filing services and rules tell the person in front of them is in that person's language: a refusal,
/// a decision someone else already took, and the receipt check each read as whole Chinese sentences in Chinese.
/// </summary>
public sealed class FilingMessageLanguageTests
{
    [Theory]
    [MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task A_submission_without_the_attestation_is_refused_in_Chinese(TestProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var kit = await FilingTestKit.CreateAsync(app, people: 1);
        var draft = await kit.PrepareAsync();

        using var chinese = CultureScope.Use("zh-CN");
        var refused = Assert.IsType<FilingOutcome.Invalid>(await kit.AsHrAsync(s => s.SubmitAsync(draft.FilingId, draft.Version, attested: false)));

        Assert.Equal("提交前请确认名册完整、准确。", refused.Message);
    }

    [Theory]
    [MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task A_submission_in_Chinese_records_the_attestation_in_the_words_the_user_confirmed(TestProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var kit = await FilingTestKit.CreateAsync(app, people: 1);
        var draft = await kit.PrepareAsync();

        using (CultureScope.Use("zh-CN"))
            Assert.IsType<FilingOutcome.Done>(await kit.AsHrAsync(s => s.SubmitAsync(draft.FilingId, draft.Version, attested: true)));

        var receipt = (await kit.QueryAsync(q => q.ReceiptAsync(draft.FilingId)))!;
        Assert.Equal("本人确认本名册完整准确：名册列出了本单位目前在本行业聘用的全部专业技术人员，且据本人所知，每个人的信息均真实无误。", receipt.Attestation);
    }

    [Theory]
    [MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task A_decision_already_taken_is_explained_in_Chinese(TestProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var kit = await FilingTestKit.CreateAsync(app);
        var filing = await kit.SubmitAsync();
        var opened = await kit.VersionOfAsync(filing);
        await kit.AcceptAsync(filing);

        using var chinese = CultureScope.Use("zh-CN");
        var late = await kit.AsRegulatorAsync(s => s.ReturnAsync(filing, opened, "护照号码有误。"));
        var noComment = await kit.AsRegulatorAsync(s => s.ReturnAsync(filing, opened, " "));

        var conflict = Assert.IsType<FilingOutcome.Conflict>(late);
        Assert.Contains("已于", conflict.Message);
        Assert.EndsWith("接受此报备。您的决定未保存。", conflict.Message);
        Assert.Equal("请说明退回原因：企业会看到这条意见。", noComment.Explanation);
    }

    [Fact]
    public void A_rule_refusal_names_the_state_in_Chinese()
    {
        var now = new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);
        var accepted = TestFilings.Make(Guid.NewGuid(), TestFilings.Quarter(now), FilingStatus.Accepted, now).Single();
        var draft = TestFilings.Make(Guid.NewGuid(), TestFilings.Quarter(now), FilingStatus.Draft, now).Single();
        var by = new UserRef("r", "Regulator");
        using var chinese = CultureScope.Use("zh-CN");

        Assert.Equal("只有被退回的报备才能重新提交；此报备的状态为“已接受”。",
            Assert.Throws<DomainException>(() => accepted.StartResubmission(null, by, now)).Message);
        Assert.Equal("此报备的状态已为“已接受”，不能再次接受。", Assert.Throws<DomainException>(() => accepted.Accept(by, now)).Message);
        Assert.Equal("此报备的状态为“已接受”，已不能再丢弃。", Assert.Throws<DomainException>(accepted.EnsureDiscardable).Message);
        Assert.Equal("此报备仍是草稿，不能退回。", Assert.Throws<DomainException>(() => draft.Return("x", by, now)).Message);
    }

    [Theory]
    [MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task The_receipt_check_answers_in_Chinese(TestProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var kit = await FilingTestKit.CreateAsync(app);
        var id = await kit.SubmitAsync();
        var receipt = (await kit.QueryAsync(q => q.ReceiptAsync(id)))!;

        using var chinese = CultureScope.Use("zh-CN");
        var genuine = await kit.QueryAsync(q => q.CheckReceiptAsync(receipt.Number, receipt.VerificationCode));
        var wrong = await kit.QueryAsync(q => q.CheckReceiptAsync(receipt.Number, "AAAA-BBBB-CCCC"));
        var empty = await kit.QueryAsync(q => q.CheckReceiptAsync(receipt.Number, ""));

        Assert.StartsWith($"真实：{kit.Firm.Name} 的 2026-Q4 报备 {receipt.Number}", genuine.Message);
        Assert.EndsWith("共 3 条记录，此后未被改动；目前待审核。", genuine.Message);
        Assert.StartsWith("不真实：", wrong.Message);
        Assert.Equal("请同时输入回执上印的报备编号和验证码。", empty.Message);
    }
}
