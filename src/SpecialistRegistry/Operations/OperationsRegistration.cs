using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace SpecialistRegistry.Operations;

public static class OperationsRegistration
{
    /// <summary>Health checks, the public address and, when configured, trust in a reverse proxy's forwarded headers.</summary>
    public static IServiceCollection AddRegistryOperations(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddRegistryHealth();
        var proxy = configuration.GetSection(ForwardedHeadersSettings.Section).Get<ForwardedHeadersSettings>() ?? new ForwardedHeadersSettings();
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            o.ForwardLimit = Math.Max(1, proxy.ForwardLimit);
            foreach (var address in proxy.KnownProxies)
                o.KnownProxies.Add(IPAddress.Parse(address));
            foreach (var network in proxy.KnownNetworks)
                o.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
        });
        if (proxy.Enabled)
            services.AddTransient<IStartupFilter, ForwardedHeadersFirst>();
        return services;
    }

    /// <summary>
    /// First in the whole pipeline (before the authentication the host adds on its own, which builds the sign-in
    /// redirect from the request's scheme): the scheme and client address the proxy saw, so the sign-in cookie is
    /// Secure, redirects stay on https and rate limits see the real client.
    /// </summary>
    private sealed class ForwardedHeadersFirst : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.UseForwardedHeaders();
            next(app);
        };
    }
}
