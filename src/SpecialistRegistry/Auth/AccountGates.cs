using Microsoft.AspNetCore.Authorization;

namespace SpecialistRegistry.Auth;

/// <summary>
/// What the account gates (a temporary password to change, a second factor to set up) hold back: endpoints that
/// demand a signed-in user, known by their endpoint metadata. Static assets, the sign-in pages and other anonymous
/// endpoints carry no authorization requirement and pass, without a list of paths to keep up to date.
/// </summary>
internal static class AccountGates
{
    public static bool IsGuarded(HttpContext context) =>
        context.GetEndpoint() is { } endpoint
        && endpoint.Metadata.GetMetadata<IAuthorizeData>() is not null
        && endpoint.Metadata.GetMetadata<IAllowAnonymous>() is null;

    /// <summary>A page request goes to the gate's page; anything else is refused rather than done.</summary>
    public static Task SendToAsync(HttpContext context, string gatePath)
    {
        if (HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method))
            context.Response.Redirect(gatePath);
        else
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
        return Task.CompletedTask;
    }
}
