using System.Security.Cryptography;
using Microsoft.Net.Http.Headers;

namespace SpecialistRegistry.Web;

/// <summary>
/// Response headers that keep the browser from running injected script, framing the portal, sniffing types,
/// leaking addresses in Referer or keeping personal data in its cache. See docs/web-security.md.
/// </summary>
public static class SecurityHeaders
{
    private const string NonceKey = "registry.csp-nonce";

    /// <summary>
    /// Blazor Server needs no eval; its only inline script is the import map, allowed by this request's nonce.
    /// MudBlazor writes style attributes and a theme &lt;style&gt; element, hence 'unsafe-inline' for styles only.
    /// 'self' in connect-src covers the circuit's same-origin WebSocket; data: images are the receipts' QR codes.
    /// </summary>
    public static string ContentSecurityPolicy(string nonce) =>
        "default-src 'self'; " +
        $"script-src 'self' 'nonce-{nonce}'; " +
        "style-src 'self' 'unsafe-inline'; " +
        "img-src 'self' data:; " +
        "font-src 'self'; " +
        "connect-src 'self'; " +
        "object-src 'none'; " +
        "base-uri 'self'; " +
        "form-action 'self'; " +
        "frame-ancestors 'none'";

    // Nothing in the portal uses these devices or APIs; clipboard stays allowed (copying a temporary password).
    public const string PermissionsPolicy =
        "accelerometer=(), camera=(), display-capture=(), geolocation=(), gyroscope=(), magnetometer=(), " +
        "microphone=(), midi=(), payment=(), usb=(), serial=(), hid=(), bluetooth=()";

    /// <summary>The nonce of this request's Content-Security-Policy, for the page's one inline script (the import map).</summary>
    public static string? CspNonce(this HttpContext http) => http.Items[NonceKey] as string;

    public static IApplicationBuilder UseRegistrySecurityHeaders(this IApplicationBuilder app) => app.Use((http, next) =>
    {
        // Hex, not Base64: no "+" or "/" for the HTML encoder to turn into entities in the nonce attribute.
        var nonce = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        http.Items[NonceKey] = nonce;
        http.Response.OnStarting(() =>
        {
            var headers = http.Response.Headers;
            headers.ContentSecurityPolicy = ContentSecurityPolicy(nonce);
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
            headers["Permissions-Policy"] = PermissionsPolicy;
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            // Pages, downloads and API answers carry personal data: no browser or proxy keeps a copy. Static
            // files (styles, scripts, images) set their own caching and are left alone.
            if (!headers.ContainsKey(HeaderNames.CacheControl))
            {
                headers.CacheControl = "no-store";
                headers.Pragma = "no-cache";
            }
            return Task.CompletedTask;
        });
        return next(http);
    });
}
