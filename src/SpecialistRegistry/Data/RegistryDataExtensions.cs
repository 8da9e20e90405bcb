using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace SpecialistRegistry.Data;

public static class RegistryDataExtensions
{
    /// <summary>The store, chosen by configuration: SQLite (default) or PostgreSQL, plus field encryption and auditing.</summary>
    public static IServiceCollection AddRegistryData(this IServiceCollection services, IConfiguration configuration, IHostEnvironment env)
    {
        var options = configuration.GetSection(RegistryOptions.Section).Get<RegistryOptions>() ?? new RegistryOptions();
        services.Configure<RegistryOptions>(configuration.GetSection(RegistryOptions.Section));
        Directory.CreateDirectory(options.DataPath(env.ContentRootPath));

        // Sign-in cookies stay valid across restarts. Several nodes must share this folder (or move the keys to the database).
        services.AddDataProtection()
            .SetApplicationName("SpecialistRegistry")
            .PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(options.DataPath(env.ContentRootPath), "keys", "data-protection")));

        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<AuditInterceptor>();
        services.AddSingleton<SearchIndexInterceptor>();
        services.AddSingleton<WatchNotificationInterceptor>();
        services.AddSingleton<NotificationBroadcaster>();
        services.Configure<DisclosureOptions>(configuration.GetSection(DisclosureOptions.Section));
        services.AddSingleton<DisclosureWatch>();
        services.AddSingleton<NotificationPublishInterceptor>();
        services.AddSingleton(_ => FieldProtector.FromKeyFile(options.KeyFilePath(env.ContentRootPath)));

        if (options.Provider == DatabaseProvider.Postgres)
        {
            var connection = options.PostgresConnection
                ?? throw new InvalidOperationException("Registry:Provider is Postgres but Registry:PostgresConnection is not set.");
            services.AddDbContextFactory<PostgresRegistryDb>((sp, o) => Configure(o.UseNpgsql(connection), sp));
            services.AddScoped<Func<RegistryDb>>(sp => sp.GetRequiredService<IDbContextFactory<PostgresRegistryDb>>().CreateDbContext);
        }
        else
        {
            var connection = options.SqliteConnection(env.ContentRootPath);
            services.AddDbContextFactory<SqliteRegistryDb>((sp, o) => Configure(o.UseSqlite(connection), sp));
            services.AddScoped<Func<RegistryDb>>(sp => sp.GetRequiredService<IDbContextFactory<SqliteRegistryDb>>().CreateDbContext);
        }

        services.AddScoped<IDbContextFactory<RegistryDb>, RegistryDbFactory>();
        // Identity's stores want a context from the container; it is stamped like every other.
        services.AddScoped(sp => sp.GetRequiredService<IDbContextFactory<RegistryDb>>().CreateDbContext());
        services.AddOptions<AuditOptions>().BindConfiguration(AuditOptions.Section);
        services.AddScoped<AuditCheckpoints>();
        services.AddScoped<DatabaseStartup>();
        services.AddHostedService<DatabaseStartupService>();
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
