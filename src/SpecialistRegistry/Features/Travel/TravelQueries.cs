using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SpecialistRegistry.Auth;
using SpecialistRegistry.Data;
using SpecialistRegistry.Domain;

namespace SpecialistRegistry.Features.Travel;

public enum TravelSort
{
    RequestedAt,
    Departure,
    Name,
    Firm,
    Destination,
    Status,
}

/// <summary>One page of a list of travel requests. Everything here lives in the page's URL.</summary>
public sealed record TravelListQuery(
    IReadOnlyList<TravelStatus>? Statuses = null,
    string? Text = null,
    Guid? FirmId = null,
    TravelPurpose? Purpose = null,
    string? Country = null,
    TravelSort Sort = TravelSort.RequestedAt,
    bool Descending = false,
    int Page = 0,
    int PageSize = 25);

public sealed record TravelRow(
    Guid Id, Guid SpecialistId, string FullName, string LatinName, string EmployeeNumber, string FirmName,
    string DestinationCountry, string DestinationCity, TravelPurpose Purpose, DateOnly DepartureOn, DateOnly ReturnOn,
    DateOnly? ApprovedDepartureOn, DateOnly? ApprovedReturnOn, TravelStatus Status, string? ApprovalNumber,
    DateTimeOffset RequestedAt, DateTimeOffset? DecidedAt, int? LateByDays, CustodyEventKind? ClosedBy = null)
{
    public string Destination => $"{DestinationCity}, {DestinationCountry}";
}

public sealed record TravelListPage(IReadOnlyList<TravelRow> Rows, int Total);

/// <summary>A trip as the reviewer and the profile see it; <see cref="BeforeApprovals"/> for releases logged with a free-text reference.</summary>
public sealed record TripSummary(
    Guid? Id, string Destination, DateOnly From, DateOnly To, TravelStatus Status, string? ApprovalNumber, int? LateByDays,
    bool BeforeApprovals = false, TravelPurpose? Purpose = null, CustodyEventKind? ClosedBy = null)
{
    public string Outcome => TravelText.Outcome(Status, LateByDays, ClosedBy);
}

public sealed record OpenFlag(FlagReason Reason, FlagSeverity Severity);

public sealed record ExpertiseItem(ExpertiseArea Area, ExpertiseLevel Level, int Years);

public sealed record PassportNow(Guid Id, CustodyStatus Status, DateOnly ExpiresOn, DateOnly? DueBackOn);

/// <summary>What a reviewer needs beside a request: flags, expertise, how past trips ended, the passport now, other trips.</summary>
public sealed record ReviewContext(
    IReadOnlyList<OpenFlag> OpenFlags, IReadOnlyList<ExpertiseItem> Expertise, IReadOnlyList<TripSummary> PastTrips,
    PassportNow? Passport, IReadOnlyList<TripSummary> OtherTrips)
{
    public static readonly ReviewContext Empty = new([], [], [], null, []);
}

public sealed record ReviewRow(TravelRow Trip, ReviewContext Context);

public sealed record ReviewPage(IReadOnlyList<ReviewRow> Rows, int Total);

public sealed record TravellerChoice(Guid Id, string FullName, string LatinName, string EmployeeNumber, string Position, DateOnly? PassportExpiresOn)
{
    public override string ToString() => $"{FullName} ({LatinName}) · {EmployeeNumber}";
}

public sealed record FirmOption(Guid Id, string Name);

/// <summary>
/// One request with its exchange of questions and answers and, for regulators, the review context.
/// <see cref="Closing"/> is the custody entry that closed the trip (the return, or the loss or retirement of a passport not returned).
/// </summary>
public sealed record TravelDetail(
    TravelRequest Trip, string FullName, string LatinName, string EmployeeNumber, string Position, string FirmName,
    EmploymentStatus EmploymentStatus, IReadOnlyList<TravelMessage> Messages, ReviewContext? Context,
    string? ReleaseReceipt, string? ReturnReceipt, DateOnly? ReleasableFrom, DateOnly? ReleasableUntil, Guid? PassportId,
    TripClosing? Closing = null);

public sealed record TripClosing(CustodyEventKind Kind, DateTimeOffset At);

