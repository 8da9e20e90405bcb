using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using SpecialistRegistry.Auth;
using SpecialistRegistry.Components.Shared;
using SpecialistRegistry.Data;
using SpecialistRegistry.Domain;
using SpecialistRegistry.Web;

namespace SpecialistRegistry.Features.Custody;

/// <summary>One passport found by the officer's search.</summary>
public sealed record PassportMatch(
    Guid PassportId, Guid SpecialistId, string FullName, string LatinName, string EmployeeNumber, string FirmName,
    string Number, string IssuingCountry, DateOnly? ExpiresOn, bool IsCurrent, CustodyStatus Status, DateOnly? DueBackOn)
{
    /// <summary>Whether the number and expiry are hidden because the hand-in is not logged yet (see <see cref="CustodyQueries.ShowsBeforeHandIn"/>).</summary>
    public bool DetailsHidden => ExpiresOn is null;
}

/// <summary>A passport with its holder and whole chain of custody, oldest first.</summary>
public sealed record PassportCustody(
    Guid PassportId, Guid Version, Guid SpecialistId, string FullName, string LatinName, DateOnly DateOfBirth,
    string Nationality, string EmployeeNumber, string FirmName, string Number, string IssuingCountry,
    DateOnly IssuedOn, DateOnly ExpiresOn, bool IsCurrent, CustodyStatus Status, DateOnly? DueBackOn,
    Guid? ReplacesPassportId, Guid? ReplacedByPassportId, string? LastLocation, IReadOnlyList<ChainEntry> Chain);

/// <summary>One custody entry. <see cref="Trip"/> is the approved trip of a release (and of the return that closed it).</summary>
public sealed record ChainEntry(
    Guid Id, CustodyEventKind Kind, DateTimeOffset OccurredAt, string OfficerName, string? StorageLocation,
    string? Condition, string? ApprovalReference, string? Destination, DateOnly? DepartureOn, DateOnly? DueBackOn,
    int? LateByDays, string? AcknowledgedBy, string? ReceiptNumber, string? Note, Guid? ReplacedByPassportId,
    TripOnRecord? Trip = null)
{
    /// <summary>The passport as this entry recorded it (number masked unless the reader may see it in full).</summary>
    public RecordedPassport? Recorded { get; init; }
}

public sealed record RecordedPassport(string Number, string IssuingCountry, DateOnly ExpiresOn);

/// <summary>
/// The approved trip a release was made for, as chains of custody and receipts print it. A release logged before
/// travel approvals existed has none: it shows its free-text reference as such.
/// </summary>
public sealed record TripOnRecord(
    Guid Id, string ApprovalNumber, string Destination, TravelPurpose Purpose, DateOnly ApprovedDepartureOn,
    DateOnly ApprovedReturnOn, string? DecidedByName, DateTimeOffset? DecidedAt, string? Conditions, TravelStatus Status, int? LateByDays);

/// <summary>An approved, unused trip of the holder that the release dialog offers, and whether it can be collected today.</summary>
public sealed record ReleasableTrip(
    Guid TravelRequestId, string ApprovalNumber, string Destination, TravelPurpose Purpose, DateOnly ApprovedDepartureOn,
    DateOnly ApprovedReturnOn, DateOnly DueBackOn, string? Conditions, DateOnly From, DateOnly Until, string? WhyNotToday);

/// <summary>Everything printed on a receipt.</summary>
public sealed record ReceiptView(
    string ReceiptNumber, string VerificationCode, CustodyEventKind Kind, DateTimeOffset OccurredAt, string OfficerName,
    string? AcknowledgedBy, Guid PassportId, string FullName, string LatinName, string FirmName, string Number,
    string IssuingCountry, DateOnly ExpiresOn, string? StorageLocation, string? Condition, string? ApprovalReference,
    string? Destination, DateOnly? DepartureOn, DateOnly? DueBackOn, int? LateByDays, bool IsCurrent, TripOnRecord? Trip = null);

public enum ReceiptVerdict
{
    /// <summary>Issued by us and still describes where the passport is.</summary>
    GenuineAndCurrent,
    /// <summary>Issued by us, but a later entry has taken its place.</summary>
    Superseded,
    /// <summary>No such receipt number, or the verification code does not belong to it.</summary>
    NotGenuine,
    /// <summary>Not checked: this user has checked too many receipts in a short time.</summary>
    TryLater,
}

