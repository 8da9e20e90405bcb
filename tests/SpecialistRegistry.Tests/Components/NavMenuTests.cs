using Bunit;
using SpecialistRegistry.Auth;
using SpecialistRegistry.Components.Layout;
using SpecialistRegistry.Tests.Infrastructure;

namespace SpecialistRegistry.Tests.Components;

/// <summary>The navigation shows an entry only for what the user's role may open.</summary>
public sealed class NavMenuTests : BunitTestBase
{
    public static TheoryData<string, string[], string[]> Cases => new()
    {
        { Roles.Admin, ["/", "/audit", "/admin/firms", "/admin/users", "/Account/Manage"], ["/search"] },
        { Roles.Regulator, ["/", "/search", "/audit", "/Account/Manage"], ["/admin/firms", "/admin/users"] },
        { Roles.FirmHR, ["/", "/Account/Manage"], ["/search", "/audit", "/admin/firms", "/admin/users"] },
        { Roles.CustodyOfficer, ["/", "/Account/Manage"], ["/search", "/audit", "/admin/firms", "/admin/users"] },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Each_role_sees_only_its_own_entries(string role, string[] shown, string[] hidden)
    {
        SignIn(TestUsers.Principal(role, role == Roles.FirmHR ? Guid.NewGuid() : null));

        var links = Links(Context.Render<NavMenu>());

        Assert.All(shown, href => Assert.Contains(href, links));
        Assert.All(hidden, href => Assert.DoesNotContain(href, links));
    }

    [Fact]
    public void A_signed_out_visitor_sees_only_sign_in()
    {
        SignIn(null);

        var links = Links(Context.Render<NavMenu>());

        Assert.Equal(["/Account/Login"], links);
    }

    private static List<string> Links(IRenderedComponent<NavMenu> menu) =>
        menu.FindAll("a").Select(a => a.GetAttribute("href") ?? "").ToList();
}
