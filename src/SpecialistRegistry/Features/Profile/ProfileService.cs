using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using SpecialistRegistry.Domain.Records;
using SpecialistRegistry.Auth;
using SpecialistRegistry.Data;
using SpecialistRegistry.Domain;
using SpecialistRegistry.Web;

namespace SpecialistRegistry.Features.Profile;

/// <summary>
/// A specialist's full profile for regulators: record, custody timeline, filings, flags and change history.
/// Sensitive numbers leave the database masked; a reveal needs a typed reason and is an audit entry.
/// </summary>
public sealed class ProfileService(IDbContextFactory<RegistryDb> dbFactory, FieldProtector protector, CurrentUser currentUser,
    IStringLocalizer<ProfileText> T, DisclosureWatch disclosures, ActionThrottle throttle)
{
    public const int HistoryLimit = 200;
    public const int MinReasonLength = 5;
    public const int MaxReasonLength = 500;

    private bool IsRegulator => currentUser.Get().Principal.IsInRole(Roles.Regulator);

    public async Task<ProfileView?> LoadAsync(Guid id, CancellationToken ct = default)
    {
        if (!IsRegulator)
            return null;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var s = await db.Specialists.AsNoTracking().Include(x => x.Firm)
            .Include(x => x.Expertise).Include(x => x.Education).Include(x => x.Research)
            .Include(x => x.Passports).ThenInclude(p => p.CustodyEvents).Include(x => x.Flags)
            .AsSplitQuery().SingleOrDefaultAsync(x => x.Id == id, ct);
        if (s is null)
            return null;

        var filings = await db.FilingEntries.AsNoTracking().Where(e => e.SpecialistId == id)
            .Join(db.Filings, e => e.FilingId, f => f.Id, (e, f) => new FilingView(f.Id, f.Period, f.Status, f.SubmittedAt, e.Change))
            .ToListAsync(ct);

        // The trail keys each row by its own id: the person's and every row that belongs to them.
        var keys = new List<string> { id.ToString() };
        keys.AddRange(s.Expertise.Select(x => x.Id.ToString()));
        keys.AddRange(s.Education.Select(x => x.Id.ToString()));
        keys.AddRange(s.Research.Select(x => x.Id.ToString()));
        keys.AddRange(s.Passports.Select(x => x.Id.ToString()));
        keys.AddRange(s.Passports.SelectMany(p => p.CustodyEvents).Select(x => x.Id.ToString()));
        keys.AddRange(s.Flags.Select(x => x.Id.ToString()));
        var trips = await db.TravelRequests.AsNoTracking().Where(t => t.SpecialistId == id).Select(t => t.Id).ToListAsync(ct);
        keys.AddRange(trips.Select(x => x.ToString()));
        keys.AddRange((await db.TravelMessages.AsNoTracking().Where(m => trips.Contains(m.TravelRequestId)).Select(m => m.Id).ToListAsync(ct)).Select(x => x.ToString()));
        string[] types = [nameof(Specialist), nameof(Expertise), nameof(Education), nameof(ResearchRecord), nameof(Passport), nameof(CustodyEvent), nameof(Flag),
            nameof(TravelRequest), nameof(TravelMessage)];
        var audit = await db.AuditEntries.AsNoTracking()
            .Where(a => types.Contains(a.EntityType) && keys.Contains(a.EntityKey))
            .OrderByDescending(a => a.Sequence).Take(HistoryLimit + 1)
            .Select(a => new { a.Sequence, a.At, a.ActorName, a.Action, a.EntityType, a.Changes })
            .ToListAsync(ct);
        var history = audit.Take(HistoryLimit)
            .Select(a => new HistoryView(a.Sequence, a.At, a.ActorName, a.Action, a.EntityType, ParseChanges(a.Changes))).ToList();

        return new ProfileView(
            s.Id, s.FirmId, s.Firm?.Name ?? "", s.Firm?.Segment ?? default, s.EmployeeNumber, s.FullName, s.LatinName,
            s.Gender, s.DateOfBirth, s.Nationality, s.NationalId.Masked, s.Phone, s.Email, s.Position, s.Department,
            s.HireDate, s.Status, s.LeftOn, s.LeftReason, s.UpdatedAt,
            s.Expertise.OrderByDescending(e => e.Level).ThenBy(e => e.Area).ToList(),
            s.Education.OrderByDescending(e => e.GraduationYear).ToList(),
            s.Research.OrderByDescending(r => r.Year).ToList(),
            s.Passports.OrderByDescending(p => p.IsCurrent).ThenByDescending(p => p.ExpiresOn)
                .Select(p => new PassportView(p.Id, p.Number.Masked, p.IssuingCountry, p.IssuedOn, p.ExpiresOn, p.IsCurrent,
                    p.CustodyStatus, p.DueBackOn, p.CustodyEvents.OrderByDescending(e => e.OccurredAt).ToList())).ToList(),
            filings.OrderByDescending(f => f.Period).ToList(),
            s.Flags.OrderByDescending(f => f.RaisedAt)
                .Select(f => new FlagView(f.Id, f.Reason, f.Severity, f.Status, f.Note, f.RaisedAt, f.ResolvedAt, f.ResolutionNote)).ToList(),
            history, audit.Count > HistoryLimit);
    }

    /// <summary>Shows a full number once the regulator has said why; the reason goes into the audit entry.</summary>
    public async Task<RevealOutcome> RevealAsync(Guid specialistId, RevealField field, Guid? passportId, string? reason, CancellationToken ct = default)
    {
        if (!IsRegulator)
            return RevealOutcome.Refused(T["RevealForRegulatorsOnly"]);
        var why = reason?.Trim() ?? "";
        if (why.Length < MinReasonLength)
            return RevealOutcome.Refused(T["RevealReasonMinimum", MinReasonLength]);
        if (why.Length > MaxReasonLength)
            return RevealOutcome.Refused(T["RevealReasonMaximum", MaxReasonLength]);
        // The reason is written into the audit trail and shown to auditors: no control or direction characters.
        if (CleanText.Problem(why, multiline: true) is { } unclean)
            return RevealOutcome.Refused(unclean);
        if (throttle.Refusal(ThrottledAction.Reveal, currentUser.Get()) is { } tooMany)
            return RevealOutcome.TooMany(tooMany);

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        SensitiveValue? value;
        string entityType, entityKey;
        if (field == RevealField.NationalId)
        {
            value = (await db.Specialists.AsNoTracking().SingleOrDefaultAsync(s => s.Id == specialistId, ct))?.NationalId;
            (entityType, entityKey) = (nameof(Specialist), specialistId.ToString());
        }
        else
        {
            value = (await db.Passports.AsNoTracking().SingleOrDefaultAsync(p => p.Id == passportId && p.SpecialistId == specialistId, ct))?.Number;
            (entityType, entityKey) = (nameof(Passport), passportId.ToString() ?? "");
        }
        if (value is null || value.IsEmpty)
            return RevealOutcome.Refused(T["NothingToReveal"]);

        db.RecordAuditEvent(field == RevealField.NationalId ? "RevealedNationalId" : "RevealedPassportNumber", entityType, entityKey,
            new Dictionary<string, string?> { ["Reason"] = why, ["SpecialistId"] = specialistId.ToString() });
        await disclosures.NoteAsync(db, DisclosureKind.Reveal, ct);
        await db.SaveChangesAsync(ct);
        return new RevealOutcome(protector.Reveal(value), null);
    }

    // The custody event's frozen copy of the passport and holder repeats what the profile shows already.
    private static readonly HashSet<string> HiddenFields =
    [
        "Id", "SpecialistId", "PassportId", "FirmId", "PassportNumber", "PassportCountry", "PassportIssuedOn", "PassportExpiresOn",
        "HolderName", "HolderLatinName", "FirmName",
    ];

    private static IReadOnlyList<FieldChange> ParseChanges(string json)
    {
        try
        {
            using var doc = JsonDocument.Parse(json);
            return doc.RootElement.EnumerateObject().Select(p => p.Value.ValueKind == JsonValueKind.Array && p.Value.GetArrayLength() == 2
                    ? new FieldChange(p.Name, Text(p.Value[0]), Text(p.Value[1]))
                    : new FieldChange(p.Name, null, Text(p.Value)))
                // Keys and empty fields say nothing to a reader of one person's history.
                .Where(c => !HiddenFields.Contains(c.Field) && (c.Old is { Length: > 0 } || c.New is { Length: > 0 }))
                .ToList();
        }
        catch (JsonException)
        {
            return [new FieldChange("", null, json)];
        }
    }

    private static string? Text(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        JsonValueKind.String => e.GetString(),
        _ => e.GetRawText(),
    };
}
