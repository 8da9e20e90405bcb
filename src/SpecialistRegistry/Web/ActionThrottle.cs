using System.Collections.Concurrent;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using SpecialistRegistry.Auth;

namespace SpecialistRegistry.Web;

/// <summary>
/// Rate limits for actions that happen inside a Blazor circuit (a reveal, a receipt check typed into a page),
/// which HTTP middleware never sees: one fixed-window limiter per action and user, with the same settings as
/// the HTTP policies.
/// </summary>
public sealed class ActionThrottle(IOptions<RateLimitOptions> options, IStringLocalizer<WebText> text) : IDisposable
{
    private readonly ConcurrentDictionary<ThrottledAction, PartitionedRateLimiter<string>> _limiters = new();

    /// <summary>Null when <paramref name="user"/> may go ahead; otherwise the message to show them.</summary>
    public string? Refusal(ThrottledAction action, UserContext user)
    {
        var limiter = _limiters.GetOrAdd(action, a => Create(options.Value.For(a)));
        using var lease = limiter.AttemptAcquire(RateLimitPartitions.KeyOf(user.Id, null));
        return lease.IsAcquired ? null : text["TooManyAttempts", RateLimitPartitions.RetryAfterSeconds(lease)].Value;
    }

    private static PartitionedRateLimiter<string> Create(RateLimitRule rule) =>
        PartitionedRateLimiter.Create<string, string>(key => RateLimitPartitions.FixedWindow(key, rule));

    public void Dispose()
    {
        foreach (var limiter in _limiters.Values)
            limiter.Dispose();
    }
}
