using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Options;

namespace SpecialistRegistry.Data;

public static class RegistryDataExtensions
{
    /// <summary>The store, chosen by configuration: SQLite (default) or PostgreSQL, plus field encryption and auditing.</summary>
    public static IServiceCollection AddRegistryData(this IServiceCollection services, IConfiguration configuration, IHostEnvironment env)
    {
        var options = configuration.GetSection(RegistryOptions.Section).Get<RegistryOptions>() ?? new RegistryOptions();
        options.DataFolder ??= RegistryOptions.DefaultDataFolder(env);
        services.Configure<RegistryOptions>(configuration.GetSection(RegistryOptions.Section));
        services.PostConfigure<RegistryOptions>(o => o.DataFolder ??= options.DataFolder);
        DataFiles.CreatePrivateFolder(options.DataPath(env.ContentRootPath));
        // First among the hosted services (they start in order): Data Protection's own loads the key ring at start,
        // which must find the database migrated and its first key made under the start-up lock.
        services.AddHostedService<DatabaseStartupService>();

        // Sign-in cookies and antiforgery tokens: one key ring in the database for every node, encrypted with the field key.
        var dataProtection = services.AddDataProtection().SetApplicationName("SpecialistRegistry");
        if (options.Provider == DatabaseProvider.Postgres)
            dataProtection.PersistKeysToDbContext<PostgresRegistryDb>();
        else
            dataProtection.PersistKeysToDbContext<SqliteRegistryDb>();
        services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(sp =>
            new ConfigureOptions<KeyManagementOptions>(o => o.XmlEncryptor = new FieldKeyXmlEncryptor(sp)));

        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<Operations.ClusterLock>();
        services.AddSingleton<AuditInterceptor>();
        services.AddSingleton<SearchIndexInterceptor>();
        services.AddSingleton<WatchNotificationInterceptor>();
        services.AddSingleton<NotificationBroadcaster>();
        services.Configure<DisclosureOptions>(configuration.GetSection(DisclosureOptions.Section));
        services.AddSingleton<DisclosureWatch>();
        // Receipts of two features build absolute links with it; it needs only the registry's options.
        services.AddSingleton<Operations.PublicUrl>();
        services.AddSingleton<NotificationPublishInterceptor>();
        services.AddSingleton<Operations.PostgresNotificationRelay>();
        services.AddHostedService(sp => sp.GetRequiredService<Operations.PostgresNotificationRelay>());
        services.AddSingleton(_ => FieldProtector.FromKeyFile(options.KeyFilePath(env.ContentRootPath)));

        if (options.Provider == DatabaseProvider.Postgres)
        {
            var connection = options.PostgresConnectionString();
            services.AddDbContextFactory<PostgresRegistryDb>((sp, o) => Configure(o.UseNpgsql(connection), sp));
            services.AddScoped<Func<RegistryDb>>(sp => sp.GetRequiredService<IDbContextFactory<PostgresRegistryDb>>().CreateDbContext);
            services.AddScoped(sp => sp.GetRequiredService<IDbContextFactory<PostgresRegistryDb>>().CreateDbContext());
        }
        else
        {
            var connection = options.SqliteConnection(env.ContentRootPath);
            services.AddDbContextFactory<SqliteRegistryDb>((sp, o) => Configure(o.UseSqlite(connection), sp));
            services.AddScoped<Func<RegistryDb>>(sp => sp.GetRequiredService<IDbContextFactory<SqliteRegistryDb>>().CreateDbContext);
            services.AddScoped(sp => sp.GetRequiredService<IDbContextFactory<SqliteRegistryDb>>().CreateDbContext());
        }

        services.AddScoped<IDbContextFactory<RegistryDb>, RegistryDbFactory>();
        // Identity's stores want a context from the container; it is stamped like every other.
        services.AddScoped(sp => sp.GetRequiredService<IDbContextFactory<RegistryDb>>().CreateDbContext());
        services.AddOptions<AuditOptions>().BindConfiguration(AuditOptions.Section);
        services.AddScoped<AuditCheckpoints>();
        services.AddScoped<DatabaseStartup>();
        // After the database start-up: hosted services start in order, so the first checkpoint finds the chain migrated.
        services.AddHostedService<AuditCheckpointJob>();
        return services;
    }

    internal static DbContextOptionsBuilder Configure(DbContextOptionsBuilder o, IServiceProvider sp) =>
        // The search index first (derived rows, not audited), then watch notifications (audited rows), then the
        // audit chain, which must see everything the save writes; live announcements last, after the commit.
        o.AddInterceptors(sp.GetRequiredService<SearchIndexInterceptor>(), sp.GetRequiredService<WatchNotificationInterceptor>(),
            sp.GetRequiredService<AuditInterceptor>(), sp.GetRequiredService<NotificationPublishInterceptor>())
         .ConfigureWarnings(w => w.Ignore(CoreEventId.PossibleIncorrectRequiredNavigationWithQueryFilterInteractionWarning));
}
