namespace SpecialistRegistry.Auth;

/// <summary>
/// Security events for the operator's log, each with its own event id (4000–4099) so a log pipeline can alert on
/// them. They name the user id and the client address, never a password, code, key or token.
/// </summary>
internal static partial class SecurityEvents
{
    public const string Category = "SpecialistRegistry.Security";

    [LoggerMessage(EventId = 4001, EventName = "SignInSucceeded", Level = LogLevel.Information,
        Message = "Sign-in succeeded for user {UserId} from {Address} ({Method}).")]
    public static partial void SignInSucceeded(this ILogger logger, string userId, string? address, string method);

    [LoggerMessage(EventId = 4002, EventName = "SignInFailed", Level = LogLevel.Warning,
        Message = "Sign-in failed for {Account} from {Address}: {Reason}.")]
    public static partial void SignInFailed(this ILogger logger, string account, string? address, string reason);

    [LoggerMessage(EventId = 4003, EventName = "AccountLockedOut", Level = LogLevel.Warning,
        Message = "Account {UserId} is locked out after repeated failures; last attempt from {Address}.")]
    public static partial void LockedOut(this ILogger logger, string userId, string? address);

    [LoggerMessage(EventId = 4004, EventName = "SecondFactorFailed", Level = LogLevel.Warning,
        Message = "Second factor refused for user {UserId} from {Address} ({Method}).")]
    public static partial void SecondFactorFailed(this ILogger logger, string userId, string? address, string method);

    [LoggerMessage(EventId = 4005, EventName = "SignedOut", Level = LogLevel.Information,
        Message = "User {UserId} signed out from {Address} ({Reason}).")]
    public static partial void SignedOut(this ILogger logger, string userId, string? address, string reason);

    [LoggerMessage(EventId = 4006, EventName = "OtherSessionsEnded", Level = LogLevel.Information,
        Message = "User {UserId} ended {Count} other session(s) from {Address}.")]
    public static partial void OtherSessionsEnded(this ILogger logger, string userId, int count, string? address);

    [LoggerMessage(EventId = 4007, EventName = "SessionRefused", Level = LogLevel.Information,
        Message = "A sign-in cookie of user {UserId} from {Address} was refused: its session has ended or expired.")]
    public static partial void SessionRefused(this ILogger logger, string? userId, string? address);

    [LoggerMessage(EventId = 4008, EventName = "SecondFactorChanged", Level = LogLevel.Information,
        Message = "User {UserId} changed their second factor from {Address}: {Change}.")]
    public static partial void SecondFactorChanged(this ILogger logger, string userId, string? address, string change);

    [LoggerMessage(EventId = 4009, EventName = "ReauthenticationFailed", Level = LogLevel.Warning,
        Message = "User {UserId} from {Address} failed to confirm their identity for {Action}.")]
    public static partial void ReauthenticationFailed(this ILogger logger, string userId, string? address, string action);

    [LoggerMessage(EventId = 4010, EventName = "PasswordChanged", Level = LogLevel.Information,
        Message = "User {UserId} changed their password from {Address}.")]
    public static partial void PasswordChanged(this ILogger logger, string userId, string? address);

    public static ILogger Create(ILoggerFactory factory) => factory.CreateLogger(Category);

    /// <summary>The client's address as the server saw it (after forwarded headers, when they are configured).</summary>
    public static string? Address(this HttpContext? http) => http?.Connection.RemoteIpAddress?.ToString();
}
