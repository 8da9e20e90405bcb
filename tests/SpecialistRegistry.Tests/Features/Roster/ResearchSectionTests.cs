using Bunit;
using SpecialistRegistry.Domain;
using SpecialistRegistry.Features.Roster;
using SpecialistRegistry.Tests.Infrastructure;

namespace SpecialistRegistry.Tests.Features.Roster;

public sealed class ResearchSectionTests : BunitTestBase
{
    [Fact]
    public void A_research_title_is_edited_in_a_multi_line_field_that_shows_its_line_breaks()
    {
        SignIn(TestUsers.FirmHr(Guid.NewGuid()));
        var items = new List<ResearchForm> { new() { Kind = ResearchKind.Patent, Title = "Heavy rare earth separation\nby countercurrent extraction", Year = 2024 } };

        var section = Context.Render<ResearchSection>(p => p.Add(s => s.Items, items));

        var title = section.Find("textarea[data-testid=research-title-0]");
        Assert.Equal("Heavy rare earth separation\nby countercurrent extraction", title.GetAttribute("value") ?? title.TextContent);
        Assert.True(int.Parse(title.GetAttribute("rows")!, System.Globalization.CultureInfo.InvariantCulture) >= 2);
    }
}
