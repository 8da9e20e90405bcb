using System.Net;
using System.Reflection;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Endpoints;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using SpecialistRegistry.Auth;
using SpecialistRegistry.Data.Seed;
using SpecialistRegistry.Tests.Infrastructure;

namespace SpecialistRegistry.Tests.Auth;

/// <summary>
/// Every routable page of the app × anonymous and each role, asked over HTTP with a real sign-in cookie:
/// allowed, sent to sign in, or refused, exactly as DESIGN.md's table says. The page list comes from the
/// app's own route table, so a new page without an entry here fails the first test.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class RoleMatrixTests(RegistryWebFactory factory)
{
    private const string Anonymous = "anonymous";
    private static readonly string[] Everyone = [Anonymous, .. Roles.All];
    private static readonly string[] SignedIn = [.. Roles.All];

    /// <summary>Route → who may open it. Mirrors DESIGN.md's "who may do what".</summary>
    private static readonly Dictionary<string, string[]> Expected = new()
    {
        ["/"] = SignedIn,
        ["/not-found"] = Everyone,
        ["/Error"] = Everyone,
        ["/audit"] = [Roles.Regulator, Roles.Admin],
        ["/audit/disclosures"] = [Roles.Regulator, Roles.Admin],
        ["/roster"] = [Roles.FirmHR],
        ["/roster/new"] = [Roles.FirmHR],
        ["/roster/{Id:guid}"] = [Roles.FirmHR],
        ["/custody"] = [Roles.CustodyOfficer],
        ["/custody/overdue"] = [Roles.CustodyOfficer],
        ["/custody/passports/{Id:guid}"] = [Roles.FirmHR, Roles.Regulator, Roles.CustodyOfficer],
        ["/custody/receipts/{Number}"] = [Roles.FirmHR, Roles.Regulator, Roles.CustodyOfficer],
        ["/custody/receipts/check"] = [Roles.FirmHR, Roles.Regulator, Roles.CustodyOfficer],
        ["/admin/firms"] = [Roles.Admin],
        ["/flags"] = [Roles.Regulator],
        ["/flags/specialist/{Id:guid}"] = [Roles.Regulator],
        ["/watches"] = [Roles.Regulator],
        ["/matches"] = [Roles.Regulator],
        ["/dashboard"] = [Roles.Regulator],
        ["/admin/users"] = [Roles.Admin],
        ["/roster/import"] = [Roles.FirmHR],
        ["/search"] = [Roles.Regulator],
        ["/specialists/{Id:guid}"] = [Roles.Regulator],
        ["/travel"] = [Roles.FirmHR],
        ["/travel/new"] = [Roles.FirmHR],
        ["/travel/review"] = [Roles.Regulator],
        ["/travel/{Id:guid}"] = [Roles.FirmHR, Roles.Regulator, Roles.CustodyOfficer],
        ["/custody/to-release"] = [Roles.CustodyOfficer],
        ["/filings"] = [Roles.FirmHR],
        ["/filings/prepare/{PeriodId:guid}"] = [Roles.FirmHR],
        ["/filings/{Id:guid}"] = [Roles.FirmHR],
        ["/filings/{Id:guid}/receipt"] = [Roles.FirmHR, Roles.Regulator],
        ["/filings/receipts/check"] = SignedIn,
        ["/receipts/verify"] = Everyone,
        ["/filings/review"] = [Roles.Regulator],
        ["/filings/not-filed"] = [Roles.Regulator],
        ["/filings/review/{Id:guid}"] = [Roles.Regulator],
        ["/admin/filing-calendar"] = [Roles.Admin],
        ["/Account/Login"] = Everyone,
        ["/Account/AccessDenied"] = Everyone,
        ["/Account/Lockout"] = Everyone,
        ["/Account/InvalidUser"] = Everyone,
        ["/Account/LoginWith2fa"] = Everyone,
        ["/Account/LoginWithRecoveryCode"] = Everyone,
        ["/Account/Manage"] = SignedIn,
        ["/Account/Manage/ChangePassword"] = SignedIn,
        ["/Account/Manage/TwoFactorAuthentication"] = SignedIn,
        ["/Account/Manage/EnableAuthenticator"] = SignedIn,
        ["/Account/Manage/ResetAuthenticator"] = SignedIn,
        ["/Account/Manage/Disable2fa"] = SignedIn,
        ["/Account/Manage/GenerateRecoveryCodes"] = SignedIn,
    };

    /// <summary>GET endpoints that are not pages (file downloads and the like) → who may call them.</summary>
    private static readonly Dictionary<string, string[]> ExpectedEndpoints = new()
    {
        ["/roster/export.csv"] = [Roles.FirmHR],
        ["/roster/export.xlsx"] = [Roles.FirmHR],
        ["/roster/template.csv"] = [Roles.FirmHR],
        ["/roster/template.xlsx"] = [Roles.FirmHR],
        ["/search/export.csv"] = [Roles.Regulator],
        ["/search/export.xlsx"] = [Roles.Regulator],
        ["/filings/{id:guid}/export.csv"] = [Roles.FirmHR, Roles.Regulator],
        ["/filings/{id:guid}/export.xlsx"] = [Roles.FirmHR, Roles.Regulator],
    };

    // Downloads of one thing by id: for an id that does not exist, an allowed caller is told "not found".
    private static readonly HashSet<string> NotFoundForUnknownId = ["/filings/{id:guid}/export.csv", "/filings/{id:guid}/export.xlsx"];

    // Pages that answer an allowed GET with a redirect of their own (nothing pending, nothing to show).
    private static readonly Dictionary<string, string> OwnRedirects = new()
    {
        ["/Account/LoginWith2fa"] = "/Account/Login",
        ["/Account/LoginWithRecoveryCode"] = "/Account/Login",
        ["/Account/Manage/Disable2fa"] = "/Account/Manage/TwoFactorAuthentication",
        ["/Account/Manage/GenerateRecoveryCodes"] = "/Account/Manage/TwoFactorAuthentication",
    };

    public static IEnumerable<(string Route, Type Page)> RoutablePages() =>
        typeof(Program).Assembly.GetTypes()
            .SelectMany(t => t.GetCustomAttributes<RouteAttribute>().Select(r => (r.Template, t)));

    [Fact]
    public void Every_routable_page_has_an_entry_in_the_matrix_and_an_explicit_authorization_decision()
    {
        var routes = RoutablePages().ToList();
        var missing = routes.Where(r => !Expected.ContainsKey(r.Route)).Select(r => r.Route).ToList();
        Assert.True(missing.Count == 0, "Pages with no entry in the role matrix: " + string.Join(", ", missing));
        var stale = Expected.Keys.Except(routes.Select(r => r.Route)).ToList();
        Assert.True(stale.Count == 0, "Matrix entries for pages that no longer exist: " + string.Join(", ", stale));

        var undecided = routes.Where(r => !HasDecision(r.Page)).Select(r => r.Route).ToList();
        Assert.True(undecided.Count == 0, "Pages without [Authorize(Policy = ...)] or [AllowAnonymous]: " + string.Join(", ", undecided));
    }

    [Fact]
    public void Every_GET_endpoint_that_is_not_a_page_has_an_entry_in_the_matrix()
    {
        var endpoints = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<ComponentTypeMetadata>() is null)
            .Where(e => e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods.Contains("GET") == true)
            .Select(e => "/" + e.RoutePattern.RawText!.TrimStart('/'))
            .Where(route => !route.StartsWith("/_", StringComparison.Ordinal))
            .Where(route => !IsStaticAsset(route))
            .ToHashSet();

        var missing = endpoints.Except(ExpectedEndpoints.Keys).ToList();
        Assert.True(missing.Count == 0, "GET endpoints with no entry in the role matrix: " + string.Join(", ", missing));
        Assert.Empty(ExpectedEndpoints.Keys.Except(endpoints));
    }

    // MapStaticAssets publishes one GET endpoint per file of wwwroot and the libraries' content; none is personal data.
    private static bool IsStaticAsset(string route) =>
        route.Contains(":file}", StringComparison.Ordinal) || route.EndsWith(".css", StringComparison.Ordinal) || route.EndsWith(".js", StringComparison.Ordinal)
        || route.EndsWith(".png", StringComparison.Ordinal) || route.EndsWith(".ico", StringComparison.Ordinal)
        || route.EndsWith(".woff2", StringComparison.Ordinal) || route.EndsWith(".gz", StringComparison.Ordinal)
        || route.EndsWith(".br", StringComparison.Ordinal) || route.EndsWith(".map", StringComparison.Ordinal)
        || route.EndsWith(".json", StringComparison.Ordinal) || route.EndsWith(".svg", StringComparison.Ordinal);

    [Fact]
    public async Task Each_role_is_allowed_exactly_the_pages_the_matrix_gives_it()
    {
        var failures = new List<string>();
        foreach (var who in Everyone)
        {
            foreach (var (route, allowed) in Expected.Concat(ExpectedEndpoints))
            {
                // A fresh session per request: opening EnableAuthenticator creates a key and so renews the
                // security stamp, which legitimately ends every older session of that user.
                using var client = who == Anonymous ? factory.CreateBrowserlessClient() : await SignInAsync(who);
                var response = await client.GetAsync(Concrete(route));
                var location = response.Headers.Location?.OriginalString ?? "";
                var outcome = Classify(response.StatusCode, location);
                var expected = allowed.Contains(who)
                    ? OwnRedirects.TryGetValue(route, out var own) ? $"redirect {own}" : NotFoundForUnknownId.Contains(route) ? "status 404" : "allowed"
                    : who == Anonymous ? "sign in" : "refused";
                if (outcome != expected && !(expected.StartsWith("redirect") && outcome == "allowed"))
                    failures.Add($"{who} GET {route}: expected {expected}, got {outcome} ({(int)response.StatusCode} {location})");
            }
        }
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    // A route parameter gets a value that matches its constraint; an unknown id must still be answered, not crash.
    private static string Concrete(string route) =>
        System.Text.RegularExpressions.Regex.Replace(route, @"\{[^}]*:guid\}", Guid.CreateVersion7().ToString(), System.Text.RegularExpressions.RegexOptions.IgnoreCase);

    private static string Classify(HttpStatusCode status, string location) => status switch
    {
        HttpStatusCode.OK => "allowed",
        HttpStatusCode.Redirect or HttpStatusCode.Found when location.Contains("/Account/Login?", StringComparison.Ordinal) => "sign in",
        HttpStatusCode.Redirect or HttpStatusCode.Found when location.Contains("/Account/AccessDenied", StringComparison.Ordinal) => "refused",
        HttpStatusCode.Redirect or HttpStatusCode.Found => $"redirect {new Uri(new Uri("http://x"), location).AbsolutePath}",
        _ => $"status {(int)status}",
    };

    private static bool HasDecision(Type page)
    {
        var attributes = page.GetCustomAttributes(inherit: true);
        return attributes.OfType<AllowAnonymousAttribute>().Any()
            || attributes.OfType<AuthorizeAttribute>().Any(a => a.Policy is { Length: > 0 } p && Policies.RolesFor.ContainsKey(p));
    }

    private Task<HttpClient> SignInAsync(string role)
    {
        var (email, password, _, _) = DemoAccounts.All.Single(a => a.Role == role);
        return factory.SignedInClientAsync(email, password);
    }
}
