using System.Security.Cryptography;
using System.Text;

namespace SpecialistRegistry.Components.Shared;

/// <summary>
/// Receipt numbers (readable, unique) and verification codes (random, 60 bits: cannot be guessed from the
/// number or from other receipts) for every printed receipt: custody (CR-…) and filings (FL-…). Crockford's
/// alphabet, so a code read aloud or typed from paper survives O/0 and I/1/L confusion.
/// </summary>
public static class ReceiptCodes
{
    private const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    /// <summary>"{prefix}-{yyyyMMdd}-{6 random characters}", for example CR-20261129-7K3QM2.</summary>
    public static string NewReceiptNumber(string prefix, DateTimeOffset at) => $"{prefix}-{at.UtcDateTime:yyyyMMdd}-{Random(6)}";

    /// <summary>Random characters of the same alphabet, for other unguessable references.</summary>
    public static string RandomCode(int length) => Random(length);

    public static string NewVerificationCode()
    {
        var raw = Random(12);
        return $"{raw[..4]}-{raw[4..8]}-{raw[8..]}";
    }

    /// <summary>Upper case, no spaces or hyphens, O→0 and I/L→1.</summary>
    public static string Normalize(string? code)
    {
        var sb = new StringBuilder();
        foreach (var c in (code ?? "").ToUpperInvariant())
        {
            if (char.IsWhiteSpace(c) || c == '-')
                continue;
            sb.Append(c switch { 'O' => '0', 'I' or 'L' => '1', _ => c });
        }
        return sb.ToString();
    }

    public static string NormalizeNumber(string? number) => (number ?? "").Trim().ToUpperInvariant();

    /// <summary>Constant-time, so response timing says nothing about how much of a forged code was right.</summary>
    public static bool CodesMatch(string stored, string? typed) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Normalize(stored)), Encoding.ASCII.GetBytes(Normalize(typed)));

    private static string Random(int length)
    {
        var chars = new char[length];
        for (var i = 0; i < length; i++)
            chars[i] = Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
        return new string(chars);
    }
}
