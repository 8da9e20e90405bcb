using SpecialistRegistry.Domain;

namespace SpecialistRegistry.Features.Travel;

public static class TravelRegistration
{
    /// <summary>The travel feature's services, its settings ("Registry:Travel") and its daily expiry job.</summary>
    public static IServiceCollection AddTravelFeature(this IServiceCollection services)
    {
        services.AddOptions<TravelRules>().BindConfiguration(TravelRules.Section);
        services.AddSingleton<ApprovalNumbers>();
        services.AddScoped<TravelService>();
        services.AddScoped<TravelQueries>();
        // The custody office's list of approved trips to prepare lives with the custody pages, but exists for travel.
        services.AddScoped<Custody.ToReleaseWorkList>();
        services.AddSingleton<TravelExpiryJob>();
        services.AddHostedService(sp => sp.GetRequiredService<TravelExpiryJob>());
        return services;
    }
}
