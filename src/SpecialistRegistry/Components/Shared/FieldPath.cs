using System.Collections;
using System.Reflection;
using Microsoft.AspNetCore.Components.Forms;

namespace SpecialistRegistry.Components.Shared;

/// <summary>
/// Turns a FluentValidation property path ("Email", "Passport.Number", "Expertise[2].Years") into the Blazor
/// field it names: the object that owns the last property, and that property's name, so a ValidationMessage
/// bound to <c>() => Model.Passport.Number</c> shows it.
/// </summary>
internal static class FieldPath
{
    public static FieldIdentifier Resolve(object model, string path)
    {
        if (string.IsNullOrEmpty(path))
            return new FieldIdentifier(model, string.Empty);   // a rule on the whole model: shown in the ValidationSummary
        var segments = path.Split('.');
        var owner = model;
        foreach (var segment in segments[..^1])
        {
            if (Step(owner, segment) is not { } next)
                return new FieldIdentifier(model, path);         // a path the model cannot walk (a null object on the way)
            owner = next;
        }
        var last = segments[^1];
        // An item of a list of simple values ("Tags[0]") has no field of its own: the list property is the field.
        var bracket = last.IndexOf('[', StringComparison.Ordinal);
        return new FieldIdentifier(owner, bracket < 0 ? last : last[..bracket]);
    }

    private static object? Step(object owner, string segment)
    {
        var bracket = segment.IndexOf('[', StringComparison.Ordinal);
        var name = bracket < 0 ? segment : segment[..bracket];
        var value = owner.GetType().GetProperty(name, BindingFlags.Public | BindingFlags.Instance)?.GetValue(owner);
        if (bracket < 0 || value is null)
            return value;
        if (!int.TryParse(segment.AsSpan(bracket + 1, segment.Length - bracket - 2), out var index) || index < 0)
            return null;
        return value switch
        {
            IList list => index < list.Count ? list[index] : null,
            IEnumerable items => items.Cast<object?>().Skip(index).FirstOrDefault(),
            _ => null,
        };
    }
}
