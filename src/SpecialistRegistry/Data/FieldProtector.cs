using System.Security.Cryptography;
using System.Text;
using SpecialistRegistry.Domain;

namespace SpecialistRegistry.Data;

/// <summary>
/// Encrypts passport and national ID numbers with AES-256-GCM and computes an HMAC-SHA256 "blind index"
/// for exact look-up. Both keys are derived from one master key kept in a file outside the database.
/// </summary>
public sealed class FieldProtector
{
    private const int NonceSize = 12;
    private const int TagSize = 16;
    private readonly byte[] _encryptionKey;
    private readonly byte[] _lookupKey;
    private readonly byte[] _auditKey;

    public FieldProtector(byte[] masterKey)
    {
        if (masterKey.Length != 32)
            throw new ArgumentException("The field protection key must be 32 bytes.", nameof(masterKey));
        _encryptionKey = HKDF.DeriveKey(HashAlgorithmName.SHA256, masterKey, 32, info: "registry/field-encryption"u8.ToArray());
        _lookupKey = HKDF.DeriveKey(HashAlgorithmName.SHA256, masterKey, 32, info: "registry/field-lookup"u8.ToArray());
        _auditKey = HKDF.DeriveKey(HashAlgorithmName.SHA256, masterKey, 32, info: "registry/audit-signing"u8.ToArray());
    }

    /// <summary>Reads the key file, creating it with a new random key when it does not exist yet.</summary>
    public static FieldProtector FromKeyFile(string path)
    {
        if (!File.Exists(path))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
            File.WriteAllText(path, Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
            if (!OperatingSystem.IsWindows())
                File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
        return new FieldProtector(Convert.FromBase64String(File.ReadAllText(path).Trim()));
    }

    /// <summary>Upper case without spaces or hyphens, so "e 1234-5678" and "E12345678" are the same number.</summary>
    public static string Normalize(string value) =>
        new(value.Where(c => !char.IsWhiteSpace(c) && c != '-').Select(char.ToUpperInvariant).ToArray());

    public SensitiveValue Protect(string plain)
    {
        var normalized = Normalize(plain);
        if (normalized.Length == 0)
            return SensitiveValue.Empty;
        var clear = Encoding.UTF8.GetBytes(normalized);
        var output = new byte[NonceSize + clear.Length + TagSize];
        var nonce = output.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(_encryptionKey, TagSize);
        aes.Encrypt(nonce, clear, output.AsSpan(NonceSize, clear.Length), output.AsSpan(NonceSize + clear.Length));
        return new SensitiveValue(Convert.ToBase64String(output), LookupHash(normalized), normalized[^Math.Min(4, normalized.Length)..]);
    }

    public string Reveal(SensitiveValue value)
    {
        if (value.IsEmpty)
            return "";
        var input = Convert.FromBase64String(value.Cipher);
        var clearLength = input.Length - NonceSize - TagSize;
        var clear = new byte[clearLength];
        using var aes = new AesGcm(_encryptionKey, TagSize);
        aes.Decrypt(input.AsSpan(0, NonceSize), input.AsSpan(NonceSize, clearLength), input.AsSpan(NonceSize + clearLength), clear);
        return Encoding.UTF8.GetString(clear);
    }

    /// <summary>
    /// HMAC-SHA256 of an audit checkpoint's statement with a key derived from the master key, which lives outside
    /// the database: whoever can rewrite the database cannot sign a checkpoint.
    /// </summary>
    public string SignCheckpoint(string statement) => SignAudit("checkpoint\n" + statement);

    /// <summary>The seal of one audit entry: an HMAC of its hash (which covers its content and its link).</summary>
    public string SealAuditEntry(string hash) => SignAudit("entry\n" + hash);

    /// <summary>Whether <paramref name="seal"/> is <see cref="SealAuditEntry"/> of <paramref name="hash"/>, in constant time.</summary>
    public bool IsSealOf(string hash, string seal) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(SealAuditEntry(hash)), Encoding.ASCII.GetBytes(seal));

    // One key for both, kept apart by the statement's first line, so a seal can never pass for a checkpoint.
    private string SignAudit(string statement) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(_auditKey, Encoding.UTF8.GetBytes(statement)));

    /// <summary>Keyed hash of the normalized number: equal numbers match, and without the key it reveals nothing.</summary>
    public string LookupHash(string plain) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(_lookupKey, Encoding.UTF8.GetBytes(Normalize(plain))));
}
