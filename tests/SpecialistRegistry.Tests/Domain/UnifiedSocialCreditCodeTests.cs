using SpecialistRegistry.Domain;


namespace SpecialistRegistry.Tests.Domain;

public sealed class UnifiedSocialCreditCodeTests
{
    [Theory]
    [InlineData("91350100M000100Y43")] // the example printed in GB 32100-2015
    [InlineData("91440300708461136T")]
    [InlineData("91310000607200456Y")]
    [InlineData(" 91350100m000100y43 ")] // typed in lower case, with stray spaces
    public void Valid_codes_are_accepted(string code) => Assert.Null(UnifiedSocialCreditCode.Problem(code));

    [Theory]
    [InlineData("", "Enter")]
    [InlineData("91350100M000100Y4", "18 characters")]
    [InlineData("91350100M000100Y433", "18 characters")]
    [InlineData("91350100M000100Y44", "check character")]
    [InlineData("91350100I000100Y43", "'I'")]
    [InlineData("91350100O000100Y43", "'O'")]
    [InlineData("9135010ZSV00100Y43", "'Z', 'S', 'V'")]
    [InlineData("91350100M000100Y4-", "'-'")]
    public void Invalid_codes_are_refused_with_the_reason(string code, string reason) =>
        Assert.Contains(reason, UnifiedSocialCreditCode.Problem(code));

    [Fact]
    public void The_check_character_follows_the_weighted_sum_modulo_31() =>
        Assert.Equal('3', UnifiedSocialCreditCode.CheckCharacter("91350100M000100Y4"));
}
