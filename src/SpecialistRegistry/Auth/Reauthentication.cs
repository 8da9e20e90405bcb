using Microsoft.AspNetCore.Identity;
using SpecialistRegistry.Domain;

namespace SpecialistRegistry.Auth;

/// <summary>
/// "Confirm it is you" before a change to how the account signs in (turning off or resetting the authenticator,
/// new recovery codes): the current password, or a current authenticator code when one is set up. A session alone
/// is not enough, so a borrowed or stolen session cannot lock the owner out. Wrong answers count toward lockout.
/// </summary>
public sealed class Reauthentication(UserManager<ApplicationUser> users, IHttpContextAccessor http, ILoggerFactory loggers)
{
    public async Task<bool> ConfirmAsync(ApplicationUser user, string? passwordOrCode, string action)
    {
        var answer = (passwordOrCode ?? "").Trim();
        var confirmed = answer.Length > 0 && !await users.IsLockedOutAsync(user)
            && (await users.CheckPasswordAsync(user, answer) || await IsCurrentCodeAsync(user, answer));
        if (confirmed)
            return true;
        await users.AccessFailedAsync(user);
        SecurityEvents.Create(loggers).ReauthenticationFailed(user.Id, http.HttpContext.Address(), action);
        return false;
    }

    private async Task<bool> IsCurrentCodeAsync(ApplicationUser user, string answer)
    {
        var code = answer.Replace(" ", "").Replace("-", "");
        return code.Length == 6 && code.All(char.IsAsciiDigit) && await users.GetTwoFactorEnabledAsync(user)
            && await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code);
    }
}
