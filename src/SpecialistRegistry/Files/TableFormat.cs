namespace SpecialistRegistry.Files;

/// <summary>The two file formats people exchange tables in: CSV text and Excel workbooks.</summary>
public enum TableFormat
{
    Csv,
    Xlsx,
}

public static class TableFormats
{
    public const string CsvContentType = "text/csv; charset=utf-8";
    public const string XlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static string Extension(this TableFormat format) => format == TableFormat.Csv ? "csv" : "xlsx";

    public static string ContentType(this TableFormat format) => format == TableFormat.Csv ? CsvContentType : XlsxContentType;

    /// <summary>The format a file name says it has, or null for anything else.</summary>
    public static TableFormat? FromFileName(string fileName) => Path.GetExtension(fileName).ToLowerInvariant() switch
    {
        ".csv" => TableFormat.Csv,
        ".xlsx" => TableFormat.Xlsx,
        _ => null,
    };
}
