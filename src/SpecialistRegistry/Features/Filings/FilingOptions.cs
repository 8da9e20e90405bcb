namespace SpecialistRegistry.Features.Filings;

/// <summary>The "Registry:Filings" configuration section.</summary>
public sealed class FilingOptions
{
    public const string Section = "Registry:Filings";

    /// <summary>A quarter's filing is due this many days after the quarter ends.</summary>
    public int DueDaysAfterQuarter { get; set; } = 30;

    /// <summary>
    /// The first quarter to generate ("2026-Q3"). Unset: a new registry starts with the quarter it is in, and an
    /// existing one goes on from its earliest quarter.
    /// </summary>
    public string? FirstQuarter { get; set; }

    /// <summary>Firms are reminded from this many days before a due date.</summary>
    public int DueSoonDays { get; set; } = 14;

    /// <summary>Hour of the day (UTC) at which the daily calendar and reminder job runs.</summary>
    public int DailyRunHourUtc { get; set; } = 2;
}

public static class FilingRegistration
{
    /// <summary>The filings feature's services and its daily job, in one place.</summary>
    public static IServiceCollection AddFilings(this IServiceCollection services)
    {
        services.AddOptions<FilingOptions>().BindConfiguration(FilingOptions.Section);
        services.AddScoped<FilingCalendar>();
        services.AddScoped<FilingQueries>();
        services.AddScoped<FilingService>();
        services.AddScoped<FilingReviewService>();
        services.AddScoped<FilingExportService>();
        services.AddSingleton<FilingReminderJob>();
        services.AddHostedService(sp => sp.GetRequiredService<FilingReminderJob>());
        return services;
    }
}
