using System.Net;
using System.Text.RegularExpressions;
using SpecialistRegistry.Auth;
using SpecialistRegistry.Data.Seed;
using SpecialistRegistry.Tests.Infrastructure;

namespace SpecialistRegistry.Tests.Web;

/// <summary>The headers every answer carries, and no-store on everything that is not a static file.</summary>
[Collection(WebCollection.Name)]
public sealed partial class SecurityHeadersTests(RegistryWebFactory factory)
{
    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(", ", values) : "";

    [Fact]
    public async Task A_page_carries_a_strict_content_security_policy_whose_nonce_is_on_the_import_map()
    {
        var response = await factory.CreateBrowserlessClient().GetAsync("/Account/Login");
        var html = await response.Content.ReadAsStringAsync();

        var csp = Header(response, "Content-Security-Policy");
        Assert.DoesNotContain("unsafe-eval", csp);
        Assert.Contains("default-src 'self'", csp);
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.Contains("object-src 'none'", csp);
        var scriptSrc = csp.Split(';').Select(d => d.Trim()).Single(d => d.StartsWith("script-src ", StringComparison.Ordinal));
        Assert.DoesNotContain("unsafe-inline", scriptSrc);
        var nonce = Nonce().Match(scriptSrc).Groups[1].Value;
        Assert.NotEmpty(nonce);
        // The import map is the page's only inline script, and it carries this response's nonce.
        var inline = InlineScript().Matches(html).Select(m => m.Value).ToList();
        var importMap = Assert.Single(inline);
        Assert.Contains("type=\"importmap\"", importMap);
        Assert.Contains($"nonce=\"{nonce}\"", importMap);

        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal("strict-origin-when-cross-origin", Header(response, "Referrer-Policy"));
        Assert.Contains("camera=()", Header(response, "Permissions-Policy"));
        Assert.Contains("geolocation=()", Header(response, "Permissions-Policy"));
        Assert.Equal("DENY", Header(response, "X-Frame-Options"));
        Assert.Contains("no-store", response.Headers.CacheControl?.ToString());
    }

    [Fact]
    public async Task Each_response_gets_a_new_nonce()
    {
        var client = factory.CreateBrowserlessClient();
        var first = Header(await client.GetAsync("/Account/Login"), "Content-Security-Policy");
        var second = Header(await client.GetAsync("/Account/Login"), "Content-Security-Policy");

        Assert.NotEqual(Nonce().Match(first).Value, Nonce().Match(second).Value);
    }

    [Fact]
    public async Task Pages_and_downloads_with_personal_data_are_not_stored_but_static_files_keep_their_caching()
    {
        var (email, password, _, _) = DemoAccounts.All.Single(a => a.Role == Roles.FirmHR);
        var hr = await factory.SignedInClientAsync(email, password);

        var roster = await hr.GetAsync("/roster");
        var export = await hr.GetAsync("/roster/export.csv");
        var css = await hr.GetAsync("/app.css");

        Assert.Equal(HttpStatusCode.OK, roster.StatusCode);
        Assert.Contains("no-store", roster.Headers.CacheControl?.ToString());
        Assert.Contains("no-store", export.Headers.CacheControl?.ToString());
        Assert.Equal(HttpStatusCode.OK, css.StatusCode);
        Assert.DoesNotContain("no-store", css.Headers.CacheControl?.ToString() ?? "");
        // Static files still get the other headers.
        Assert.Equal("nosniff", Header(css, "X-Content-Type-Options"));
    }

    [GeneratedRegex("'nonce-([A-Za-z0-9+/=]+)'")]
    private static partial Regex Nonce();

    // A <script> element without a src attribute: inline code that the policy must allow explicitly.
    [GeneratedRegex("<script(?![^>]*\\bsrc=)[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex InlineScript();
}
