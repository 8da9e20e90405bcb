using System.Globalization;
using System.Resources;

namespace SpecialistRegistry.Features.Audit;

/// <summary>
/// How the trail's recorded codes read, in the current UI culture, from AuditText.resx: actions
/// (<c>Action_{code}</c>), entity types (<c>Entity_{type}</c>) and field names (<c>Field_{name}</c>). English
/// shows the codes as recorded; Chinese gives each a name. A code without a label (a new entity, say) is shown as
/// recorded: the trail must never hide what it holds. Static, for the summaries built outside any component.
/// </summary>
public static class AuditLabels
{
    // Field names are recorded as the code spells them (Format on one entity, format in a named event); resource
    // names are case-insensitive, so one label serves both.
    private static readonly ResourceManager Texts = new(typeof(AuditText).FullName!, typeof(AuditText).Assembly) { IgnoreCase = true };

    public static string Action(string action) => Find($"Action_{action}") ?? action;

    /// <summary>Identity's generic entities are recorded with their arity (IdentityUserRole`1); the label is the same.</summary>
    public static string Entity(string entityType) => Find($"Entity_{entityType.Split('`')[0]}") ?? entityType;

    public static string Field(string field) => field == AuditChanges.RawField ? Text("FieldRaw") : Find($"Field_{field}") ?? field;

    /// <summary>The text <paramref name="key"/>, its placeholders filled in the current culture.</summary>
    public static string Text(string key, params object?[] args)
    {
        var text = Find(key) ?? throw new InvalidOperationException($"AuditText has no text {key}.");
        return args.Length == 0 ? text : string.Format(CultureInfo.CurrentCulture, text, args);
    }

    private static string? Find(string key) => Texts.GetString(key, CultureInfo.CurrentUICulture);
}
