using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using SpecialistRegistry.Data;
using SpecialistRegistry.Domain;

namespace SpecialistRegistry.Auth;

/// <summary>
/// Identity's user store, except that the second-factor secrets never reach the tokens table in plain text: the
/// authenticator key is encrypted with the field key (which lives outside the database), and recovery codes are
/// kept only as keyed hashes (HMAC with a key outside the database, bound to the user), so a copy of the database
/// can neither produce codes nor redeem one. Rows written before this (plain values) stay readable and are
/// rewritten at start-up by <see cref="TwoFactorSecretUpgrade"/>.
/// </summary>
internal sealed class TwoFactorSecretStore(RegistryDb context, FieldProtector protector, IdentityErrorDescriber? describer = null)
    : UserStore<ApplicationUser, IdentityRole, RegistryDb, string>(context, describer)
{
    internal const string IdentityProvider = "[AspNetUserStore]";
    internal const string KeyName = "AuthenticatorKey";
    internal const string CodesName = "RecoveryCodes";
    internal const string EncryptedMark = "enc1:";
    internal const string HashedMark = "hmac1:";

    public override Task SetAuthenticatorKeyAsync(ApplicationUser user, string key, CancellationToken cancellationToken) =>
        SetTokenAsync(user, IdentityProvider, KeyName, ProtectKey(protector, key), cancellationToken);

    public override async Task<string?> GetAuthenticatorKeyAsync(ApplicationUser user, CancellationToken cancellationToken) =>
        RevealKey(protector, await GetTokenAsync(user, IdentityProvider, KeyName, cancellationToken));

    public override Task ReplaceCodesAsync(ApplicationUser user, IEnumerable<string> recoveryCodes, CancellationToken cancellationToken) =>
        SetTokenAsync(user, IdentityProvider, CodesName, StoredCodes(user.Id, recoveryCodes.Select(c => HashCode(protector, user.Id, c))), cancellationToken);

    public override async Task<bool> RedeemCodeAsync(ApplicationUser user, string code, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(code);
        var hashes = HashesOf(protector, user.Id, await GetTokenAsync(user, IdentityProvider, CodesName, cancellationToken));
        var offered = Encoding.ASCII.GetBytes(HashCode(protector, user.Id, code));
        var match = hashes.FindIndex(h => CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(h), offered));
        if (match < 0)
            return false;
        hashes.RemoveAt(match);
        await SetTokenAsync(user, IdentityProvider, CodesName, StoredCodes(user.Id, hashes), cancellationToken);
        return true;
    }

    public override async Task<int> CountCodesAsync(ApplicationUser user, CancellationToken cancellationToken) =>
        HashesOf(protector, user.Id, await GetTokenAsync(user, IdentityProvider, CodesName, cancellationToken)).Count;

    internal static string ProtectKey(FieldProtector protector, string key) => EncryptedMark + protector.Protect(key).Cipher;

    internal static string? RevealKey(FieldProtector protector, string? stored) => stored switch
    {
        null or "" => stored,
        _ when stored.StartsWith(EncryptedMark, StringComparison.Ordinal) =>
            protector.Reveal(new SensitiveValue(stored[EncryptedMark.Length..], "", "")),
        _ => stored, // written before keys were encrypted
    };

    /// <summary>The stored hashes; a value written before codes were hashed is hashed as it is read.</summary>
    internal static List<string> HashesOf(FieldProtector protector, string userId, string? stored) => stored switch
    {
        null or "" => [],
        _ when stored.StartsWith(HashedMark, StringComparison.Ordinal) =>
            [.. stored[HashedMark.Length..].Split(';', StringSplitOptions.RemoveEmptyEntries)],
        _ => [.. stored.Split(';', StringSplitOptions.RemoveEmptyEntries).Select(c => HashCode(protector, userId, c))],
    };

    internal static string StoredCodes(string userId, IEnumerable<string> hashes) => HashedMark + string.Join(';', hashes);

    // Bound to the user, so a hash copied onto another account's row redeems nothing. The protector's look-up
    // hash ignores case, spaces and hyphens, as a person typing a code from paper does.
    private static string HashCode(FieldProtector protector, string userId, string code) =>
        protector.LookupHash($"recovery-code/{userId}/{code}");
}
