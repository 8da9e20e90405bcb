using System.ComponentModel.DataAnnotations;
using SpecialistRegistry.Domain;

namespace SpecialistRegistry.Features.Admin;

/// <summary>What an Admin types to create or edit a firm. Settable so the dialog's form can bind to it.</summary>
public sealed record FirmInput
{
    public string Name { get; set; } = "";
    public string CreditCode { get; set; } = "";
    public IndustrySegment Segment { get; set; }
    public string Region { get; set; } = "";
    public string ContactName { get; set; } = "";
    public string ContactPhone { get; set; } = "";
    public string ContactEmail { get; set; } = "";

    /// <summary>The same rules run in the dialog (as the admin types) and in the service (before any save).</summary>
    public static string? NameProblem(string? name) => Text(name, "FirmNameRequired", "FirmNameTooLong", 200);
    public static string? RegionProblem(string? region) => Text(region, "RegionRequired", "RegionTooLong", 100);
    public static string? ContactNameProblem(string? name) => Text(name, null, "ContactNameTooLong", 100);
    public static string? ContactPhoneProblem(string? phone) => Text(phone, null, "ContactPhoneTooLong", 40);

    public static string? ContactEmailProblem(string? email)
    {
        if (string.IsNullOrWhiteSpace(email))
            return null;
        return Text(email, null, "ContactEmailTooLong", 256)
            ?? (new EmailAddressAttribute().IsValid(email.Trim()) ? null : AdminText.Say("FirmEmailInvalid"));
    }

    /// <summary>The first problem, with the field it belongs to; null when the input can be saved.</summary>
    public (string Field, string Message)? FirstProblem()
    {
        (string, Func<string?, string?>, string?)[] checks =
        [
            (nameof(Name), NameProblem, Name),
            (nameof(CreditCode), UnifiedSocialCreditCode.Problem, CreditCode),
            (nameof(Region), RegionProblem, Region),
            (nameof(ContactName), ContactNameProblem, ContactName),
            (nameof(ContactPhone), ContactPhoneProblem, ContactPhone),
            (nameof(ContactEmail), ContactEmailProblem, ContactEmail),
        ];
        foreach (var (field, check, value) in checks)
        {
            if (check(value) is { } message)
                return (field, message);
        }
        if (!Enum.IsDefined(Segment))
            return (nameof(Segment), AdminText.Say("SegmentRequired"));
        return null;
    }

    /// <summary>Trimmed, credit code upper-cased: what is stored.</summary>
    public FirmInput Normalized() => this with
    {
        Name = Name.Trim(),
        CreditCode = UnifiedSocialCreditCode.Normalize(CreditCode),
        Region = Region.Trim(),
        ContactName = ContactName.Trim(),
        ContactPhone = ContactPhone.Trim(),
        ContactEmail = ContactEmail.Trim(),
    };

    public static FirmInput From(Firm f) => new()
    {
        Name = f.Name, CreditCode = f.CreditCode, Segment = f.Segment, Region = f.Region,
        ContactName = f.ContactName, ContactPhone = f.ContactPhone, ContactEmail = f.ContactEmail,
    };

    public void ApplyTo(Firm f)
    {
        f.Name = Name;
        f.CreditCode = CreditCode;
        f.Segment = Segment;
        f.Region = Region;
        f.ContactName = ContactName;
        f.ContactPhone = ContactPhone;
        f.ContactEmail = ContactEmail;
    }

    /// <summary>A missing value (when <paramref name="requiredKey"/> is given) or a too long one, in the reader's language.</summary>
    private static string? Text(string? value, string? requiredKey, string tooLongKey, int maxLength)
    {
        var v = value?.Trim() ?? "";
        if (requiredKey is not null && v.Length == 0)
            return AdminText.Say(requiredKey);
        return v.Length > maxLength ? AdminText.Say(tooLongKey, maxLength) : null;
    }
}

public static class IndustrySegments
{
    // The labels live once, in Domain/EnumText*.resx, like every other enumeration's.
    public static string Describe(IndustrySegment segment) => EnumText.Of(segment);
}
