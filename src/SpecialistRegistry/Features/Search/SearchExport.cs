using System.Globalization;
using SpecialistRegistry.Domain;
using SpecialistRegistry.Files;

namespace SpecialistRegistry.Features.Search;

/// <summary>Search results as a table, through the shared writers: every text cell formula-safe, nothing evaluated.</summary>
public static class SearchExport
{
    public static readonly TableColumn[] Columns =
    [
        new("Employee number"), new("Name"), new("Latin name", Width: 24), new("Firm", Width: 36), new("Segment", Width: 24),
        new("Nationality"), new("Employment"), new("Hire date"), new("Passport custody", Width: 20), new("Passport expires"), new("Flags"),
    ];

    public static string[] Cells(SearchRow r) =>
    [
        r.EmployeeNumber, r.FullName, r.LatinName, r.FirmName, SearchLabels.Of(r.Segment), r.Nationality,
        DisplayText.Of(r.Status), r.HireDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        SearchLabels.Of(r.Custody), r.PassportExpiresOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "",
        SearchLabels.Of(r.FlagState),
    ];

    public static async Task WriteAsync(TableFormat format, Stream output, IEnumerable<SearchRow> rows, CancellationToken ct)
    {
        await using var writer = await TableWriter.CreateAsync(format, output, ct);
        await writer.StartTableAsync("Specialists", Columns, ct: ct);
        foreach (var row in rows)
            await writer.WriteRowAsync(Cells(row), ct: ct);
        await writer.CompleteAsync(ct);
    }
}
