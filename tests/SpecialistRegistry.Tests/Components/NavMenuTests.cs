using Bunit;
using SpecialistRegistry.Auth;
using SpecialistRegistry.Components.Layout;
using SpecialistRegistry.Tests.Infrastructure;

namespace SpecialistRegistry.Tests.Components;

/// <summary>The navigation shows an entry only for what the user's role may open.</summary>
public sealed class NavMenuTests : BunitTestBase
{
    private static readonly string[] RegulatorOnly = ["/search", "/dashboard", "/flags", "/watches", "/matches", "/travel/review", "/filings/review"];

    public static TheoryData<string, string[], string[]> Cases => new()
    {
        { Roles.Admin, ["/", "/audit", "/admin/firms", "/admin/users", "/admin/filing-calendar", "/filings/receipts/check", "/Account/Manage"],
            ["/custody", "/custody/overdue", "/custody/receipts/check", "/travel", "/custody/to-release", "/filings", .. RegulatorOnly] },
        { Roles.Regulator, ["/", "/audit", "/custody/receipts/check", "/filings/receipts/check", "/Account/Manage", .. RegulatorOnly],
            ["/admin/firms", "/admin/users", "/admin/filing-calendar", "/custody", "/custody/overdue", "/travel", "/custody/to-release", "/filings"] },
        { Roles.FirmHR, ["/", "/custody/receipts/check", "/filings", "/filings/receipts/check", "/Account/Manage", "/travel"],
            ["/audit", "/admin/firms", "/admin/users", "/admin/filing-calendar", "/custody", "/custody/overdue", "/custody/to-release", .. RegulatorOnly] },
        { Roles.CustodyOfficer, ["/", "/custody", "/custody/overdue", "/custody/to-release", "/custody/receipts/check", "/filings/receipts/check", "/Account/Manage"],
            ["/audit", "/admin/firms", "/admin/users", "/admin/filing-calendar", "/travel", "/filings", .. RegulatorOnly] },
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
