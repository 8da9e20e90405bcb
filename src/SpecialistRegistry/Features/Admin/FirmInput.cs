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
    public static string? NameProblem(string? name) => Text(name, "the firm's name", 200, required: true);
    public static string? RegionProblem(string? region) => Text(region, "the region", 100, required: true);
    public static string? ContactNameProblem(string? name) => Text(name, "the contact's name", 100, required: false);
    public static string? ContactPhoneProblem(string? phone) => Text(phone, "the phone number", 40, required: false);

    public static string? ContactEmailProblem(string? email)
    {
        if (string.IsNullOrWhiteSpace(email))
            return null;
        return Text(email, "the e-mail address", 256, required: false)
            ?? (new EmailAddressAttribute().IsValid(email.Trim()) ? null : "Enter an e-mail address such as hr@firm.example.cn.");
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
            return (nameof(Segment), "Choose the firm's industry segment.");
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

    private static string? Text(string? value, string what, int maxLength, bool required)
    {
        var v = value?.Trim() ?? "";
        if (required && v.Length == 0)
            return $"Enter {what}.";
        return v.Length > maxLength ? $"Keep {what} to {maxLength} characters." : null;
    }
}

public static class IndustrySegments
{
    public static string Describe(IndustrySegment segment) => segment switch
    {
        IndustrySegment.RareEarthMining => "Rare-earth mining",
        IndustrySegment.RareEarthSeparation => "Rare-earth separation",
        IndustrySegment.MetalAndAlloy => "Metal and alloy",
        IndustrySegment.PermanentMagnets => "Permanent magnets",
        _ => segment.ToString(),
    };
}
