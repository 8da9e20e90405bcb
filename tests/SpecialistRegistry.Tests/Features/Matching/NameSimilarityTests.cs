using SpecialistRegistry.Features.Matching;

namespace SpecialistRegistry.Tests.Features.Matching;

public sealed class NameSimilarityTests
{
    [Theory]
    [InlineData("MARTHA", "MARHTA", 0.961)]
    [InlineData("DWAYNE", "DUANE", 0.84)]
    [InlineData("DIXON", "DICKSONX", 0.813)]
    [InlineData("abc", "abc", 1.0)]
    [InlineData("abc", "xyz", 0.0)]
    public void Jaro_Winkler_gives_the_textbook_values(string a, string b, double expected) =>
        Assert.Equal(expected, NameSimilarity.JaroWinkler(a, b), 3);

    [Fact]
    public void Case_spacing_and_word_order_do_not_matter() =>
        Assert.Equal(1.0, NameSimilarity.JaroWinkler(NameSimilarity.Normalize("Wang  Wei"), NameSimilarity.Normalize("wei-WANG")));

    [Fact]
    public void The_same_Chinese_name_adds_the_bonus_on_top_of_the_Latin_similarity()
    {
        Assert.Equal(1.0, NameSimilarity.Score("Wang Wei", "王伟", "Wang Wei", "王伟"));
        Assert.Equal(0.85, NameSimilarity.Score("Wang Wei", "王伟", "Wang Wei", "王玮"));
        Assert.True(NameSimilarity.Score("Li Na", "李娜", "Wang Wei", "王伟") < 0.6);
    }
}
