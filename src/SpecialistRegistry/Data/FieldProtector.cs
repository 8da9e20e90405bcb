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
    private readonly byte[] _blobKey;

    public FieldProtector(byte[] masterKey)
    {
        if (masterKey.Length != 32)
            throw new ArgumentException("The field protection key must be 32 bytes.", nameof(masterKey));
        _encryptionKey = HKDF.DeriveKey(HashAlgorithmName.SHA256, masterKey, 32, info: "registry/field-encryption"u8.ToArray());
        _lookupKey = HKDF.DeriveKey(HashAlgorithmName.SHA256, masterKey, 32, info: "registry/field-lookup"u8.ToArray());
        _auditKey = HKDF.DeriveKey(HashAlgorithmName.SHA256, masterKey, 32, info: "registry/audit-signing"u8.ToArray());
        _blobKey = HKDF.DeriveKey(HashAlgorithmName.SHA256, masterKey, 32, info: "registry/data-protection-keys"u8.ToArray());
    }

    /// <summary>
    /// Reads the key file. A missing or unreadable file is refused with a message that says what to do: making a
    /// new key here would leave every stored number unreadable (start-up creates one only for a new database).
    /// </summary>
    public static FieldProtector FromKeyFile(string path)
    {
        if (!File.Exists(path))
            throw new FieldKeyException($"The field key file {path} does not exist. Restore it from the backup of this deployment (or point Registry:FieldKeyFile at it); the registry does not start without the key its database was encrypted with.");
        try
        {
            return new FieldProtector(Convert.FromBase64String(File.ReadAllText(path).Trim()));
        }
        catch (Exception e) when (e is FormatException or ArgumentException)
        {
            throw new FieldKeyException($"The field key file {path} does not hold a key (32 bytes in Base64). Restore it from the backup of this deployment.", e);
        }
    }

    /// <summary>Writes a new random key to <paramref name="path"/>, readable by the app's user only (folder 0700, file 0600).</summary>
    public static void CreateKeyFile(string path)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
        DataFiles.CreatePrivateFolder(folder);
        DataFiles.WritePrivateFile(path, Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
    }

    private const string KeyCheckText = "SPECIALISTREGISTRYFIELDKEYCHECK";

    /// <summary>A known text encrypted with this key, stored in the database to recognise the key later.</summary>
    public string NewKeyCheck() => Protect(KeyCheckText).Cipher;

    /// <summary>Whether <paramref name="cipher"/> is a <see cref="NewKeyCheck"/> made with this key.</summary>
    public bool IsKeyCheck(string cipher)
    {
        try
        {
            return Reveal(new SensitiveValue(cipher, "", "")) == KeyCheckText;
        }
        catch (Exception e) when (e is CryptographicException or FormatException or ArgumentException)
        {
            return false;
        }
    }

    /// <summary>AES-GCM of arbitrary bytes under a key of its own (Data Protection's key ring at rest).</summary>
    public byte[] EncryptBlob(byte[] clear)
    {
        var output = new byte[NonceSize + clear.Length + TagSize];
        RandomNumberGenerator.Fill(output.AsSpan(0, NonceSize));
        using var aes = new AesGcm(_blobKey, TagSize);
        aes.Encrypt(output.AsSpan(0, NonceSize), clear, output.AsSpan(NonceSize, clear.Length), output.AsSpan(NonceSize + clear.Length));
        return output;
    }

    public byte[] DecryptBlob(byte[] input)
    {
        var clear = new byte[input.Length - NonceSize - TagSize];
        using var aes = new AesGcm(_blobKey, TagSize);
        aes.Decrypt(input.AsSpan(0, NonceSize), input.AsSpan(NonceSize, clear.Length), input.AsSpan(NonceSize + clear.Length), clear);
        return clear;
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

/// <summary>The field key is missing, unreadable or not the database's: the app must not start with it.</summary>
public sealed class FieldKeyException(string message, Exception? inner = null) : Exception(message, inner);
