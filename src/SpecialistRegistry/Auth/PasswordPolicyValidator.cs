using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;
using SpecialistRegistry.Domain;

namespace SpecialistRegistry.Auth;

/// <summary>
/// ASVS 6.2: length is what counts (12 characters at least, passphrases up to <see cref="MaximumLength"/>), no
/// composition rules (see RegistryAuthExtensions), and refused are: the bundled common and breached passwords
/// (Auth/CommonPasswords.txt), such a word with only digits and symbols around it ("Password-2026!"), and
/// passwords made of the person's e-mail address or account name.
/// </summary>
internal sealed class PasswordPolicyValidator(IStringLocalizer<AuthText> t) : IPasswordValidator<ApplicationUser>
{
    public const int MaximumLength = 256;

    private static readonly Lazy<HashSet<string>> Common = new(LoadCommon);

    public Task<IdentityResult> ValidateAsync(UserManager<ApplicationUser> manager, ApplicationUser user, string? password)
    {
        if (string.IsNullOrEmpty(password))
            return Task.FromResult(IdentityResult.Success); // the length rule answers this one
        if (password.Length > MaximumLength)
            return Failed("PasswordTooLong", MaximumLength);
        if (IsCommon(password))
            return Failed("PasswordCommon");
        if (ContainsAccount(password, user))
            return Failed("PasswordContainsAccount");
        return Task.FromResult(IdentityResult.Success);
    }

    internal static bool IsCommon(string password)
    {
        var lower = password.ToLowerInvariant();
        if (Common.Value.Contains(lower))
            return true;
        // A listed word (or digit run) with only digits and symbols added around it.
        var letters = LettersOf(lower);
        return letters.Length > 0 ? Common.Value.Contains(letters) : Common.Value.Contains(DigitsOf(lower));
    }

    internal static bool ContainsAccount(string password, ApplicationUser user)
    {
        var lower = password.ToLowerInvariant();
        foreach (var name in new[] { user.Email, user.UserName })
        {
            if (name is not { Length: >= 3 })
                continue;
            if (lower.Contains(name.ToLowerInvariant(), StringComparison.Ordinal))
                return true;
            // The e-mail's name with digits or symbols added: "Zhang.Wei-2026" for zhang.wei@…
            var local = LettersOf(name.Split('@')[0].ToLowerInvariant());
            if (local.Length >= 3 && LettersOf(lower) == local)
                return true;
        }
        return false;
    }

    private Task<IdentityResult> Failed(string code, params object[] values) =>
        Task.FromResult(IdentityResult.Failed(new IdentityError { Code = code, Description = t["Identity_" + code, values] }));

    private static string LettersOf(string text) => new(text.Where(char.IsLetter).ToArray());

    private static string DigitsOf(string text) => new(text.Where(char.IsAsciiDigit).ToArray());

    private static HashSet<string> LoadCommon()
    {
        using var stream = typeof(PasswordPolicyValidator).Assembly.GetManifestResourceStream("SpecialistRegistry.Auth.CommonPasswords.txt")
            ?? throw new InvalidOperationException("The common password list is missing from the assembly.");
        using var reader = new StreamReader(stream);
        var set = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
            if (line.Length > 0 && !line.StartsWith('#'))
                set.Add(line);
        return set;
    }
}
