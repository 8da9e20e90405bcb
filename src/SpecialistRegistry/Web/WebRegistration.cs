namespace SpecialistRegistry.Web;

public static class WebRegistration
{
    /// <summary>Request-level guards: rate limits (HTTP and in-circuit). The security headers are middleware (<see cref="SecurityHeaders"/>).</summary>
    public static IServiceCollection AddRegistryWeb(this IServiceCollection services) => services.AddRegistryRateLimiting();
}
