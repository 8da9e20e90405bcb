using System.Text.Json;

using SpecialistRegistry.Domain.Records;

namespace SpecialistRegistry.Features.Audit;

/// <summary>
/// Reads the interceptor's Changes JSON and says what changed in a line a person can scan, in the current UI
/// culture (field names through <see cref="AuditLabels"/>; the values are shown as recorded).
/// </summary>
public static class AuditChanges
{
    /// <summary>The field name under which unreadable changes are kept.</summary>
    public const string RawField = "(raw)";

    private const int SummaryFields = 3;
    private const int SummaryValueLength = 40;
    private static readonly HashSet<string> NamingFields = ["Name", "FullName", "Title"];

    /// <summary>
    /// Field → [old, new] for entity changes, field → value for named events. Anything else (which the
    /// interceptor never writes) is shown raw rather than hidden: the trail must not lose information.
    /// </summary>
    public static IReadOnlyList<FieldChange> Parse(string json)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException)
        {
            return [new FieldChange(RawField, null, json, IsDetail: true)];
        }
        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
                return [new FieldChange(RawField, null, json, IsDetail: true)];
            var changes = new List<FieldChange>();
            foreach (var field in document.RootElement.EnumerateObject())
            {
                var value = field.Value;
                if (value.ValueKind == JsonValueKind.Array && value.GetArrayLength() == 2)
                    changes.Add(new FieldChange(field.Name, Text(value[0]), Text(value[1])));
                else
                    changes.Add(new FieldChange(field.Name, null, Text(value), IsDetail: true));
            }
            return changes;
        }
    }

    public static string Summarize(string action, IReadOnlyList<FieldChange> changes)
    {
        if (changes.Count == 0)
            return AuditLabels.Text("NoFieldDetails");
        if (action == "Deleted")
            return AuditLabels.Text(changes.Count == 1 ? "RemovedOne" : "RemovedMany", changes.Count);

        // A new row's Id is in the key column and its blank fields say nothing; both would crowd out what matters.
        // What a person calls the new row (its name or title) leads, so the line says which row it is.
        var shown = action == "Added"
            ? changes.Where(c => c.Field != "Id" && !string.IsNullOrEmpty(c.New)).OrderBy(c => NamingFields.Contains(c.Field) ? 0 : 1).ToList()
            : changes.ToList();
        var parts = shown.Take(SummaryFields).Select(c => action switch
        {
            "Added" => AuditLabels.Text("SummaryAdded", AuditLabels.Field(c.Field), Short(c.New)),
            _ when c.IsDetail => AuditLabels.Text("SummaryDetail", AuditLabels.Field(c.Field), Short(c.New)),
            _ => AuditLabels.Text("SummaryChanged", AuditLabels.Field(c.Field), Short(c.Old), Short(c.New)),
        });
        var summary = string.Join(AuditLabels.Text("SummarySeparator"), parts);
        var more = shown.Count - SummaryFields;
        if (more > 0)
            summary = AuditLabels.Text("SummaryMore", summary, more);
        return summary.Length == 0 ? AuditLabels.Text("NoFieldDetails") : summary;
    }

    /// <summary>The same fields with their values taken out, for a reader whose role may not read them.</summary>
    public static IReadOnlyList<FieldChange> WithoutValues(IReadOnlyList<FieldChange> changes) =>
        [.. changes.Select(c => c with { Old = null, New = null })];

    /// <summary>Which fields an entry records, without their values.</summary>
    public static string SummarizeFields(IReadOnlyList<FieldChange> changes)
    {
        if (changes.Count == 0)
            return AuditLabels.Text("NoFieldDetails");
        var names = string.Join(AuditLabels.Text("SummarySeparator"), changes.Take(SummaryFields).Select(c => AuditLabels.Field(c.Field)));
        return changes.Count > SummaryFields
            ? AuditLabels.Text("SummaryFieldsHiddenMore", names, changes.Count - SummaryFields)
            : AuditLabels.Text("SummaryFieldsHidden", names);
    }

    /// <summary>How a value reads on the page; a missing value is spelled out so it is not mistaken for blank text.</summary>
    public static string Display(string? value) => value switch
    {
        null => AuditLabels.Text("ValueNone"),
        "" => AuditLabels.Text("ValueEmpty"),
        _ => value,
    };

    private static string Short(string? value)
    {
        var text = Display(value);
        return text.Length <= SummaryValueLength ? text : string.Concat(text.AsSpan(0, SummaryValueLength - 1), "…");
    }

    private static string? Text(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        JsonValueKind.String => e.GetString(),
        _ => e.GetRawText(),
    };
}
