using SpecialistRegistry.Features.Roster.Import;
using SpecialistRegistry.Domain.Records;
using SpecialistRegistry.Files;
using SpecialistRegistry.Files.Roster;
using SpecialistRegistry.Files.Reading;

namespace SpecialistRegistry.Tests.Features.Roster.Import;

/// <summary>docs/roster-import.md is what HR reads; it must not drift from the format the code reads and writes.</summary>
public sealed class RosterFormatDocumentationTests
{
    [Fact]
    public void The_import_guide_explains_every_column_exactly_as_the_templates_do()
    {
        var guide = File.ReadAllText(Path.Combine(RepositoryRoot(), "docs", "roster-import.md"));

        var missing = RosterFormat.XlsxSheets.SelectMany(s => s.Columns)
            .Where(c => !guide.Contains(
                $"| `{c.Name}` | {c.ChineseName} | {(c.Required ? "yes" : "")} | {(c.MaxLength > 0 ? c.MaxLength : "")} | {c.Explanation(RosterLanguage.English)} |",
                StringComparison.Ordinal))
            .Select(c => c.Name)
            .Concat(RosterFormat.CsvListColumns.Where(c => !guide.Contains($"| `{c.Name}` | {c.ChineseName} |", StringComparison.Ordinal)).Select(c => c.Name))
            .ToList();

        Assert.True(missing.Count == 0, "Columns the guide does not explain as the code does: " + string.Join(", ", missing));
    }

    [Fact]
    public void The_chinese_import_guide_explains_every_column_exactly_as_the_chinese_templates_do()
    {
        var guide = File.ReadAllText(Path.Combine(RepositoryRoot(), "docs", "roster-import.zh-CN.md"));

        var missing = RosterFormat.XlsxSheets.SelectMany(s => s.Columns)
            .Where(c => !guide.Contains(
                $"| `{c.ChineseName}` | {c.Name} | {(c.Required ? "是" : "")} | {(c.MaxLength > 0 ? c.MaxLength : "")} | {c.Explanation(RosterLanguage.Chinese)} |",
                StringComparison.Ordinal))
            .Select(c => c.ChineseName)
            .Concat(RosterFormat.CsvListColumns.Where(c => !guide.Contains($"| `{c.ChineseName}` | {c.Name} |", StringComparison.Ordinal)).Select(c => c.ChineseName))
            .ToList();

        Assert.True(missing.Count == 0, "Columns the Chinese guide does not explain as the code does: " + string.Join(", ", missing));
    }

    private static string RepositoryRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "SpecialistRegistry.sln")))
            folder = folder.Parent;
        return folder?.FullName ?? throw new InvalidOperationException("Repository root not found above " + AppContext.BaseDirectory);
    }
}
