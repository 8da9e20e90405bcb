using System.Security.Cryptography;

namespace SpecialistRegistry.Features.Admin;

/// <summary>
/// The password an Admin hands over when creating or resetting an account: random, easy to read aloud or
/// type (no 0/O, 1/l/I), and accepted by the Identity rules (12+ characters, upper, lower and digit).
/// The person must change it at first sign-in.
/// </summary>
public static class TemporaryPassword
{
    private const string Upper = "ABCDEFGHJKLMNPQRSTUVWXYZ";
    private const string Lower = "abcdefghijkmnopqrstuvwxyz";
    private const string Digits = "23456789";
    private const string All = Upper + Lower + Digits;

    /// <summary>Four groups of four, e.g. "kT7m-Xq4r-9HbW-c2Ns": 16 random characters, about 94 bits.</summary>
    public static string Generate()
    {
        while (true)
        {
            var chars = RandomNumberGenerator.GetItems<char>(All, 16);
            // Redrawing rather than forcing a character into a fixed place keeps every position uniform.
            if (chars.Any(Upper.Contains) && chars.Any(Lower.Contains) && chars.Any(Digits.Contains))
                return string.Join('-', chars.Chunk(4).Select(g => new string(g)));
        }
    }
}