/// <summary>
/// Reads for the travel pages. Firm HR's context is narrowed to their firm, so another firm's request is "not
/// found"; custody officers see only approved requests and what became of them; regulators see everything.
/// </summary>
public sealed class TravelQueries(IDbContextFactory<RegistryDb> dbFactory, CurrentUser currentUser, IOptions<TravelRules> rules)
{
    public const int MaxPageSize = 100;
    public const int MaxTextLength = 200;

    private static readonly TravelStatus[] SeenByCustody = [TravelStatus.Approved, TravelStatus.Released, TravelStatus.Returned, TravelStatus.Expired, TravelStatus.NotReturned];

    private bool IsCustodyOfficer => currentUser.Get().Principal.IsInRole(Roles.CustodyOfficer);
    private bool IsRegulator => currentUser.Get().Principal.IsInRole(Roles.Regulator);
    private bool IsFirmHr => currentUser.Get().Principal.IsInRole(Roles.FirmHR);

    public async Task<TravelListPage> ListAsync(TravelListQuery query, CancellationToken ct = default)
    {
        if (!IsRegulator && !IsFirmHr)
            return new TravelListPage([], 0);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var trips = Filter(db.TravelRequests.AsNoTracking(), query);
        var total = await trips.CountAsync(ct);
        var size = Math.Clamp(query.PageSize, 1, MaxPageSize);
        var rows = await Rows(db, Sort(trips, query).Skip(Math.Max(0, query.Page) * size).Take(size)).ToListAsync(ct);
        return new TravelListPage(rows, total);
    }

    /// <summary>The regulator's queue: the page of requests with the review context of each person beside it.</summary>
    public async Task<ReviewPage> ReviewQueueAsync(TravelListQuery query, CancellationToken ct = default)
    {
        if (!IsRegulator)
            return new ReviewPage([], 0);
        var page = await ListAsync(query, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var contexts = await ContextsAsync(db, page.Rows.Select(r => r.SpecialistId).Distinct().ToList(), ct);
        return new ReviewPage(page.Rows.Select(r => new ReviewRow(r, Without(contexts.GetValueOrDefault(r.SpecialistId) ?? ReviewContext.Empty, r.Id))).ToList(), page.Total);
    }

    public async Task<TravelDetail?> GetAsync(Guid id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var trip = await db.TravelRequests.AsNoTracking().SingleOrDefaultAsync(t => t.Id == id, ct);
        if (trip is null || (IsCustodyOfficer && !SeenByCustody.Contains(trip.Status)) || !(IsCustodyOfficer || IsRegulator || IsFirmHr))
            return null;
        var person = await db.Specialists.AsNoTracking().Where(s => s.Id == trip.SpecialistId)
            .Select(s => new
            {
                s.FullName, s.LatinName, s.EmployeeNumber, s.Position, Firm = s.Firm!.Name, s.Status,
                CurrentPassport = s.Passports.Where(p => p.IsCurrent).Select(p => (Guid?)p.Id).FirstOrDefault(),
            })
            .SingleOrDefaultAsync(ct);
        if (person is null)
            return null;
        var messages = await db.TravelMessages.AsNoTracking().Where(m => m.TravelRequestId == id).OrderBy(m => m.At).ThenBy(m => m.Id).ToListAsync(ct);
        var context = IsRegulator ? Without((await ContextsAsync(db, [trip.SpecialistId], ct)).GetValueOrDefault(trip.SpecialistId) ?? ReviewContext.Empty, id) : null;
        var receipts = await db.CustodyEvents.AsNoTracking()
            .Where(e => e.Id == trip.ReleaseEventId || e.Id == trip.ReturnEventId)
            .Select(e => new { e.Id, e.ReceiptNumber, e.Kind, e.OccurredAt }).ToListAsync(ct);
        (DateOnly From, DateOnly Until)? window = trip.ApprovedDepartureOn is null ? null : trip.ReleaseWindow(rules.Value);
        var closing = receipts.FirstOrDefault(r => r.Id == trip.ReturnEventId);
        return new TravelDetail(trip, person.FullName, person.LatinName, person.EmployeeNumber, person.Position, person.Firm, person.Status,
            messages, context,
            receipts.FirstOrDefault(r => r.Id == trip.ReleaseEventId)?.ReceiptNumber, closing?.ReceiptNumber,
            window?.From, window?.Until, trip.PassportId ?? person.CurrentPassport, closing is null ? null : new TripClosing(closing.Kind, closing.OccurredAt));
    }

    /// <summary>Every trip of one person, newest first, including releases logged before travel approvals.</summary>
    public async Task<IReadOnlyList<TripSummary>> ForSpecialistAsync(Guid specialistId, CancellationToken ct = default)
    {
        if (!IsRegulator && !IsFirmHr)
            return [];
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var trips = await Trips(db, [specialistId]).ToListAsync(ct);
        var legacy = await LegacyTripsAsync(db, [specialistId], ct);
        return trips.Select(t => t.Summary).Concat(legacy.Select(l => l.Trip)).OrderByDescending(t => t.From).ToList();
    }

    /// <summary>Current staff of the HR user's own firm by name (either script) or employee number.</summary>
    public async Task<IReadOnlyList<TravellerChoice>> FindStaffAsync(string? term, CancellationToken ct = default)
    {
        if (!IsFirmHr || term?.Trim() is not { Length: > 0 } text)
            return [];
        text = text.Length > MaxTextLength ? text[..MaxTextLength] : text;
        var lowered = text.ToLowerInvariant();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await Choices(db.Specialists.AsNoTracking()
                .Where(s => s.Status == EmploymentStatus.Current)
                .Where(s => s.FullName.Contains(text) || s.LatinName.ToLower().Contains(lowered) || s.EmployeeNumber.ToLower() == lowered)
                .OrderBy(s => s.LatinName).ThenBy(s => s.Id).Take(20))
            .ToListAsync(ct);
    }

    public async Task<TravellerChoice?> StaffAsync(Guid specialistId, CancellationToken ct = default)
    {
        if (!IsFirmHr)
            return null;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await Choices(db.Specialists.AsNoTracking().Where(s => s.Id == specialistId)).SingleOrDefaultAsync(ct);
    }

    public async Task<IReadOnlyList<FirmOption>> FirmsAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Firms.AsNoTracking().OrderBy(f => f.Name).Select(f => new FirmOption(f.Id, f.Name)).ToListAsync(ct);
    }