public sealed record ReceiptCheck(ReceiptVerdict Verdict, string Message);

/// <summary>
/// Reads for the custody pages. Firm HR's context is narrowed to their firm, so another firm's passport is
/// "not found". Numbers are shown in full to custody officers only.
/// </summary>
public sealed class CustodyQueries(IDbContextFactory<RegistryDb> dbFactory, FieldProtector protector, CurrentUser currentUser,
    TimeProvider clock, IOptions<TravelRules> travelRules, ActionThrottle throttle, IStringLocalizer<CustodyText> T)
{
    public const int MaxMatches = 50;

    private bool ShowsFullNumbers => currentUser.Get().Principal.IsInRole(Roles.CustodyOfficer);

    /// <summary>
    /// By passport number (exact, through the keyed hash) or by part of a name or employee number, and/or by the
    /// custody status of current passports (for example: who has not deposited yet).
    /// </summary>
    public async Task<IReadOnlyList<PassportMatch>> SearchAsync(string? term, CustodyStatus? status = null, CancellationToken ct = default)
    {
        term = term?.Trim();
        if (string.IsNullOrEmpty(term) && status is null)
            return [];
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var passports = db.Passports.AsNoTracking();
        var hash = "";
        if (!string.IsNullOrEmpty(term))
        {
            hash = protector.LookupHash(term);
            var lowered = term.ToLowerInvariant();
            passports = passports.Where(p => p.Number.LookupHash == hash
                || p.Specialist!.FullName.Contains(term)
                || p.Specialist.LatinName.ToLower().Contains(lowered)
                || p.Specialist.EmployeeNumber.ToLower() == lowered);
        }
        if (status is { } wanted)
            passports = passports.Where(p => p.IsCurrent && p.CustodyStatus == wanted && p.Specialist!.Status == EmploymentStatus.Current);
        var rows = await passports
            .OrderByDescending(p => p.Number.LookupHash == hash).ThenBy(p => p.Specialist!.LatinName).ThenByDescending(p => p.IsCurrent)
            .Take(MaxMatches)
            .Select(p => new
            {
                p.Id, p.SpecialistId, p.Specialist!.FullName, p.Specialist.LatinName, p.Specialist.EmployeeNumber,
                Firm = p.Specialist.Firm!.Name, p.Number, p.IssuingCountry, p.ExpiresOn, p.IsCurrent, p.CustodyStatus, p.DueBackOn,
            })
            .ToListAsync(ct);
        return rows.Select(r => new PassportMatch(r.Id, r.SpecialistId, r.FullName, r.LatinName, r.EmployeeNumber, r.Firm,
            Show(r.Number, r.CustodyStatus), r.IssuingCountry, ShowsBeforeHandIn(r.CustodyStatus) ? r.ExpiresOn : null, r.IsCurrent, r.CustodyStatus, r.DueBackOn)).ToList();
    }

    public async Task<PassportCustody?> PassportAsync(Guid passportId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var p = await db.Passports.AsNoTracking().Where(x => x.Id == passportId)
            .Select(x => new
            {
                x.Id, x.Version, x.SpecialistId, x.Specialist!.FullName, x.Specialist.LatinName, x.Specialist.DateOfBirth,
                x.Specialist.Nationality, x.Specialist.EmployeeNumber, Firm = x.Specialist.Firm!.Name, x.Number,
                x.IssuingCountry, x.IssuedOn, x.ExpiresOn, x.IsCurrent, x.CustodyStatus, x.DueBackOn, x.ReplacesPassportId,
            })
            .SingleOrDefaultAsync(ct);
        if (p is null)
            return null;
        var recorded = await db.CustodyEvents.AsNoTracking().Where(e => e.PassportId == passportId)
            .OrderBy(e => e.OccurredAt).ThenBy(e => e.Id)
            .Select(e => new
            {
                Entry = new ChainEntry(e.Id, e.Kind, e.OccurredAt, e.OfficerName, e.StorageLocation, e.Condition,
                    e.ApprovalReference, e.Destination, e.DepartureOn, e.DueBackOn, e.LateByDays, e.AcknowledgedBy,
                    e.ReceiptNumber, e.Note, e.ReplacedByPassportId),
                e.PassportNumber, e.PassportCountry, e.PassportExpiresOn,
            })
            .ToListAsync(ct);
        var chain = recorded.Select(x => x.Entry with { Recorded = new RecordedPassport(Show(x.PassportNumber), x.PassportCountry, x.PassportExpiresOn) }).ToList();
        var tripIds = await db.CustodyEvents.AsNoTracking().Where(e => e.PassportId == passportId && e.TravelRequestId != null)
            .Select(e => new { e.Id, TripId = e.TravelRequestId!.Value }).ToListAsync(ct);
        if (tripIds.Count > 0)
        {
            var trips = await TripsAsync(db, tripIds.Select(t => t.TripId).Distinct().ToList(), ct);
            var byEvent = tripIds.ToDictionary(t => t.Id, t => trips.GetValueOrDefault(t.TripId));
            chain = chain.Select(e => byEvent.GetValueOrDefault(e.Id) is { } trip ? e with { Trip = trip } : e).ToList();
        }
        var location = p.CustodyStatus == CustodyStatus.Held ? chain.LastOrDefault(e => e.StorageLocation is not null)?.StorageLocation : null;
        return new PassportCustody(p.Id, p.Version, p.SpecialistId, p.FullName, p.LatinName, p.DateOfBirth, p.Nationality,
            p.EmployeeNumber, p.Firm, Show(p.Number, p.CustodyStatus), p.IssuingCountry, p.IssuedOn, p.ExpiresOn, p.IsCurrent, p.CustodyStatus,
            p.DueBackOn, p.ReplacesPassportId, chain.LastOrDefault(e => e.ReplacedByPassportId is not null)?.ReplacedByPassportId,
            location, chain);
    }

    public async Task<ReceiptView?> ReceiptAsync(string receiptNumber, CancellationToken ct = default)
    {
        var number = ReceiptCodes.NormalizeNumber(receiptNumber);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var e = await db.CustodyEvents.AsNoTracking().SingleOrDefaultAsync(x => x.ReceiptNumber == number, ct);
        if (e is null)
            return null;
        // The passport and holder as the event recorded them: a receipt never shows today's values.
        return new ReceiptView(e.ReceiptNumber!, e.VerificationCode!, e.Kind, e.OccurredAt, e.OfficerName, e.AcknowledgedBy,
            e.PassportId, e.HolderName, e.HolderLatinName, e.FirmName, Show(e.PassportNumber), e.PassportCountry, e.PassportExpiresOn, e.StorageLocation,
            e.Condition, e.ApprovalReference, e.Destination, e.DepartureOn, e.DueBackOn, e.LateByDays,
            await IsLatestAsync(db, e, ct),
            e.TravelRequestId is { } tripId ? (await TripsAsync(db, [tripId], ct)).GetValueOrDefault(tripId) : null);
    }

    /// <summary>
    /// The holder's approved trips not yet used by a release: what the release dialog offers. Each says whether
    /// it can be collected today and, if not, why (the server checks again when the release is logged).
    /// </summary>
    public async Task<IReadOnlyList<ReleasableTrip>> ReleasableTripsAsync(Guid passportId, CancellationToken ct = default)
    {
        if (!ShowsFullNumbers)
            return [];
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var holder = await db.Passports.AsNoTracking().Where(p => p.Id == passportId).Select(p => (Guid?)p.SpecialistId).SingleOrDefaultAsync(ct);
        if (holder is null)
            return [];
        var trips = await db.TravelRequests.AsNoTracking()
            .Where(t => t.SpecialistId == holder && t.Status == TravelStatus.Approved)
            .OrderBy(t => t.ApprovedDepartureOn).ToListAsync(ct);
        var rules = travelRules.Value;
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        return trips.Select(t =>
        {
            string? whyNot = null;
            try
            {
                t.CheckReleasable(today, rules);
            }
            catch (DomainException e)
            {
                whyNot = e.Message;
            }
            var (from, until) = t.ReleaseWindow(rules);
            return new ReleasableTrip(t.Id, t.ApprovalNumber!, t.Destination, t.Purpose, t.ApprovedDepartureOn!.Value, t.ApprovedReturnOn!.Value,
                t.ApprovedReturnOn.Value.AddDays(Math.Max(0, rules.GraceDays)), t.Conditions, from, until, whyNot);
        }).ToList();
    }

    private static async Task<Dictionary<Guid, TripOnRecord>> TripsAsync(RegistryDb db, List<Guid> ids, CancellationToken ct) =>
        await db.TravelRequests.AsNoTracking().Where(t => ids.Contains(t.Id) && t.ApprovalNumber != null)
            .Select(t => new TripOnRecord(t.Id, t.ApprovalNumber!, t.DestinationCity + ", " + t.DestinationCountry, t.Purpose,
                t.ApprovedDepartureOn!.Value, t.ApprovedReturnOn!.Value, t.DecidedByName, t.DecidedAt, t.Conditions, t.Status, t.LateByDays))
            .ToDictionaryAsync(t => t.Id, ct);

    /// <summary>
    /// Genuine when the number exists and the code is its own; current while no later entry for the passport
    /// has superseded it. An unknown number and a wrong code get the same answer, so the check cannot be used
    /// to find out which receipt numbers exist.
    /// </summary>
    public async Task<ReceiptCheck> CheckReceiptAsync(string? receiptNumber, string? verificationCode, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(receiptNumber) || string.IsNullOrWhiteSpace(verificationCode))
            return new ReceiptCheck(ReceiptVerdict.NotGenuine, T["CheckBothNeeded"]);
        // Verification codes are short enough to guess at machine speed; a person checks a few receipts a minute.
        if (throttle.Refusal(ThrottledAction.ReceiptCheck, currentUser.Get()) is { } tooMany)
            return new ReceiptCheck(ReceiptVerdict.TryLater, tooMany);
        var number = ReceiptCodes.NormalizeNumber(receiptNumber);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var e = await db.CustodyEvents.AsNoTracking().SingleOrDefaultAsync(x => x.ReceiptNumber == number, ct);
        if (e?.VerificationCode is null || !ReceiptCodes.CodesMatch(e.VerificationCode, verificationCode))
            return new ReceiptCheck(ReceiptVerdict.NotGenuine, T["CheckNotGenuine", number]);
        if (await IsLatestAsync(db, e, ct))
            return new ReceiptCheck(ReceiptVerdict.GenuineAndCurrent, T["CheckGenuine", number, T[$"Past_{e.Kind}"], Minute(e.OccurredAt), e.OfficerName]);
        var later = await db.CustodyEvents.AsNoTracking().Where(x => x.PassportId == e.PassportId)
            .OrderByDescending(x => x.OccurredAt).ThenByDescending(x => x.Id).Select(x => new { x.Kind, x.OccurredAt }).FirstAsync(ct);
        return new ReceiptCheck(ReceiptVerdict.Superseded, T["CheckSuperseded", number, T[$"Past_{e.Kind}"], Minute(e.OccurredAt), e.OfficerName,
            T[$"Past_{later.Kind}"], Minute(later.OccurredAt)]);
    }

    private static string Minute(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);

    private static async Task<bool> IsLatestAsync(RegistryDb db, CustodyEvent e, CancellationToken ct) =>
        await db.CustodyEvents.Where(x => x.PassportId == e.PassportId)
            .OrderByDescending(x => x.OccurredAt).ThenByDescending(x => x.Id).Select(x => x.Id).FirstAsync(ct) == e.Id;

    private string Show(SensitiveValue number) => ShowsFullNumbers ? protector.Reveal(number) : number.Masked;

    /// <summary>
    /// Before a passport is handed in, the officer checks the passport in hand against the registry by typing its
    /// number and expiry (the hand-in refuses a mismatch); showing the registry's values would let them be copied.
    /// </summary>
    public static bool ShowsBeforeHandIn(CustodyStatus status) => status != CustodyStatus.NotHeld;

    private string Show(SensitiveValue number, CustodyStatus status) => ShowsBeforeHandIn(status) ? Show(number) : number.Masked;
}
