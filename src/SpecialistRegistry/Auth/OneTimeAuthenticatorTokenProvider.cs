using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using OtpNet;
using SpecialistRegistry.Domain;

namespace SpecialistRegistry.Auth;

/// <summary>
/// Authenticator-app codes (RFC 6238, 30-second steps) accepted within one step either side of now, and each at
/// most once per user (ASVS 6.5.1, 6.5.5): the last accepted time step is kept on the user, and a code of that step
/// or an earlier one is refused. The step is saved under the user row's concurrency stamp, so two requests racing
/// with the same code cannot both win.
/// </summary>
internal sealed class OneTimeAuthenticatorTokenProvider(TimeProvider clock) : IUserTwoFactorTokenProvider<ApplicationUser>
{
    public const string ProviderName = "RegistryAuthenticator";
    internal const string StepProvider = "[Registry]";
    internal const string StepName = "AuthenticatorLastStep";
    private static readonly VerificationWindow OneStepEitherSide = new(previous: 1, future: 1);

    public async Task<bool> CanGenerateTwoFactorTokenAsync(UserManager<ApplicationUser> manager, ApplicationUser user) =>
        !string.IsNullOrWhiteSpace(await manager.GetAuthenticatorKeyAsync(user));

    // The app computes the codes; the server never sends one.
    public Task<string> GenerateAsync(string purpose, UserManager<ApplicationUser> manager, ApplicationUser user) =>
        Task.FromResult(string.Empty);

    public async Task<bool> ValidateAsync(string purpose, string token, UserManager<ApplicationUser> manager, ApplicationUser user)
    {
        var key = await manager.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrWhiteSpace(key) || token.Length != 6 || !token.All(char.IsAsciiDigit))
            return false;
        var totp = new Totp(Base32Encoding.ToBytes(key));
        if (!totp.VerifyTotp(clock.GetUtcNow().UtcDateTime, token, out var step, OneStepEitherSide))
            return false;
        var stored = await manager.GetAuthenticationTokenAsync(user, StepProvider, StepName);
        if (long.TryParse(stored, CultureInfo.InvariantCulture, out var lastAccepted) && step <= lastAccepted)
            return false;
        try
        {
            return (await manager.SetAuthenticationTokenAsync(user, StepProvider, StepName, step.ToString(CultureInfo.InvariantCulture))).Succeeded;
        }
        catch (DbUpdateException)
        {
            // Another request recorded its first code for this user at the same moment: this one loses.
            return false;
        }
    }
}
