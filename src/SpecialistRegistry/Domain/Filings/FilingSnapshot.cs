using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using SpecialistRegistry.Domain.Records;

namespace SpecialistRegistry.Domain.Filings;

/// <summary>
/// A filing entry's frozen record: <see cref="SpecialistRecord"/> as JSON (numbers masked, with their keyed
/// look-up hashes so that a changed number shows even when its last four characters match), and its SHA-256.
/// The same record always gives the same text, so digests compare records.
/// </summary>
public static class FilingSnapshot
{
    private static readonly JsonSerializerOptions Json = new()
    {
        // Chinese names stay readable in the stored text; it is never embedded in HTML unescaped.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter() },
        TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { DropDerived } },
    };

    public static string Serialize(SpecialistRecord record) => JsonSerializer.Serialize(record, Json);

    public static SpecialistRecord Deserialize(string json) =>
        JsonSerializer.Deserialize<SpecialistRecord>(json, Json) ?? throw new InvalidDataException("A filing entry's snapshot is empty.");

    public static string DigestOf(string snapshot) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(snapshot)));

    // MaskedNumber.IsEmpty is worked out from the hash; storing it would only repeat it.
    private static void DropDerived(JsonTypeInfo type)
    {
        if (type.Type != typeof(MaskedNumber))
            return;
        for (var i = type.Properties.Count - 1; i >= 0; i--)
        {
            if (type.Properties[i].Name == nameof(MaskedNumber.IsEmpty))
                type.Properties.RemoveAt(i);
        }
    }
}

/// <summary>
/// The digest of a whole filing: SHA-256 over a header (format, firm, period, baseline, resubmitted filing)
/// and one line per entry in the filing's order (specialist, change, change since the returned filing, the
/// snapshot's SHA-256). Written out in docs/filings.md so that it can be recomputed from the stored entries.
/// </summary>
public static class FilingDigest
{
    public const string Format = "SpecialistRegistry filing digest v1";

    public static string Compute(Guid firmId, string periodCode, Guid? baselineFilingId, Guid? resubmissionOfId,
        IEnumerable<(Guid SpecialistId, FilingChange Change, FilingChange? SinceReturned, string SnapshotDigest)> entries)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        Append(hash, $"{Format}\nfirm {firmId:D}\nperiod {periodCode}\nbaseline {Show(baselineFilingId)}\nresubmits {Show(resubmissionOfId)}\n");
        foreach (var (specialistId, change, sinceReturned, snapshotDigest) in entries)
            Append(hash, $"{specialistId:D}\t{change}\t{(sinceReturned is { } s ? s.ToString() : "-")}\t{snapshotDigest}\n");
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    private static string Show(Guid? id) => id is { } value ? value.ToString("D") : "none";

    private static void Append(IncrementalHash hash, string text)
    {
        Span<byte> small = stackalloc byte[512];
        var length = Encoding.UTF8.GetByteCount(text);
        if (length <= small.Length)
        {
            Encoding.UTF8.GetBytes(text, small);
            hash.AppendData(small[..length]);
        }
        else
        {
            hash.AppendData(Encoding.UTF8.GetBytes(text));
        }
    }
}
