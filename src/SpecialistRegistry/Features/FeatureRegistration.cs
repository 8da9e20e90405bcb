using SpecialistRegistry.Data.Seed;
using SpecialistRegistry.Features.Admin;
using SpecialistRegistry.Features.Audit;
using SpecialistRegistry.Features.Home;
using SpecialistRegistry.Features.Profile;
using SpecialistRegistry.Features.Roster;
using SpecialistRegistry.Features.Search;

namespace SpecialistRegistry.Features;

public static class FeatureRegistration
{
    public static IServiceCollection AddRegistryFeatures(this IServiceCollection services)
    {
        services.AddScoped<AuditVerifier>();
        services.AddScoped<AuditTrailService>();
        services.AddScoped<FirmAdminService>();
        services.AddScoped<UserAdminService>();
        services.AddScoped<HomeFiguresService>();
        services.AddScoped<RosterService>();
        services.AddScoped<SpecialistEditorService>();
        services.AddScoped<DemoData>();
        services.AddScoped<SearchService>();
        services.AddScoped<ProfileService>();
        return services;
    }
}
