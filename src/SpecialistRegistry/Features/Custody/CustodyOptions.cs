namespace SpecialistRegistry.Features.Custody;

/// <summary>The "Registry:Custody" configuration section.</summary>
public sealed class CustodyOptions
{
    public const string Section = "Registry:Custody";

    /// <summary>The work list and the daily job also show passports due back within this many days.</summary>
    public int DueSoonDays { get; set; } = 7;

    /// <summary>Hour of the day (UTC) at which the daily overdue job runs.</summary>
    public int DailyRunHourUtc { get; set; } = 1;

    /// <summary>Sender address of the reminder e-mails.</summary>
    public string MailFrom { get; set; } = "custody-office@registry.invalid";
}
