namespace SpecialistRegistry.Auth;

/// <summary>
/// A person whose role must use a second factor (Registry:Auth:RequireTwoFactorRoles) and has none set up yet is
/// led to the authenticator set-up before any other signed-in page opens, like the forced password change
/// (which comes first). The cookie says so (<see cref="RegistryClaims.MustEnrolTwoFactor"/>); enabling the
/// authenticator refreshes the sign-in and lifts it.
/// </summary>
internal sealed class TwoFactorEnrolmentMiddleware(RequestDelegate next)
{
    public const string EnablePath = "/Account/Manage/EnableAuthenticator";

    public Task InvokeAsync(HttpContext context) =>
        context.User.HasClaim(RegistryClaims.MustEnrolTwoFactor, "true")
        && !context.User.HasClaim(RegistryClaims.MustChangePassword, "true")
        && AccountGates.IsGuarded(context)
        && !context.Request.Path.StartsWithSegments(EnablePath, StringComparison.OrdinalIgnoreCase)
            ? AccountGates.SendToAsync(context, EnablePath)
            : next(context);
}
