using System.Globalization;
using SpecialistRegistry.Domain;
using SpecialistRegistry.Files;

namespace SpecialistRegistry.Features.Search;

/// <summary>
/// Search results as a table, through the shared writers: every text cell formula-safe, nothing evaluated. Headers
/// and labels are in the current UI culture, i.e. the exporting regulator's language; dates stay ISO.
/// </summary>
public static class SearchExport
{
    public static TableColumn[] Columns() =>
    [
        new(SearchLabels.Text("ExportEmployeeNumber")), new(SearchLabels.Text("ExportName")), new(SearchLabels.Text("ExportLatinName"), Width: 24),
        new(SearchLabels.Text("ExportFirm"), Width: 36), new(SearchLabels.Text("ExportSegment"), Width: 24), new(SearchLabels.Text("ExportNationality")),
        new(SearchLabels.Text("ExportEmployment")), new(SearchLabels.Text("ExportHireDate")), new(SearchLabels.Text("ExportCustody"), Width: 20),
        new(SearchLabels.Text("ExportPassportExpires")), new(SearchLabels.Text("ExportFlags")),
    ];

    public static string[] Cells(SearchRow r) =>
    [
        r.EmployeeNumber, r.FullName, r.LatinName, r.FirmName, SearchLabels.Of(r.Segment), Countries.Display(r.Nationality),
        DisplayText.Of(r.Status), r.HireDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        SearchLabels.Of(r.Custody), r.PassportExpiresOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "",
        SearchLabels.Of(r.FlagState),
    ];

    public static async Task WriteAsync(TableFormat format, Stream output, IEnumerable<SearchRow> rows, CancellationToken ct)
    {
        await using var writer = await TableWriter.CreateAsync(format, output, ct);
        await writer.StartTableAsync(SearchLabels.Text("ExportSheet"), Columns(), ct: ct);
        foreach (var row in rows)
            await writer.WriteRowAsync(Cells(row), ct: ct);
        await writer.CompleteAsync(ct);
    }
}
