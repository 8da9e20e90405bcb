using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace SpecialistRegistry.Tests.Localization;

/// <summary>
/// Every text the portal shows lives in a resource pair, Name.resx (English) beside Name.zh-CN.resx: neither
/// language may have a text the other lacks, leave one empty, or take other placeholders than its twin.
/// </summary>
public sealed partial class ResourceParityTests
{
    public static TheoryData<string> EnglishResources
    {
        get
        {
            var data = new TheoryData<string>();
            foreach (var file in Directory.EnumerateFiles(SourceRoot(), "*.resx", SearchOption.AllDirectories)
                         .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}") && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}"))
                         .Where(f => !Path.GetFileName(f).Contains(".zh-CN.", StringComparison.Ordinal))
                         .Order(StringComparer.Ordinal))
                data.Add(Path.GetRelativePath(SourceRoot(), file));
            return data;
        }
    }

    [Fact]
    public void Every_chinese_resource_has_its_english_twin()
    {
        var orphans = Directory.EnumerateFiles(SourceRoot(), "*.zh-CN.resx", SearchOption.AllDirectories)
            .Where(f => !File.Exists(f.Replace(".zh-CN.resx", ".resx", StringComparison.Ordinal)))
            .ToList();
        Assert.Empty(orphans);
    }

    [Theory]
    [MemberData(nameof(EnglishResources))]
    public void Both_languages_have_the_same_texts_none_empty_with_the_same_placeholders(string english)
    {
        var path = Path.Combine(SourceRoot(), english);
        var chinesePath = path.Replace(".resx", ".zh-CN.resx", StringComparison.Ordinal);
        Assert.True(File.Exists(chinesePath), $"{english} has no Chinese twin.");
        var en = Texts(path);
        var zh = Texts(chinesePath);

        Assert.Empty(en.Keys.Except(zh.Keys).Select(k => $"{k}: no Chinese text"));
        Assert.Empty(zh.Keys.Except(en.Keys).Select(k => $"{k}: no English text"));
        Assert.Empty(en.Concat(zh).Where(t => string.IsNullOrWhiteSpace(t.Value)).Select(t => $"{t.Key}: empty"));
        var mismatched = en.Keys.Intersect(zh.Keys).Where(k => !Placeholders(en[k]).SetEquals(Placeholders(zh[k]))).ToList();
        Assert.True(mismatched.Count == 0, "Placeholders differ: " + string.Join(", ", mismatched));
    }

    private static Dictionary<string, string> Texts(string path) =>
        XDocument.Load(path).Root!.Elements("data").ToDictionary(d => (string)d.Attribute("name")!, d => (string?)d.Element("value") ?? "");

    private static HashSet<string> Placeholders(string text) => [.. Placeholder().Matches(text).Select(m => m.Groups[1].Value)];

    [GeneratedRegex(@"\{(\d+)(?:[:,][^}]*)?\}")]
    private static partial Regex Placeholder();

    internal static string SourceRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "SpecialistRegistry.sln")))
            folder = folder.Parent;
        return Path.Combine(folder?.FullName ?? throw new InvalidOperationException("Repository root not found."), "src", "SpecialistRegistry");
    }
}