    private static IQueryable<TravellerChoice> Choices(IQueryable<Specialist> people) =>
        people.Select(s => new TravellerChoice(s.Id, s.FullName, s.LatinName, s.EmployeeNumber, s.Position,
            s.Passports.Where(p => p.IsCurrent).Select(p => (DateOnly?)p.ExpiresOn).FirstOrDefault()));

    private static IQueryable<TravelRequest> Filter(IQueryable<TravelRequest> trips, TravelListQuery q)
    {
        if (q.Statuses is { Count: > 0 } statuses)
            trips = trips.Where(t => statuses.Contains(t.Status));
        if (q.FirmId is { } firmId)
            trips = trips.Where(t => t.FirmId == firmId);
        if (q.Purpose is { } purpose)
            trips = trips.Where(t => t.Purpose == purpose);
        if (q.Country?.Trim() is { Length: > 0 } country)
        {
            var c = (country.Length > 60 ? country[..60] : country).ToLower();
            trips = trips.Where(t => t.DestinationCountry.ToLower() == c);
        }
        if (q.Text?.Trim() is { Length: > 0 } text)
        {
            text = text.Length > MaxTextLength ? text[..MaxTextLength] : text;
            // Contains is translated without LIKE wildcards, so "%" and "_" are taken literally.
            var lowered = text.ToLowerInvariant();
            var upper = text.ToUpperInvariant();
            trips = trips.Where(t => t.Specialist!.FullName.Contains(text)
                || t.Specialist.LatinName.ToLower().Contains(lowered)
                || t.Specialist.EmployeeNumber.ToLower() == lowered
                || t.DestinationCity.ToLower().Contains(lowered)
                || t.DestinationCountry.ToLower().Contains(lowered)
                || t.ApprovalNumber == upper);
        }
        return trips;
    }

