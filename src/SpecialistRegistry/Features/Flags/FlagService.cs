using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using SpecialistRegistry.Data;
using SpecialistRegistry.Domain;

namespace SpecialistRegistry.Features.Flags;

/// <summary>
/// Raising, resolving and reopening flags on specialists, and the regulator's flags list. Concurrent edits
/// are caught by the flag's Version token: the later save is refused and told what the flag now says.
/// </summary>
public sealed class FlagService(IDbContextFactory<RegistryDb> dbFactory, TimeProvider clock, IStringLocalizer<FlagsText> T)
{
    public const int MaxPageSize = 200;
    public const int MaxNoteLength = 2000;
    public const int MaxTextLength = 200;

    public async Task<FlagOutcome> RaiseAsync(RaiseFlagInput input, CancellationToken ct = default)
    {
        if (input.Reason is not { } reason || !Enum.IsDefined(reason))
            return new FlagOutcome.Invalid(nameof(input.Reason), T["ChooseReason"]);
        if (input.Severity is not { } severity || !Enum.IsDefined(severity))
            return new FlagOutcome.Invalid(nameof(input.Severity), T["ChooseSeverity"]);
        if (NoteProblem(input.Note, T["DescribeProblem"]) is { } problem)
            return new FlagOutcome.Invalid(nameof(input.Note), problem);

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await db.Specialists.AnyAsync(s => s.Id == input.SpecialistId, ct))
            return new FlagOutcome.NotFound();
        var flag = new Flag
        {
            SpecialistId = input.SpecialistId,
            Reason = reason,
            Severity = severity,
            Note = input.Note!.Trim(),
            Status = FlagStatus.Open,
            RaisedById = db.Actor.Id,
            RaisedAt = clock.GetUtcNow(),
        };
        db.Flags.Add(flag);
        await db.SaveChangesAsync(ct);
        return new FlagOutcome.Saved(flag.Id);
    }

    public Task<FlagOutcome> ResolveAsync(Guid flagId, Guid version, string? note, CancellationToken ct = default) =>
        NoteProblem(note, T["ResolutionRequired"]) is { } problem
            ? Task.FromResult<FlagOutcome>(new FlagOutcome.Invalid("ResolutionNote", problem))
            : ChangeAsync(flagId, version, (flag, actor) => flag.Resolve(actor.Id, note!, clock.GetUtcNow()), ct);

    public Task<FlagOutcome> ReopenAsync(Guid flagId, Guid version, CancellationToken ct = default) =>
        ChangeAsync(flagId, version, (flag, _) => flag.Reopen(), ct);

    /// <summary>Changes the severity and note of a flag, e.g. when more is learned.</summary>
    public Task<FlagOutcome> EditAsync(Guid flagId, Guid version, FlagSeverity severity, string? note, CancellationToken ct = default) =>
        NoteProblem(note, T["DescribeProblem"]) is { } problem
            ? Task.FromResult<FlagOutcome>(new FlagOutcome.Invalid("Note", problem))
            : ChangeAsync(flagId, version, (flag, _) => { flag.Severity = severity; flag.Note = note!.Trim(); }, ct);

    private async Task<FlagOutcome> ChangeAsync(Guid flagId, Guid version, Action<Flag, Actor> change, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var flag = await db.Flags.SingleOrDefaultAsync(f => f.Id == flagId, ct);
        if (flag is null)
            return new FlagOutcome.NotFound();
        // The version the user saw is the one the save must find, or someone else got there first.
        db.Entry(flag).Property(f => f.Version).OriginalValue = version;
        if (flag.Version != version)
            return await ConflictAsync(flagId, ct);
        try
        {
            change(flag, db.Actor);
        }
        catch (DomainException e)
        {
            return new FlagOutcome.Invalid("", e.Message);
        }
        try
        {
            await db.SaveChangesAsync(ct);
            return new FlagOutcome.Saved(flag.Id);
        }
        catch (DbUpdateConcurrencyException)
        {
            return await ConflictAsync(flagId, ct);
        }
    }

    private async Task<FlagOutcome> ConflictAsync(Guid flagId, CancellationToken ct) =>
        await GetAsync(flagId, ct) is { } current ? new FlagOutcome.Conflict(current) : new FlagOutcome.NotFound();

    public async Task<FlagRow?> GetAsync(Guid flagId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await Rows(db, db.Flags.AsNoTracking().Where(f => f.Id == flagId)).SingleOrDefaultAsync(ct);
    }

    /// <summary>A specialist's flags, open ones first.</summary>
    public async Task<IReadOnlyList<FlagRow>> ForSpecialistAsync(Guid specialistId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var flags = db.Flags.AsNoTracking().Where(f => f.SpecialistId == specialistId)
            .OrderBy(f => f.Status == FlagStatus.Open ? 0 : 1).ThenByDescending(f => f.RaisedAt);
        return await Rows(db, flags).ToListAsync(ct);
    }

    public async Task<FlagPage> QueryAsync(FlagQuery query, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var flags = Filter(db.Flags.AsNoTracking(), query);
        var total = await flags.CountAsync(ct);
        var size = Math.Clamp(query.PageSize, 1, MaxPageSize);
        var page = Sort(flags, query).Skip(Math.Max(0, query.Page) * size).Take(size);
        return new FlagPage(await Rows(db, page).ToListAsync(ct), total);
    }

    /// <summary>Specialists by name (either script) or employee number, for picking whom to flag.</summary>
    public async Task<IReadOnlyList<SpecialistChoice>> FindSpecialistsAsync(string? term, CancellationToken ct = default)
    {
        if (term?.Trim() is not { Length: > 0 } text)
            return [];
        text = text.Length > MaxTextLength ? text[..MaxTextLength] : text;
        var lowered = text.ToLowerInvariant();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Specialists.AsNoTracking()
            .Where(s => s.FullName.Contains(text) || s.LatinName.ToLower().Contains(lowered) || s.EmployeeNumber.ToLower() == lowered)
            .OrderBy(s => s.LatinName).ThenBy(s => s.Id)
            .Take(20)
            .Select(s => new SpecialistChoice(s.Id, s.FullName, s.LatinName, s.EmployeeNumber, s.Firm!.Name))
            .ToListAsync(ct);
    }

    public async Task<SpecialistChoice?> SpecialistAsync(Guid id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Specialists.AsNoTracking().Where(s => s.Id == id)
            .Select(s => new SpecialistChoice(s.Id, s.FullName, s.LatinName, s.EmployeeNumber, s.Firm!.Name))
            .SingleOrDefaultAsync(ct);
    }

    public async Task<IReadOnlyList<FirmChoice>> FirmsAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Firms.AsNoTracking().OrderBy(f => f.Name).Select(f => new FirmChoice(f.Id, f.Name)).ToListAsync(ct);
    }

    private string? NoteProblem(string? note, string whenEmpty) =>
        string.IsNullOrWhiteSpace(note) ? whenEmpty
        : note.Trim().Length > MaxNoteLength ? T["NoteTooLong", MaxNoteLength].Value
        : null;

    private static IQueryable<Flag> Filter(IQueryable<Flag> flags, FlagQuery q)
    {
        if (q.Status is { } status)
            flags = flags.Where(f => f.Status == status);
        if (q.Reason is { } reason)
            flags = flags.Where(f => f.Reason == reason);
        if (q.Severity is { } severity)
            flags = flags.Where(f => f.Severity == severity);
        if (q.FirmId is { } firmId)
            flags = flags.Where(f => f.Specialist!.FirmId == firmId);
        if (q.Text?.Trim() is { Length: > 0 } text)
        {
            text = text.Length > MaxTextLength ? text[..MaxTextLength] : text;
            // Contains is translated without LIKE wildcards, so "%" and "_" are taken literally.
            var lowered = text.ToLowerInvariant();
            flags = flags.Where(f => f.Specialist!.FullName.Contains(text)
                || f.Specialist.LatinName.ToLower().Contains(lowered)
                || f.Specialist.EmployeeNumber.ToLower().Contains(lowered)
                || f.Note.ToLower().Contains(lowered));
        }
        return flags;
    }

    // Severity and reason are stored as text, so their order is the enum's declared order only in memory;
    // in SQL we map them to numbers explicitly.
    private static IQueryable<Flag> Sort(IQueryable<Flag> f, FlagQuery q) => (q.Sort, q.Descending) switch
    {
        (FlagSort.Name, false) => f.OrderBy(x => x.Specialist!.LatinName).ThenBy(x => x.Id),
        (FlagSort.Name, true) => f.OrderByDescending(x => x.Specialist!.LatinName).ThenBy(x => x.Id),
        (FlagSort.Firm, false) => f.OrderBy(x => x.Specialist!.Firm!.Name).ThenBy(x => x.Id),
        (FlagSort.Firm, true) => f.OrderByDescending(x => x.Specialist!.Firm!.Name).ThenBy(x => x.Id),
        (FlagSort.Severity, false) => f.OrderBy(x => x.Severity == FlagSeverity.High ? 2 : x.Severity == FlagSeverity.Medium ? 1 : 0).ThenByDescending(x => x.RaisedAt),
        (FlagSort.Severity, true) => f.OrderByDescending(x => x.Severity == FlagSeverity.High ? 2 : x.Severity == FlagSeverity.Medium ? 1 : 0).ThenByDescending(x => x.RaisedAt),
        (FlagSort.Reason, false) => f.OrderBy(x => x.Reason).ThenByDescending(x => x.RaisedAt),
        (FlagSort.Reason, true) => f.OrderByDescending(x => x.Reason).ThenByDescending(x => x.RaisedAt),
        (FlagSort.Status, false) => f.OrderBy(x => x.Status).ThenByDescending(x => x.RaisedAt),
        (FlagSort.Status, true) => f.OrderByDescending(x => x.Status).ThenByDescending(x => x.RaisedAt),
        (_, false) => f.OrderBy(x => x.RaisedAt).ThenBy(x => x.Id),
        _ => f.OrderByDescending(x => x.RaisedAt).ThenBy(x => x.Id),
    };

    private static IQueryable<FlagRow> Rows(RegistryDb db, IQueryable<Flag> flags) =>
        flags.Select(f => new FlagRow(
            f.Id, f.SpecialistId, f.Specialist!.FullName, f.Specialist.LatinName, f.Specialist.EmployeeNumber,
            f.Specialist.FirmId, f.Specialist.Firm!.Name,
            f.Reason, f.Severity, f.Status, f.Note,
            db.Users.Where(u => u.Id == f.RaisedById).Select(u => u.DisplayName).FirstOrDefault() ?? f.RaisedById,
            f.RaisedAt,
            db.Users.Where(u => u.Id == f.ResolvedById).Select(u => u.DisplayName).FirstOrDefault() ?? f.ResolvedById,
            f.ResolvedAt, f.ResolutionNote, f.Version));
}
