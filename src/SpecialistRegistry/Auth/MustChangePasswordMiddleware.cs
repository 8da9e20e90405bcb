namespace SpecialistRegistry.Auth;

/// <summary>
/// An account created or reset by an Admin carries a temporary password: until it is changed, every page
/// request leads to the change-password page.
/// </summary>
internal sealed class MustChangePasswordMiddleware(RequestDelegate next)
{
    public const string ChangePasswordPath = "/Account/Manage/ChangePassword";

    private static readonly string[] AllowedPrefixes =
        [ChangePasswordPath, "/Account/Logout", "/_framework", "/_content", "/_blazor", "/favicon", "/app.css", "/SpecialistRegistry.styles.css"];

    public Task InvokeAsync(HttpContext context)
    {
        if (context.User.HasClaim(RegistryClaims.MustChangePassword, "true")
            && HttpMethods.IsGet(context.Request.Method)
            && !AllowedPrefixes.Any(p => context.Request.Path.StartsWithSegments(p, StringComparison.OrdinalIgnoreCase)))
        {
            context.Response.Redirect(ChangePasswordPath);
            return Task.CompletedTask;
        }
        return next(context);
    }
}
