using Bunit;
using Microsoft.AspNetCore.Components;
using SpecialistRegistry.Components.Layout;
using SpecialistRegistry.Tests.Infrastructure;

namespace SpecialistRegistry.Tests.Components;

/// <summary>The layout works on a phone and from the keyboard: a skip link, a menu button, a drawer that closes.</summary>
public sealed class MainLayoutTests : BunitTestBase
{
    [Fact]
    public void The_first_link_skips_to_the_main_content()
    {
        SignIn(null);

        var layout = Render();

        var first = layout.Find("a");
        Assert.Equal("#main", first.GetAttribute("href"));
        Assert.Contains("skip-link", first.ClassList);
        Assert.NotNull(layout.Find("main#main"));
    }

    [Fact]
    public void The_menu_button_opens_and_closes_the_navigation_drawer()
    {
        SignIn(null);
        var layout = Render();

        // bUnit has no real viewport, so MudBlazor decides the drawer's starting state; the button must flip it.
        var before = layout.Find("button.menu-button").GetAttribute("aria-expanded");
        Assert.Contains("mud-drawer-responsive", layout.Find(".mud-drawer").ClassList);

        layout.Find("button.menu-button").Click();

        var after = layout.Find("button.menu-button").GetAttribute("aria-expanded");
        Assert.NotEqual(before, after);
        Assert.Equal(after == "true", layout.Find(".mud-drawer").ClassList.Contains("mud-drawer--open"));
    }

    private IRenderedComponent<MainLayout> Render() =>
        Context.Render<MainLayout>(p => p.Add(l => l.Body, (RenderFragment)(b => b.AddContent(0, "page"))));
}
