namespace SpecialistRegistry.Domain;

/// <summary>
/// The unified social credit code of GB 32100-2015: 17 characters and a check character, drawn from the
/// digits and the upper-case letters without I, O, Z, S and V (they are too easily read as 1, 0, 2, 5 and U).
/// </summary>
public static class UnifiedSocialCreditCode
{
    public const string Charset = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    private static readonly int[] Weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

    /// <summary>Upper-cases and trims, so "91350800ma31h2p6xd " is read as the code it plainly is.</summary>
    public static string Normalize(string? code) => (code ?? "").Trim().ToUpperInvariant();

    public static bool IsValid(string? code) => Problem(code) is null;

    /// <summary>What is wrong with the code, in words an admin can act on; null when it is valid.</summary>
    public static string? Problem(string? code)
    {
        var c = Normalize(code);
        if (c.Length == 0)
            return "Enter the unified social credit code.";
        if (c.Length != Firm.CreditCodeLength)
            return $"The code has {Firm.CreditCodeLength} characters; this one has {c.Length}.";
        var bad = c.Where(ch => !Charset.Contains(ch)).Distinct().ToArray();
        if (bad.Length > 0)
            return $"Not allowed in a credit code: {string.Join(", ", bad.Select(ch => $"'{ch}'"))}. Use digits and upper-case letters except I, O, Z, S and V.";
        if (c[^1] != CheckCharacter(c))
            return "The check character (the last one) does not match the rest of the code; a character may be mistyped.";
        return null;
    }

    /// <summary>The check character for the first 17 characters of <paramref name="code"/>, which must be in the charset.</summary>
    public static char CheckCharacter(string code)
    {
        var sum = 0;
        for (var i = 0; i < Weights.Length; i++)
            sum += Charset.IndexOf(code[i], StringComparison.Ordinal) * Weights[i];
        return Charset[(31 - (sum % 31)) % 31];
    }
}
