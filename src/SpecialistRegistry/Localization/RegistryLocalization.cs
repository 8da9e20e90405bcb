using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.WebEncoders;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using MudBlazor;
using SpecialistRegistry.Domain;

namespace SpecialistRegistry.Localization;

/// <summary>
/// Chinese and English for every request and circuit: the person's choice on their account, else the culture
/// cookie set before sign-in, else the browser's Accept-Language, else <c>Registry:DefaultCulture</c> (zh-CN).
/// A Blazor circuit keeps the culture of the request that started it, so a change reloads the page.
/// </summary>
public static class RegistryLocalization
{
    public static IServiceCollection AddRegistryLocalization(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddLocalization();
        // Server-rendered pages carry Chinese as characters, not as &#x…; entities (the default encoder escapes
        // everything outside Basic Latin): pages stay a third of the size and readable in "view source".
        services.Configure<WebEncoderOptions>(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        services.AddTransient<MudLocalizer, RegistryMudLocalizer>();
        var fallback = RegistryCultures.Normalize(configuration["Registry:DefaultCulture"]) ?? RegistryCultures.Chinese;
        services.Configure<RequestLocalizationOptions>(o =>
        {
            o.SetDefaultCulture(fallback);
            o.AddSupportedCultures([.. RegistryCultures.Supported]);
            o.AddSupportedUICultures([.. RegistryCultures.Supported]);
            o.FallBackToParentCultures = true;
            o.FallBackToParentUICultures = true;
            o.RequestCultureProviders =
            [
                new UserCultureProvider(),
                new CookieRequestCultureProvider(),
                new AcceptLanguageHeaderRequestCultureProvider(),
            ];
        });
        return services;
    }

    /// <summary>
    /// POST /culture (culture, returnUrl): remembers the choice in the culture cookie and, for a signed-in person,
    /// on their account (their sign-in is refreshed so the cookie carries it), then goes back to the page.
    /// </summary>
    public static IEndpointRouteBuilder MapCultureSwitch(this IEndpointRouteBuilder app)
    {
        app.MapPost("/culture", async (HttpContext http, [FromForm] string? culture, [FromForm] string? returnUrl,
            UserManager<ApplicationUser> users, SignInManager<ApplicationUser> signIn) =>
        {
            var chosen = RegistryCultures.Normalize(culture);
            var back = IsLocal(returnUrl) ? returnUrl! : "/";
            if (chosen is null)
                return Results.LocalRedirect(back);
            http.Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(chosen)),
                new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), HttpOnly = true, IsEssential = true, SameSite = SameSiteMode.Lax, Secure = http.Request.IsHttps });
            if (http.User.Identity?.IsAuthenticated == true && await users.GetUserAsync(http.User) is { } user && user.Culture != chosen)
            {
                user.Culture = chosen;
                await users.UpdateAsync(user);
                await signIn.RefreshSignInAsync(user);
            }
            return Results.LocalRedirect(back);
        }).AllowAnonymous();
        return app;
    }

    private static bool IsLocal(string? url) =>
        !string.IsNullOrEmpty(url) && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'));
}