    private static IQueryable<TravelRequest> Sort(IQueryable<TravelRequest> t, TravelListQuery q) => (q.Sort, q.Descending) switch
    {
        (TravelSort.Departure, false) => t.OrderBy(x => x.DepartureOn).ThenBy(x => x.Id),
        (TravelSort.Departure, true) => t.OrderByDescending(x => x.DepartureOn).ThenBy(x => x.Id),
        (TravelSort.Name, false) => t.OrderBy(x => x.Specialist!.LatinName).ThenBy(x => x.Id),
        (TravelSort.Name, true) => t.OrderByDescending(x => x.Specialist!.LatinName).ThenBy(x => x.Id),
        (TravelSort.Firm, false) => t.OrderBy(x => x.Specialist!.Firm!.Name).ThenBy(x => x.RequestedAt),
        (TravelSort.Firm, true) => t.OrderByDescending(x => x.Specialist!.Firm!.Name).ThenBy(x => x.RequestedAt),
        (TravelSort.Destination, false) => t.OrderBy(x => x.DestinationCountry).ThenBy(x => x.DestinationCity).ThenBy(x => x.Id),
        (TravelSort.Destination, true) => t.OrderByDescending(x => x.DestinationCountry).ThenByDescending(x => x.DestinationCity).ThenBy(x => x.Id),
        (TravelSort.Status, false) => t.OrderBy(x => x.Status).ThenBy(x => x.RequestedAt),
        (TravelSort.Status, true) => t.OrderByDescending(x => x.Status).ThenBy(x => x.RequestedAt),
        (_, true) => t.OrderByDescending(x => x.RequestedAt).ThenByDescending(x => x.Id),
        _ => t.OrderBy(x => x.RequestedAt).ThenBy(x => x.Id),
    };

    private static IQueryable<TravelRow> Rows(RegistryDb db, IQueryable<TravelRequest> trips) =>
        trips.Select(t => new TravelRow(t.Id, t.SpecialistId, t.Specialist!.FullName, t.Specialist.LatinName, t.Specialist.EmployeeNumber,
            t.Specialist.Firm!.Name, t.DestinationCountry, t.DestinationCity, t.Purpose, t.DepartureOn, t.ReturnOn,
            t.ApprovedDepartureOn, t.ApprovedReturnOn, t.Status, t.ApprovalNumber, t.RequestedAt, t.DecidedAt, t.LateByDays,
            // The kind of the custody entry that closed the trip, so a trip not returned says whether the passport was lost or
            // retired; read from that entry rather than copied onto the trip, so the chain of custody stays the one record of it.
            db.CustodyEvents.Where(e => e.Id == t.ReturnEventId).Select(e => (CustodyEventKind?)e.Kind).FirstOrDefault()));

    private sealed record TripFacts(Guid Id, Guid SpecialistId, string City, string Country, TravelPurpose Purpose, DateOnly Departure, DateOnly Return,
        DateOnly? ApprovedDeparture, DateOnly? ApprovedReturn, TravelStatus Status, string? ApprovalNumber, int? LateByDays, CustodyEventKind? ClosedBy)
    {
        public TripSummary Summary => new(Id, $"{City}, {Country}", ApprovedDeparture ?? Departure, ApprovedReturn ?? Return, Status, ApprovalNumber, LateByDays,
            Purpose: Purpose, ClosedBy: ClosedBy);
    }

    private static IQueryable<TripFacts> Trips(RegistryDb db, List<Guid> specialistIds) =>
        db.TravelRequests.AsNoTracking().Where(t => specialistIds.Contains(t.SpecialistId))
            .Select(t => new TripFacts(t.Id, t.SpecialistId, t.DestinationCity, t.DestinationCountry, t.Purpose, t.DepartureOn, t.ReturnOn,
                t.ApprovedDepartureOn, t.ApprovedReturnOn, t.Status, t.ApprovalNumber, t.LateByDays,
                db.CustodyEvents.Where(e => e.Id == t.ReturnEventId).Select(e => (CustodyEventKind?)e.Kind).FirstOrDefault()));

