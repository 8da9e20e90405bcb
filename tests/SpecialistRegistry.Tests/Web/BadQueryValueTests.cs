using System.Net;
using SpecialistRegistry.Auth;
using SpecialistRegistry.Data.Seed;
using SpecialistRegistry.Tests.Auth;
using SpecialistRegistry.Tests.Infrastructure;

namespace SpecialistRegistry.Tests.Web;

/// <summary>
/// Every routed page, opened by every role with hand-edited, truncated or hostile query values, answers with
/// the page (its defaults), "not found" or a redirect: never an error. The page list is the app's route table.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class BadQueryValueTests(RegistryWebFactory factory)
{
    // Every query key a page of the portal reads, with values of the wrong type.
    private const string WrongTypes =
        "desc=maybe&asc=maybe&firm=x&within=abc&page=-1&size=abc&specialist=x&sent=x&submitted=maybe&resubmissions=maybe" +
        "&problems=maybe&sort=nonsense&dir=sideways&status=nonsense&show=nonsense&kind=nonsense&segment=nonsense&period=nonsense" +
        "&reason=x&severity=x&purpose=x&country=x&change=x&since=x&role=x&level=x&area=x&custody=x&degree=x&flags=x" +
        "&expiring=abc&hired=abc&from=abc&to=abc&type=x&action=x&actor=x&number=x&code=x&q=%00%E2%80%AE";

    // Numbers out of every range: too big for an int, the largest int, negative, and one beyond any page.
    private const string HugeNumbers =
        "page=99999999999999999999&size=2147483647&within=2147483647&expiring=-5&sent=-2147483648&firm=00000000-0000-0000-0000-000000000000" +
        "&specialist=00000000-0000-0000-0000-000000000000&desc=TRUE&asc=False&from=9999-12-31&to=0001-01-01&hired=9999-12-31";

    private const string FarPage = "page=1000000&size=100";

    [Fact]
    public async Task No_page_answers_a_bad_query_value_with_an_error()
    {
        var clients = new Dictionary<string, HttpClient> { ["anonymous"] = factory.CreateBrowserlessClient() };
        foreach (var role in Roles.All)
        {
            var (email, password, _, _) = DemoAccounts.All.Single(a => a.Role == role);
            clients[role] = await factory.SignedInClientAsync(email, password);
        }

        var failures = new List<string>();
        var answered = new HashSet<string>();
        // The account-management pages are left out: opening the authenticator page renews the security stamp
        // and so ends the session the other pages are asked with. None of them reads a query value.
        foreach (var (route, _) in RoleMatrixTests.RoutablePages().Where(r => !r.Route.StartsWith("/Account/Manage", StringComparison.Ordinal)))
        {
            foreach (var query in new[] { WrongTypes, HugeNumbers, FarPage })
            {
                foreach (var (who, client) in clients)
                {
                    var url = Concrete(route) + "?" + query;
                    var response = await client.GetAsync(url);
                    if ((int)response.StatusCode >= 500)
                        failures.Add($"{who} GET {url}: {(int)response.StatusCode}");
                    else if (who != "anonymous" && response.StatusCode == HttpStatusCode.OK)
                        answered.Add(route);
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
        // And each page really was rendered for someone allowed to see it (not only refused or redirected).
        var neverShown = RoleMatrixTests.RoutablePages().Select(r => r.Route)
            .Where(r => !r.StartsWith("/Account/", StringComparison.Ordinal) && !answered.Contains(r)).ToList();
        Assert.True(neverShown.Count == 0, "Pages no role saw: " + string.Join(", ", neverShown));
    }

    private static string Concrete(string route) =>
        System.Text.RegularExpressions.Regex.Replace(route.Replace("{Number}", "CR-20261102-ZZZZZZ"), @"\{[^}]*:guid\}", Guid.CreateVersion7().ToString(),
            System.Text.RegularExpressions.RegexOptions.IgnoreCase);
}
