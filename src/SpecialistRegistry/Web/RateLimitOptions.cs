namespace SpecialistRegistry.Web;

/// <summary>
/// How often one caller may try each guarded action (<c>Registry:RateLimits:&lt;Action&gt;:PermitLimit</c> and
/// <c>:WindowSeconds</c>). A caller is the signed-in user, or the client's IP address before sign-in. The
/// counters live in each app node's memory: enough to stop scripted guessing and bulk copying, not a quota.
/// </summary>
public sealed class RateLimitOptions
{
    public const string Section = "Registry:RateLimits";

    /// <summary>Password sign-in posts per IP address. Account lockout still applies per account on top.</summary>
    public RateLimitRule SignIn { get; set; } = new() { PermitLimit = 20, WindowSeconds = 60 };

    /// <summary>Authenticator code posts per IP address.</summary>
    public RateLimitRule TwoFactor { get; set; } = new() { PermitLimit = 10, WindowSeconds = 60 };

    /// <summary>Recovery code posts per IP address: a recovery code has no second factor behind it.</summary>
    public RateLimitRule RecoveryCode { get; set; } = new() { PermitLimit = 5, WindowSeconds = 300 };

    /// <summary>Custody and filing receipt checks per user.</summary>
    public RateLimitRule ReceiptCheck { get; set; } = new() { PermitLimit = 30, WindowSeconds = 60 };

    /// <summary>Receipt checks without signing in (a scanned QR code), per IP address: tighter, as nobody is accountable.</summary>
    public RateLimitRule PublicReceiptCheck { get; set; } = new() { PermitLimit = 10, WindowSeconds = 60 };

    /// <summary>File downloads (roster, search results, filings) per user.</summary>
    public RateLimitRule Export { get; set; } = new() { PermitLimit = 30, WindowSeconds = 600 };

    /// <summary>Reveals of a full passport or national ID number per user.</summary>
    public RateLimitRule Reveal { get; set; } = new() { PermitLimit = 30, WindowSeconds = 600 };

    public RateLimitRule For(ThrottledAction action) => action switch
    {
        ThrottledAction.SignIn => SignIn,
        ThrottledAction.TwoFactor => TwoFactor,
        ThrottledAction.RecoveryCode => RecoveryCode,
        ThrottledAction.ReceiptCheck => ReceiptCheck,
        ThrottledAction.PublicReceiptCheck => PublicReceiptCheck,
        ThrottledAction.Export => Export,
        ThrottledAction.Reveal => Reveal,
        _ => throw new ArgumentOutOfRangeException(nameof(action), action, null),
    };
}

public sealed class RateLimitRule
{
    public int PermitLimit { get; set; }
    public int WindowSeconds { get; set; }

    // A zero or negative setting would refuse everything; it is read as "at least one attempt per second".
    internal TimeSpan Window => TimeSpan.FromSeconds(Math.Max(1, WindowSeconds));
    internal int Permits => Math.Max(1, PermitLimit);
}

/// <summary>The guarded actions; each is also the name of its HTTP rate-limiting policy.</summary>
public enum ThrottledAction
{
    SignIn,
    TwoFactor,
    RecoveryCode,
    ReceiptCheck,
    Export,
    Reveal,
    PublicReceiptCheck,
}

/// <summary>Policy names for <c>[EnableRateLimiting(...)]</c> and <c>RequireRateLimiting(...)</c>.</summary>
public static class RateLimitPolicies
{
    public const string SignIn = nameof(ThrottledAction.SignIn);
    public const string TwoFactor = nameof(ThrottledAction.TwoFactor);
    public const string RecoveryCode = nameof(ThrottledAction.RecoveryCode);
    public const string Export = nameof(ThrottledAction.Export);
    public const string PublicReceiptCheck = nameof(ThrottledAction.PublicReceiptCheck);
}
