namespace SpecialistRegistry.Domain.Records;

/// <summary>
/// One difference between two versions of something: the field (for a specialist's record, the roster file's
/// column name, or the list's name for a list item), its value before and after (null where there was none).
/// In the audit trail a named event (a reveal, say) carries only a value per detail, which <see cref="IsDetail"/>
/// marks so that a page does not show a meaningless "before".
/// </summary>
public sealed record FieldChange(string Field, string? Old, string? New, bool IsDetail = false);
