using System.Net;
using System.Security.Cryptography;
using SpecialistRegistry.Auth;
using SpecialistRegistry.Tests.Infrastructure;

namespace SpecialistRegistry.Tests.Operations;

/// <summary>
/// The operator's drill with real processes: two nodes of the published app, each with its own data folder, on one
/// PostgreSQL database and one field key file, reached at two addresses the way a load balancer would send a browser
/// to either. The in-process tests (<see cref="FirstStartTests"/>, <see cref="JobsOnceTests"/>,
/// <see cref="LiveAcrossNodesTests"/>) show each mechanism; this shows the whole deployment holds together.
/// </summary>
public sealed class TwoNodeDrillTests
{
    [Fact]
    public async Task Two_nodes_started_together_on_an_empty_database_both_serve_and_a_sign_in_on_one_holds_on_the_other()
    {
        await using var deployment = NodeDeployment.New();
        var (a, b) = await deployment.StartPairAsync();
        var password = await deployment.CreateAdminAsync("drill@registry.test", "Drill Admin");

        // Cookies are kept per host, not per port: one jar is one browser sent to either node.
        var jar = new CookieContainer();
        using var browser = new HttpClient(new HttpClientHandler { CookieContainer = jar, AllowAutoRedirect = false });

        // The sign-in form is served by node A and posted to node B: B accepts A's antiforgery token.
        var form = await browser.GetStringAsync(new Uri(a.Address, "Account/Login"));
        using var signIn = await browser.PostAsync(new Uri(b.Address, "Account/Login"), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login",
            ["__RequestVerificationToken"] = RegistryWebFactory.TokenFrom(form),
            ["Input.Email"] = "drill@registry.test",
            ["Input.Password"] = password,
        }));
        Assert.True(signIn.StatusCode == HttpStatusCode.Redirect, $"{signIn.StatusCode}\n{b.Output}");
        Assert.DoesNotContain("Account/Login", signIn.Headers.Location!.OriginalString);

        // B's sign-in cookie is read by A: the new admin is sent to choose a password, not back to sign in.
        using var home = await browser.GetAsync(new Uri(a.Address, "/"));
        Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);
        Assert.StartsWith(MustChangePasswordMiddleware.ChangePasswordPath, home.Headers.Location!.OriginalString);

        // A browser without the cookie is sent to sign in by either node.
        using var stranger = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        using var anonymous = await stranger.GetAsync(new Uri(b.Address, "/"));
        Assert.Contains("Account/Login", anonymous.Headers.Location!.OriginalString);

        Assert.False(a.HasExited, a.Output);
        Assert.False(b.HasExited, b.Output);
    }

    [Fact]
    public async Task A_node_given_another_field_key_or_none_refuses_to_start_and_says_which_file()
    {
        await using var deployment = NodeDeployment.New();
        var first = await deployment.StartNodeAsync("node-a");
        await first.WaitUntilReadyAsync();
        var key = await File.ReadAllTextAsync(deployment.KeyFile);

        var otherKey = Path.Combine(deployment.Folder, "other", "field-protection.key");
        Directory.CreateDirectory(Path.GetDirectoryName(otherKey)!);
        await File.WriteAllTextAsync(otherKey, Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
        var wrong = await deployment.StartNodeAsync("node-b", otherKey);
        Assert.NotEqual(0, await wrong.WaitForExitAsync(TimeSpan.FromMinutes(2)));
        Assert.Contains($"The field key in {otherKey} is not the key this database was encrypted with", wrong.Output);

        var absent = Path.Combine(deployment.Folder, "nowhere", "field-protection.key");
        var missing = await deployment.StartNodeAsync("node-c", absent);
        Assert.NotEqual(0, await missing.WaitForExitAsync(TimeSpan.FromMinutes(2)));
        Assert.Contains(absent, missing.Output);
        // No new key was made in its place, and the deployment's own key is untouched.
        Assert.False(File.Exists(absent));
        Assert.Equal(key, await File.ReadAllTextAsync(deployment.KeyFile));

        Assert.False(first.HasExited, first.Output);
    }
}
