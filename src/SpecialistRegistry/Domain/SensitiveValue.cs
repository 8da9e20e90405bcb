namespace SpecialistRegistry.Domain;

/// <summary>
/// A passport or national ID number as stored: authenticated ciphertext, a keyed hash for exact look-up
/// and the last four characters for masked display. The plaintext is never stored.
/// </summary>
public sealed record SensitiveValue(string Cipher, string LookupHash, string Last4)
{
    public static readonly SensitiveValue Empty = new("", "", "");

    public bool IsEmpty => Cipher.Length == 0;

    public string Masked => IsEmpty ? "" : $"••••{Last4}";
}
