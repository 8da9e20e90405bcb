namespace SpecialistRegistry.Auth;

/// <summary>The "Registry:Auth" configuration section: how long a session lasts and who must use a second factor.</summary>
public sealed class AuthOptions
{
    public const string Section = "Registry:Auth";

    /// <summary>A session ends this many hours after sign-in, however active it has been.</summary>
    public double AbsoluteHours { get; set; } = 12;

    /// <summary>An open page with no keyboard, mouse or touch input for this many minutes signs the session out.</summary>
    public double IdleMinutes { get; set; } = 30;

    /// <summary>
    /// Roles that must sign in with an authenticator app, comma-separated role names; empty for none.
    /// A string rather than a list so that an empty value in a settings file can switch the default off.
    /// </summary>
    public string RequireTwoFactorRoles { get; set; } = $"{Roles.Regulator},{Roles.CustodyOfficer},{Roles.Admin}";

    public TimeSpan AbsoluteLifetime => TimeSpan.FromHours(AbsoluteHours);

    public TimeSpan IdleTimeout => TimeSpan.FromMinutes(IdleMinutes);

    public IReadOnlyList<string> TwoFactorRoles =>
        RequireTwoFactorRoles.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
