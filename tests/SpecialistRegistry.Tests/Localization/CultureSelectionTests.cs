using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using SpecialistRegistry.Auth;
using SpecialistRegistry.Domain;
using SpecialistRegistry.Tests.Infrastructure;

namespace SpecialistRegistry.Tests.Localization;

/// <summary>
/// Which language a request gets, over HTTP: the account's choice, then the culture cookie the switch sets, then
/// Accept-Language, then Registry:DefaultCulture (this factory's is en; see <see cref="DefaultCultureTests"/> for the app's own).
/// </summary>
[Collection(WebCollection.Name)]
public sealed class CultureSelectionTests(RegistryWebFactory factory)
{
    private const string Password = "Correct-Horse-2026";

    [Theory]
    [InlineData("zh-CN", "zh-CN")]
    [InlineData("zh-CN,zh;q=0.9,en;q=0.8", "zh-CN")]
    [InlineData("en-US,en;q=0.9", "en")]
    [InlineData("fr-FR", "en")]   // not offered: the default
    public async Task Accept_language_decides_before_any_choice(string header, string expected)
    {
        using var client = factory.CreateBrowserlessClient();
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(header);

        Assert.Equal(expected, await LanguageOfAsync(client, "/Account/Login"));
    }

    [Fact]
    public async Task The_switch_sets_the_cookie_which_beats_accept_language()
    {
        using var client = factory.CreateBrowserlessClient();
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("zh-CN");

        var switched = await SwitchAsync(client, "en", "/Account/Login?returnUrl=%2Fsearch");

        Assert.Equal(HttpStatusCode.Redirect, switched.StatusCode);
        Assert.Equal("/Account/Login?returnUrl=%2Fsearch", switched.Headers.Location!.OriginalString);
        Assert.Contains(switched.Headers.GetValues("Set-Cookie"), c => c.StartsWith(".AspNetCore.Culture=c%3Den%7Cuic%3Den;", StringComparison.Ordinal));
        Assert.Equal("en", await LanguageOfAsync(client, "/Account/Login"));
    }

    [Fact]
    public async Task The_accounts_choice_beats_the_cookie()
    {
        var email = NewEmail("account-choice");
        await factory.CreateUserAsync(email, Password, Roles.Admin, u => u.Culture = "zh-CN");
        using var client = factory.CreateBrowserlessClient();
        await SwitchAsync(client, "en", "/Account/Login");
        Assert.Equal("en", await LanguageOfAsync(client, "/Account/Login"));

        await RegistryWebFactory.SignInAsync(client, email, Password);

        Assert.Equal("zh-CN", await LanguageOfAsync(client, "/Account/Manage"));
    }

    [Fact]
    public async Task A_signed_in_switch_is_kept_on_the_account_for_every_browser()
    {
        var email = NewEmail("switch");
        await factory.CreateUserAsync(email, Password, Roles.Admin);
        using var first = await factory.SignedInClientAsync(email, Password);
        Assert.Equal("en", await LanguageOfAsync(first, "/Account/Manage"));

        var switched = await SwitchAsync(first, "zh-CN", "/Account/Manage", from: "/Account/Manage");

        Assert.Equal(HttpStatusCode.Redirect, switched.StatusCode);
        Assert.Equal("zh-CN", await StoredCultureAsync(email));
        Assert.Equal("zh-CN", await LanguageOfAsync(first, "/Account/Manage"));

        // A fresh browser with no cookie and no Accept-Language: English until sign-in, then the account's Chinese.
        using var second = factory.CreateBrowserlessClient();
        Assert.Equal("en", await LanguageOfAsync(second, "/Account/Login"));
        await RegistryWebFactory.SignInAsync(second, email, Password);
        Assert.Equal("zh-CN", await LanguageOfAsync(second, "/Account/Manage"));
    }

