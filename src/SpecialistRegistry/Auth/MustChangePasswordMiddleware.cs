namespace SpecialistRegistry.Auth;

/// <summary>
/// An account created or reset by an Admin carries a temporary password: until it is changed, every request for a
/// signed-in page leads to the change-password page (see <see cref="AccountGates"/>).
/// </summary>
internal sealed class MustChangePasswordMiddleware(RequestDelegate next)
{
    public const string ChangePasswordPath = "/Account/Manage/ChangePassword";

    public Task InvokeAsync(HttpContext context) =>
        context.User.HasClaim(RegistryClaims.MustChangePassword, "true")
        && AccountGates.IsGuarded(context)
        && !context.Request.Path.StartsWithSegments(ChangePasswordPath, StringComparison.OrdinalIgnoreCase)
            ? AccountGates.SendToAsync(context, ChangePasswordPath)
            : next(context);
}
