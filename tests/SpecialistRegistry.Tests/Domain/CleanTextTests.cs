using SpecialistRegistry.Domain;
using SpecialistRegistry.Localization;

namespace SpecialistRegistry.Tests.Domain;

public sealed class CleanTextTests
{
    public static TheoryData<string, TextProblem> Refused => new()
    {
        { "Wang\0Wei", TextProblem.ControlCharacter },
        { "Wang\u0007", TextProblem.ControlCharacter },
        { "Wang\u001BWei", TextProblem.ControlCharacter },
        { "Wang\u0085Wei", TextProblem.ControlCharacter },
        { "Wang\nWei", TextProblem.ControlCharacter },
        { "Wang\rWei", TextProblem.ControlCharacter },
        { "Wang\u202AWei", TextProblem.BidiControl },
        { "Wang\u202BWei", TextProblem.BidiControl },
        { "Wang\u202CWei", TextProblem.BidiControl },
        { "Wang\u202DWei", TextProblem.BidiControl },
        { "E1234\u202E5678", TextProblem.BidiControl },
        { "Wang\u2066Wei", TextProblem.BidiControl },
        { "Wang\u2067Wei", TextProblem.BidiControl },
        { "Wang\u2068Wei", TextProblem.BidiControl },
        { "Wang\u2069Wei", TextProblem.BidiControl },
        { "\u200B", TextProblem.Invisible },
        { "\u200B\u200C\u200D\u2060\uFEFF", TextProblem.Invisible },
        { " \u3000\u200B ", TextProblem.Invisible },
        { "\u00AD", TextProblem.Invisible },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public void Each_class_of_unwanted_character_is_named(string value, TextProblem expected) =>
        Assert.Equal(expected, CleanText.Check(value));

    // Not theory data: xunit's serialisation of test cases would turn a lone surrogate into U+FFFD.
    [Fact]
    public void Half_a_surrogate_pair_is_named_at_either_end()
    {
        Assert.Equal(TextProblem.LoneSurrogate, CleanText.Check("Wang" + '\uD842'));
        Assert.Equal(TextProblem.LoneSurrogate, CleanText.Check('\uDFB7' + "Wang"));
        Assert.Equal(TextProblem.LoneSurrogate, CleanText.Check("A" + '\uD842' + "B"));
        Assert.Equal(TextProblem.None, CleanText.Check("A" + '\uD842' + '\uDFB7' + "B"));
    }

    [Theory]
    [InlineData("王伟明")]
    [InlineData("𠮷田")]
    [InlineData("e\u0301")]
    [InlineData("Wang\tWei")]
    [InlineData("Zhāng·Wěi")]
    [InlineData("اسم")]
    [InlineData("Anna\u200DMaria")]
    [InlineData("")]
    public void Ordinary_text_of_any_script_passes(string value) => Assert.Equal(TextProblem.None, CleanText.Check(value));

    [Fact]
    public void Line_breaks_pass_only_where_the_field_has_several_lines()
    {
        Assert.Equal(TextProblem.None, CleanText.Check("First line\r\nSecond line", multiline: true));
        Assert.Equal(TextProblem.ControlCharacter, CleanText.Check("First line\r\nSecond line"));
        Assert.Equal(TextProblem.ControlCharacter, CleanText.Check("Line\0", multiline: true));
        Assert.Equal(TextProblem.Invisible, CleanText.Check("\n\n", multiline: true));
    }

    [Fact]
    public void The_messages_are_in_both_languages()
    {
        Assert.Contains("control character", CleanText.Message(TextProblem.ControlCharacter));
        Assert.Contains("2,000", CleanText.TooManyItems(2001).Replace("2000", "2,000"));
        using (CultureScope.Chinese())
        {
            Assert.Contains("控制字符", CleanText.Message(TextProblem.ControlCharacter));
            Assert.Contains("方向", CleanText.Message(TextProblem.BidiControl));
            Assert.Contains("残缺", CleanText.Message(TextProblem.LoneSurrogate));
            Assert.Contains("不可见", CleanText.Message(TextProblem.Invisible));
            Assert.Contains("最多允许 2000 项", CleanText.TooManyItems(2001));
        }
    }
}