    [Theory]
    [InlineData("fr")]
    [InlineData("")]
    [InlineData("c=zh-CN|uic=zh-CN")]
    public async Task An_unsupported_culture_changes_nothing(string culture)
    {
        var email = NewEmail("unsupported");
        await factory.CreateUserAsync(email, Password, Roles.Admin);
        using var client = await factory.SignedInClientAsync(email, Password);

        var switched = await SwitchAsync(client, culture, "/Account/Manage", from: "/Account/Manage");

        Assert.Equal(HttpStatusCode.Redirect, switched.StatusCode);
        Assert.Equal("/Account/Manage", switched.Headers.Location!.OriginalString);
        Assert.False(switched.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith(".AspNetCore.Culture", StringComparison.Ordinal)));
        Assert.Null(await StoredCultureAsync(email));
        Assert.Equal("en", await LanguageOfAsync(client, "/Account/Manage"));
    }

    [Theory]
    [InlineData("https://evil.example/phish")]
    [InlineData("//evil.example/phish")]
    [InlineData("/\\evil.example/phish")]
    [InlineData("javascript:alert(1)")]
    [InlineData("")]
    public async Task A_foreign_return_address_goes_home_instead(string returnUrl)
    {
        using var client = factory.CreateBrowserlessClient();

        var switched = await SwitchAsync(client, "zh-CN", returnUrl);

        Assert.Equal(HttpStatusCode.Redirect, switched.StatusCode);
        Assert.Equal("/", switched.Headers.Location!.OriginalString);
        Assert.Equal("zh-CN", await LanguageOfAsync(client, "/Account/Login"));   // the choice itself still counts
    }

    [Fact]
    public async Task The_switch_refuses_a_post_without_the_antiforgery_token()
    {
        using var client = factory.CreateBrowserlessClient();

        var response = await client.PostAsync("/culture", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["culture"] = "zh-CN",
            ["returnUrl"] = "/",
        }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    /// <summary>Posts the language switch the way its form does, with the antiforgery token of the page it sits on.</summary>
    internal static async Task<HttpResponseMessage> SwitchAsync(HttpClient client, string culture, string returnUrl, string from = "/Account/Login")
    {
        var page = await client.GetStringAsync(from);
        return await client.PostAsync("/culture", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = RegistryWebFactory.TokenFrom(page),
            ["culture"] = culture,
            ["returnUrl"] = returnUrl,
        }));
    }

    /// <summary>The language a page was rendered in, as its html lang attribute says.</summary>
    internal static async Task<string> LanguageOfAsync(HttpClient client, string path)
    {
        var response = await client.GetAsync(path);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {response.StatusCode} {response.Headers.Location}");
        var html = await response.Content.ReadAsStringAsync();
        var start = html.IndexOf("<html lang=\"", StringComparison.Ordinal) + "<html lang=\"".Length;
        return html[start..html.IndexOf('"', start)];
    }

    private async Task<string?> StoredCultureAsync(string email)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        return (await users.FindByEmailAsync(email))?.Culture;
    }

    private static string NewEmail(string what) => $"{what}-{Guid.NewGuid():N}@test.registry";
}

/// <summary>With no Registry:DefaultCulture setting the app speaks Chinese to a browser that states no language.</summary>
public sealed class DefaultCultureTests(DefaultCultureTests.AppWithItsOwnDefault app) : IClassFixture<DefaultCultureTests.AppWithItsOwnDefault>
{
    [Fact]
    public async Task Without_accept_language_the_default_culture_decides()
    {
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        Assert.Equal("zh-CN", await CultureSelectionTests.LanguageOfAsync(client, "/Account/Login"));
        Assert.Contains("账户由管理员创建。", WebUtility.HtmlDecode(await client.GetStringAsync("/Account/Login")));
    }

    [Fact]
    public async Task Accept_language_still_comes_before_the_default()
    {
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en-GB");

        Assert.Equal("en", await CultureSelectionTests.LanguageOfAsync(client, "/Account/Login"));
    }

    /// <summary>The app as configured out of the box (no demo data: these tests sign nobody in), on a database of its own.</summary>
    public sealed class AppWithItsOwnDefault : WebApplicationFactory<Program>
    {
        private readonly string _folder = Directory.CreateTempSubdirectory("registry-culture-").FullName;

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Development");
            builder.UseSetting("Registry:DataFolder", _folder);
            builder.UseSetting("Registry:SeedDemoData", "false");
        }

        protected override void Dispose(bool disposing)
        {
            base.Dispose(disposing);
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try { Directory.Delete(_folder, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }
}