    /// <summary>
    /// Releases logged before travel approvals existed (a free-text reference, no trip), each paired with the
    /// return that closed it, so the reviewer sees how those trips ended too.
    /// </summary>
    private static async Task<List<(Guid SpecialistId, TripSummary Trip)>> LegacyTripsAsync(RegistryDb db, List<Guid> specialistIds, CancellationToken ct)
    {
        var events = await db.CustodyEvents.AsNoTracking()
            .Where(e => e.TravelRequestId == null && (e.Kind == CustodyEventKind.Release || e.Kind == CustodyEventKind.Return || e.Kind == CustodyEventKind.HandIn))
            .Join(db.Passports.Where(p => specialistIds.Contains(p.SpecialistId)), e => e.PassportId, p => p.Id,
                (e, p) => new { p.SpecialistId, e.PassportId, e.Kind, e.OccurredAt, e.Id, e.ApprovalReference, e.Destination, e.DepartureOn, e.DueBackOn, e.LateByDays })
            .ToListAsync(ct);
        var trips = new List<(Guid, TripSummary)>();
        foreach (var passport in events.GroupBy(e => e.PassportId))
        {
            var ordered = passport.OrderBy(e => e.OccurredAt).ThenBy(e => e.Id).ToList();
            for (var i = 0; i < ordered.Count; i++)
            {
                var release = ordered[i];
                if (release.Kind != CustodyEventKind.Release)
                    continue;
                var back = ordered.Skip(i + 1).FirstOrDefault(e => e.Kind is CustodyEventKind.Return or CustodyEventKind.HandIn);
                var from = release.DepartureOn ?? DateOnly.FromDateTime(release.OccurredAt.UtcDateTime);
                trips.Add((release.SpecialistId, new TripSummary(null, release.Destination ?? "Destination not recorded", from, release.DueBackOn ?? from,
                    back is null ? TravelStatus.Released : TravelStatus.Returned, release.ApprovalReference, back?.LateByDays, BeforeApprovals: true)));
            }
        }
        return trips;
    }

    private static async Task<Dictionary<Guid, ReviewContext>> ContextsAsync(RegistryDb db, List<Guid> ids, CancellationToken ct)
    {
        if (ids.Count == 0)
            return [];
        var flags = (await db.Flags.AsNoTracking().Where(f => ids.Contains(f.SpecialistId) && f.Status == FlagStatus.Open)
            .Select(f => new { f.SpecialistId, f.Reason, f.Severity }).ToListAsync(ct)).ToLookup(f => f.SpecialistId, f => new OpenFlag(f.Reason, f.Severity));
        var expertise = (await db.Expertise.AsNoTracking().Where(e => ids.Contains(e.SpecialistId))
            .Select(e => new { e.SpecialistId, e.Area, e.Level, e.Years }).ToListAsync(ct))
            .ToLookup(e => e.SpecialistId, e => new ExpertiseItem(e.Area, e.Level, e.Years));
        var passports = (await db.Passports.AsNoTracking().Where(p => ids.Contains(p.SpecialistId) && p.IsCurrent)
            .Select(p => new { p.SpecialistId, p.Id, p.CustodyStatus, p.ExpiresOn, p.DueBackOn }).ToListAsync(ct))
            .GroupBy(p => p.SpecialistId).ToDictionary(g => g.Key, g => g.Select(p => new PassportNow(p.Id, p.CustodyStatus, p.ExpiresOn, p.DueBackOn)).First());
        var trips = (await Trips(db, ids).ToListAsync(ct)).ToLookup(t => t.SpecialistId);
        var legacy = (await LegacyTripsAsync(db, ids, ct)).ToLookup(l => l.SpecialistId, l => l.Trip);

        return ids.ToDictionary(id => id, id => new ReviewContext(
            flags[id].OrderByDescending(f => f.Severity).ToList(),
            expertise[id].OrderByDescending(e => e.Level).ThenBy(e => e.Area).ToList(),
            trips[id].Where(t => t.Status is TravelStatus.Returned or TravelStatus.Expired or TravelStatus.NotReturned).Select(t => t.Summary)
                .Concat(legacy[id]).OrderByDescending(t => t.From).ToList(),
            passports.GetValueOrDefault(id),
            trips[id].Where(t => t.Status is TravelStatus.Pending or TravelStatus.InformationRequested or TravelStatus.Approved or TravelStatus.Released)
                .Select(t => t.Summary).OrderBy(t => t.From).ToList()));
    }

    // A request is not its own "other trip".
    private static ReviewContext Without(ReviewContext context, Guid tripId) =>
        context with { OtherTrips = context.OtherTrips.Where(t => t.Id != tripId).ToList() };
}
