using System.Net;
using System.Threading.RateLimiting;

namespace SpecialistRegistry.Web;

internal static class RateLimitPartitions
{
    /// <summary>The signed-in user's id, else the client's address: one office behind NAT shares one budget before sign-in.</summary>
    public static string KeyOf(string? userId, IPAddress? remote) =>
        userId is { Length: > 0 } ? "user:" + userId : "ip:" + (remote?.ToString() ?? "unknown");

    public static RateLimitPartition<string> FixedWindow(string key, RateLimitRule rule) =>
        RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = rule.Permits,
            Window = rule.Window,
            QueueLimit = 0,
            AutoReplenishment = true,
        });

    public static int RetryAfterSeconds(RateLimitLease lease) =>
        lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? Math.Max(1, (int)Math.Ceiling(after.TotalSeconds)) : 60;
}
