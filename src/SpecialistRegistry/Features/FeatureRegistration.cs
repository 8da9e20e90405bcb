using SpecialistRegistry.Components.Shared;
using SpecialistRegistry.Data.Seed;
using SpecialistRegistry.Features.Admin;
using SpecialistRegistry.Features.Audit;
using SpecialistRegistry.Features.Custody;
using SpecialistRegistry.Features.Dashboard;
using SpecialistRegistry.Features.Filings;
using SpecialistRegistry.Features.Flags;
using SpecialistRegistry.Features.Home;
using SpecialistRegistry.Features.Matching;
using SpecialistRegistry.Features.Profile;
using SpecialistRegistry.Features.Roster.Export;
using SpecialistRegistry.Features.Roster.Import;
using SpecialistRegistry.Features.Roster;
using SpecialistRegistry.Features.Search;
using SpecialistRegistry.Features.Search.Memory;
using SpecialistRegistry.Features.Travel;
using SpecialistRegistry.Features.Watches;
using SpecialistRegistry.Web;

namespace SpecialistRegistry.Features;

public static class FeatureRegistration
{
    public static IServiceCollection AddRegistryFeatures(this IServiceCollection services)
    {
        // Pages and services read their texts through IStringLocalizer (docs/localization.md).
        services.AddLocalization();
        // Rate limits inside circuits (reveals, receipt checks), which HTTP middleware never sees.
        services.AddActionThrottle();
        services.AddScoped<AuditVerifier>();
        services.AddScoped<LiveRowCheck>();
        services.AddScoped<AuditTrailService>();
        services.AddScoped<DisclosureReportService>();
        services.AddScoped<FirmAdminService>();
        services.AddScoped<FilingCalendarAdminService>();
        services.AddScoped<UserAdminService>();
        services.AddScoped<HomeFiguresService>();
        services.AddScoped<RosterService>();
        services.AddScoped<SpecialistEditorService>();
        services.AddScoped<DemoData>();
        services.AddScoped<RosterImportService>();
        services.AddScoped<RosterExportService>();
        services.AddScoped<BrowserDownload>();
        services.AddOptions<CustodyOptions>().BindConfiguration(CustodyOptions.Section);
        services.AddScoped<CustodyService>();
        services.AddScoped<CustodyQueries>();
        services.AddScoped<PublicReceiptCheck>();
        services.AddScoped<OverdueWorkList>();
        services.AddSingleton<IMailSender, PickupFolderMailSender>();
        services.AddSingleton<OverdueReminderJob>();
        services.AddHostedService(sp => sp.GetRequiredService<OverdueReminderJob>());
        services.AddScoped<FlagService>();
        services.AddScoped<WatchService>();
        services.AddScoped<WatchOverdueNotifier>();
        services.AddHostedService<WatchOverdueService>();
        services.AddScoped<MatchingService>();
        services.AddScoped<DashboardService>();
        services.AddScoped<SearchService>();
        services.AddSingleton<MemorySearchIndex>();
        services.AddHostedService<MemorySearchUpkeep>();
        services.AddScoped<ProfileService>();
        services.AddTravelFeature();
        services.AddFilings();
        return services;
    }
}
