using SpecialistRegistry.Data.Seed;
using SpecialistRegistry.Features.Audit;
using SpecialistRegistry.Features.Home;

namespace SpecialistRegistry.Features;

public static class FeatureRegistration
{
    public static IServiceCollection AddRegistryFeatures(this IServiceCollection services)
    {
        services.AddScoped<AuditVerifier>();
        services.AddScoped<AuditTrailService>();
        services.AddScoped<HomeFiguresService>();
        services.AddScoped<DemoData>();
        return services;
    }
}
