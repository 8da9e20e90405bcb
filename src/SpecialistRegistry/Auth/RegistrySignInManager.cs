using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using SpecialistRegistry.Domain;

namespace SpecialistRegistry.Auth;

/// <summary>
/// A disabled account cannot sign in, whatever its password. Until the password is right, unknown, existing and
/// disabled accounts look the same from outside: the same answer, and a password hash computed for each (an
/// unknown e-mail is checked against a stand-in hash), so neither the message nor the time taken tells them apart.
/// </summary>
internal sealed class RegistrySignInManager(
    UserManager<ApplicationUser> userManager,
    IHttpContextAccessor contextAccessor,
    IUserClaimsPrincipalFactory<ApplicationUser> claimsFactory,
    IOptions<IdentityOptions> optionsAccessor,
    ILogger<SignInManager<ApplicationUser>> logger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<ApplicationUser> confirmation)
    : SignInManager<ApplicationUser>(userManager, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    private static readonly ApplicationUser StandIn = new() { UserName = "stand-in", DisplayName = "stand-in" };
    private static string? _standInHash;

    // While the password is checked, "disabled" is not yet an answer: it is given only to the right password.
    private bool _checkingPassword;

    public override async Task<bool> CanSignInAsync(ApplicationUser user) =>
        (_checkingPassword || !user.IsDisabled) && await base.CanSignInAsync(user);

    public override async Task<SignInResult> PasswordSignInAsync(string userName, string password, bool isPersistent, bool lockoutOnFailure)
    {
        var user = await UserManager.FindByNameAsync(userName);
        if (user is null)
        {
            // The same work a wrong password for a real account costs.
            var hasher = UserManager.PasswordHasher;
            _standInHash ??= hasher.HashPassword(StandIn, "stand-in password for unknown accounts");
            hasher.VerifyHashedPassword(StandIn, _standInHash, password);
            return SignInResult.Failed;
        }
        return await PasswordSignInAsync(user, password, isPersistent, lockoutOnFailure);
    }

    public override async Task<SignInResult> CheckPasswordSignInAsync(ApplicationUser user, string password, bool lockoutOnFailure)
    {
        SignInResult result;
        _checkingPassword = true;
        try
        {
            result = await base.CheckPasswordSignInAsync(user, password, lockoutOnFailure);
        }
        finally
        {
            _checkingPassword = false;
        }
        return result.Succeeded && user.IsDisabled ? SignInResult.NotAllowed : result;
    }
}
