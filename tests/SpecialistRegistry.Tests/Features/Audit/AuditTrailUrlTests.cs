using SpecialistRegistry.Features.Audit;

namespace SpecialistRegistry.Tests.Features.Audit;

public sealed class AuditTrailUrlTests
{
    [Fact]
    public void A_view_written_to_the_url_reads_back_the_same()
    {
        var view = new AuditQuery
        {
            Text = "wang ", EntityType = "Firm", Action = "Modified", ActorId = "user-1",
            From = new DateOnly(2026, 11, 1), To = new DateOnly(2026, 11, 30),
            Page = 3, PageSize = 50, Sort = AuditSort.Actor, Descending = false,
        };

        var url = AuditTrailUrl.Write(view);
        var read = AuditTrailUrl.Read((string?)url["q"], (string?)url["type"], (string?)url["action"], (string?)url["actor"],
            (string?)url["from"], (string?)url["to"], (string?)url["page"], (string?)url["size"], (string?)url["sort"], (string?)url["dir"]);

        Assert.Equal(view, read);
        Assert.Equal("4", url["page"]);
        Assert.Equal("2026-11-01", url["from"]);
    }

    [Fact]
    public void The_default_view_has_a_clean_url()
    {
        Assert.All(AuditTrailUrl.Write(new AuditQuery()).Values, Assert.Null);
    }

    [Fact]
    public void A_hand_edited_link_is_read_leniently()
    {
        var read = AuditTrailUrl.Read(" ", null, null, null, "yesterday", "2026-13-01", "-2", "1000", "bogus", null);

        Assert.Equal(new AuditQuery(), read);
    }
}
