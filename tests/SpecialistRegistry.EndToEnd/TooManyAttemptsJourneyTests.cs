using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SpecialistRegistry.Web;

namespace SpecialistRegistry.EndToEnd;

/// <summary>Its own app with a sign-in limit of two attempts, so no other journey is throttled.</summary>
public sealed class ThrottledAppServer : AppServer
{
    protected override void ConfigureServices(IServiceCollection services) =>
        services.Configure<RateLimitOptions>(o => o.SignIn = new RateLimitRule { PermitLimit = 2, WindowSeconds = 300 });
}

[CollectionDefinition(Name)]
public sealed class ThrottledAppCollection : ICollectionFixture<ThrottledAppServer>
{
    public const string Name = "throttled-app";
}

/// <summary>A person who keeps trying wrong passwords sees a page that says how long to wait, in their language.</summary>
[Collection(ThrottledAppCollection.Name)]
public sealed class TooManyAttemptsJourneyTests(ThrottledAppServer app)
{
    [Fact]
    public async Task The_third_sign_in_attempt_shows_the_wait_page_in_Chinese()
    {
        var page = await app.NewPageAsync("zh-CN");
        for (var i = 0; i < 2; i++)
            await Journeys.SubmitSignInAsync(page, "nobody@demo.registry", "not-a-password-at-all");

        await Journeys.SubmitSignInAsync(page, "nobody@demo.registry", "not-a-password-at-all");

        await Assertions.Expect(page.GetByTestId("too-many-attempts")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^尝试次数过多，请在 \d+ 秒后重试。$"));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("尝试次数过多");
        await Journeys.ScreenshotAsync(page, "too-many-attempts-zh");
        await Journeys.AssertAccessibleAsync(page);
        await page.Context.CloseAsync();
    }
}
