using System.Security.Cryptography;

namespace SpecialistRegistry.Features.Travel;

/// <summary>
/// Approval numbers such as TA-2026-7K3M9Q: the year of the decision and six random characters of Crockford's
/// alphabet (about a billion per year). Uniqueness is the database's job, not this class's: the column has a
/// unique index, and a decision that draws a number already taken is saved again with a new one. Nothing reads
/// "the last number" and adds one, which two app servers would do at the same moment.
/// </summary>
public class ApprovalNumbers
{
    private const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    public virtual string Next(DateOnly decidedOn)
    {
        Span<char> chars = stackalloc char[6];
        for (var i = 0; i < chars.Length; i++)
            chars[i] = Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
        return $"TA-{decidedOn:yyyy}-{chars}";
    }
}
