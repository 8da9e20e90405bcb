using SpecialistRegistry.Features.Audit;

using SpecialistRegistry.Domain.Records;

namespace SpecialistRegistry.Tests.Features.Audit;

public sealed class AuditChangesTests
{
    [Fact]
    public void Entity_changes_read_as_old_and_new_and_event_details_as_values()
    {
        var changes = AuditChanges.Parse("""{"Name":["Old","New"],"Region":[null,"Jiangxi"],"Reason":"Audit"}""");

        Assert.Equal(
            [new FieldChange("Name", "Old", "New"), new FieldChange("Region", null, "Jiangxi"), new FieldChange("Reason", null, "Audit", IsDetail: true)],
            changes);
    }

    [Fact]
    public void Unreadable_changes_are_shown_raw_rather_than_dropped()
    {
        Assert.Equal([new FieldChange("(raw)", null, "not json", IsDetail: true)], AuditChanges.Parse("not json"));
    }

    [Fact]
    public void A_modification_summary_lists_the_first_fields_and_counts_the_rest()
    {
        var changes = Enumerable.Range(1, 5).Select(i => new FieldChange($"F{i}", $"a{i}", $"b{i}")).ToList();

        Assert.Equal("F1: a1 → b1; F2: a2 → b2; F3: a3 → b3 (+2 more)", AuditChanges.Summarize("Modified", changes));
    }

    [Fact]
    public void An_addition_summary_leaves_out_the_key_and_empty_fields_and_shortens_long_values()
    {
        var changes = new[]
        {
            new FieldChange("ContactEmail", null, null),
            new FieldChange("ContactName", null, ""),
            new FieldChange("Id", null, "0199"),
            new FieldChange("Name", null, new string('x', 60)),
        };

        Assert.Equal($"Name = {new string('x', 39)}…", AuditChanges.Summarize("Added", changes));
    }

    [Fact]
    public void An_addition_summary_leads_with_the_name_of_the_new_row()
    {
        var changes = new[] { new FieldChange("CreditCode", null, "9133"), new FieldChange("Name", null, "Ningbo Magnets") };

        Assert.Equal("Name = Ningbo Magnets; CreditCode = 9133", AuditChanges.Summarize("Added", changes));
    }

    [Fact]
    public void A_cleared_value_is_spelled_out()
    {
        Assert.Equal("Phone: 123 → (empty); Note: (none) → hi",
            AuditChanges.Summarize("Modified", [new FieldChange("Phone", "123", ""), new FieldChange("Note", null, "hi")]));
    }
}
