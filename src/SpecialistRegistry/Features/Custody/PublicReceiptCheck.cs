using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using SpecialistRegistry.Components.Shared;
using SpecialistRegistry.Data;
using SpecialistRegistry.Domain;

namespace SpecialistRegistry.Features.Custody;

public enum PublicReceiptVerdict
{
    Genuine,
    /// <summary>Issued by the registry, but a later entry (or a resubmitted filing) has taken its place.</summary>
    Superseded,
    NotGenuine,
}

public sealed record PublicReceiptAnswer(PublicReceiptVerdict Verdict, string Message);

/// <summary>
/// The receipt check anyone holding a receipt may make without signing in (its QR code opens it): custody
/// receipts and filing receipts alike, told apart by their number. The answer says only genuine, superseded or
/// not genuine, the kind of entry and its date: never a name, a passport number or a firm, since whoever has the
/// paper (or guessed a number) is not necessarily its owner. Rate limited per address by the HTTP policy
/// <see cref="Web.ThrottledAction.PublicReceiptCheck"/>.
/// </summary>
public sealed class PublicReceiptCheck(IDbContextFactory<RegistryDb> dbFactory, IStringLocalizer<CustodyText> T)
{
    /// <summary>Null when nothing was asked (the empty form).</summary>
    public async Task<PublicReceiptAnswer?> CheckAsync(string? receiptNumber, string? verificationCode, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(receiptNumber) && string.IsNullOrWhiteSpace(verificationCode))
            return null;
        if (string.IsNullOrWhiteSpace(receiptNumber) || string.IsNullOrWhiteSpace(verificationCode) || receiptNumber.Length > 40 || verificationCode.Length > 40)
            return new PublicReceiptAnswer(PublicReceiptVerdict.NotGenuine, T["CheckBothNeeded"]);
        var number = ReceiptCodes.NormalizeNumber(receiptNumber);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        // Nobody is signed in: the firm scope does not apply, and nothing read here leaves but the verdict.
        var custody = await db.CustodyEvents.IgnoreQueryFilters().AsNoTracking().Where(e => e.ReceiptNumber == number)
            .Select(e => new { e.Id, e.PassportId, e.Kind, e.OccurredAt, e.VerificationCode })
            .FirstOrDefaultAsync(ct);
        if (custody?.VerificationCode is { } custodyCode && ReceiptCodes.CodesMatch(custodyCode, verificationCode))
        {
            var kind = T[$"PublicKind_{custody.Kind}"];
            var day = Day(custody.OccurredAt);
            var latest = await db.CustodyEvents.IgnoreQueryFilters().Where(x => x.PassportId == custody.PassportId)
                .OrderByDescending(x => x.OccurredAt).ThenByDescending(x => x.Id).Select(x => x.Id).FirstAsync(ct);
            return latest != custody.Id
                ? new PublicReceiptAnswer(PublicReceiptVerdict.Superseded, T["PublicCustodySuperseded", kind, day])
                : new PublicReceiptAnswer(PublicReceiptVerdict.Genuine, T["PublicCustodyGenuine", kind, day]);
        }
        var filing = await db.Filings.IgnoreQueryFilters().AsNoTracking().Where(f => f.Number == number)
            .Select(f => new { f.VerificationCode, f.SubmittedAt, Resubmitted = db.Filings.IgnoreQueryFilters().Any(s => s.ResubmissionOfId == f.Id) })
            .FirstOrDefaultAsync(ct);
        if (filing?.VerificationCode is { } filingCode && ReceiptCodes.CodesMatch(filingCode, verificationCode) && filing.SubmittedAt is { } submitted)
        {
            return filing.Resubmitted
                ? new PublicReceiptAnswer(PublicReceiptVerdict.Superseded, T["PublicFilingSuperseded", Day(submitted)])
                : new PublicReceiptAnswer(PublicReceiptVerdict.Genuine, T["PublicFilingGenuine", Day(submitted)]);
        }
        return new PublicReceiptAnswer(PublicReceiptVerdict.NotGenuine, T["PublicNotGenuine"]);
    }

    private static string Day(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
