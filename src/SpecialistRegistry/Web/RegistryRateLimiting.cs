using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace SpecialistRegistry.Web;

/// <summary>
/// ASP.NET Core rate limiting for the requests that guess secrets (sign-in, second factor, recovery codes) or
/// copy data out (file downloads). A refused request gets 429, <c>Retry-After</c> and a page in the reader's
/// language saying how long to wait.
/// </summary>
public static class RegistryRateLimiting
{
    public static IServiceCollection AddRegistryRateLimiting(this IServiceCollection services)
    {
        services.AddActionThrottle();
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = RejectAsync;
            // Sign-in pages answer GET (the form) and POST (the attempt) on one endpoint; only attempts count.
            AddPolicy(o, ThrottledAction.SignIn, postsOnly: true);
            AddPolicy(o, ThrottledAction.TwoFactor, postsOnly: true);
            AddPolicy(o, ThrottledAction.RecoveryCode, postsOnly: true);
            AddPolicy(o, ThrottledAction.Export, postsOnly: false);
            // The public receipt check answers a GET (the QR code is a link): every load with a number counts.
            AddPolicy(o, ThrottledAction.PublicReceiptCheck, postsOnly: false);
        });
        return services;
    }

    /// <summary>The limits (<c>Registry:RateLimits</c>) and the in-circuit throttle; safe to call more than once.</summary>
    public static IServiceCollection AddActionThrottle(this IServiceCollection services)
    {
        if (services.Any(d => d.ServiceType == typeof(ActionThrottle)))
            return services;
        services.AddOptions<RateLimitOptions>().BindConfiguration(RateLimitOptions.Section);
        services.AddSingleton<ActionThrottle>();
        return services;
    }

    private static void AddPolicy(RateLimiterOptions o, ThrottledAction action, bool postsOnly) =>
        o.AddPolicy(action.ToString(), http =>
        {
            if (postsOnly && !HttpMethods.IsPost(http.Request.Method))
                return System.Threading.RateLimiting.RateLimitPartition.GetNoLimiter("not-an-attempt");
            var rule = http.RequestServices.GetRequiredService<IOptions<RateLimitOptions>>().Value.For(action);
            var user = http.User.Identity?.IsAuthenticated == true ? http.User.FindFirstValue(ClaimTypes.NameIdentifier) : null;
            return RateLimitPartitions.FixedWindow(RateLimitPartitions.KeyOf(user, http.Connection.RemoteIpAddress), rule);
        });

    private static async ValueTask RejectAsync(OnRejectedContext context, CancellationToken ct)
    {
        var seconds = RateLimitPartitions.RetryAfterSeconds(context.Lease);
        var http = context.HttpContext;
        http.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        http.Response.Headers.CacheControl = "no-store";
        var page = new RazorComponentResult<TooManyRequestsPage>(new Dictionary<string, object?>
        {
            [nameof(TooManyRequestsPage.RetryAfterSeconds)] = seconds,
        })
        { StatusCode = StatusCodes.Status429TooManyRequests };
        await page.ExecuteAsync(http);
    }
}
