using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using SpecialistRegistry.Data;
using SpecialistRegistry.Domain;

namespace SpecialistRegistry.Features.Matching;

public sealed record MatchPerson(Guid Id, string FullName, string LatinName, string EmployeeNumber, DateOnly DateOfBirth, Guid FirmId, string FirmName);

public sealed record MatchRow(MatchPerson First, MatchPerson Second, MatchKind Kind, double Score, MatchVerdict? Verdict, string? Note, string? DecidedByName, DateTimeOffset? DecidedAt, Guid? DecisionVersion)
{
    public string Key => $"{First.Id:N}-{Second.Id:N}";
}

public enum MatchFilter
{
    Undecided,
    Confirmed,
    Dismissed,
    All,
}

public sealed record MatchDecisionInput(Guid FirstId, Guid SecondId, MatchKind Kind, double Score, MatchVerdict Verdict, string? Note, Guid? ExpectedVersion);

public abstract record MatchOutcome
{
    public sealed record Saved : MatchOutcome;

    public sealed record Invalid(string Message) : MatchOutcome;

    /// <summary>Another regulator decided this pair first; nothing was written.</summary>
    public sealed record Conflict(MatchVerdict Verdict, string DecidedByName) : MatchOutcome;
}

/// <summary>
/// Possible duplicates across firms: the same passport or national ID number (equal keyed hash), or the same
/// date of birth with a similar name. Exact matches are found with a GROUP BY on the hash; fuzzy ones by
/// streaming specialists ordered by date of birth and comparing only within one date and one initial, so the
/// work grows with the size of those small blocks, not with the square of the registry.
/// </summary>
public sealed class MatchingService(IDbContextFactory<RegistryDb> dbFactory, TimeProvider clock, IStringLocalizer<MatchingText> T)
{
    public const double DefaultThreshold = 0.85;
    public const int MaxRows = 500;
    public const int MaxNoteLength = 1000;

    public async Task<IReadOnlyList<MatchRow>> FindAsync(MatchFilter filter = MatchFilter.Undecided, double threshold = DefaultThreshold, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var pairs = new Dictionary<(Guid, Guid), (MatchKind Kind, double Score)>();
        void Add(Guid a, Guid b, MatchKind kind, double score)
        {
            var key = MatchDecision.Pair(a, b);
            // The strongest reason for a pair wins: a shared passport says more than a similar name.
            if (!pairs.TryGetValue(key, out var known) || (int)kind < (int)known.Kind)
                pairs[key] = (kind, score);
        }

        foreach (var (a, b) in await SharedPassportsAsync(db, ct))
            Add(a, b, MatchKind.SamePassport, 1);
        foreach (var (a, b) in await SharedNationalIdsAsync(db, ct))
            Add(a, b, MatchKind.SameNationalId, 1);
        await foreach (var (a, b, score) in SimilarNamesAsync(db, threshold, ct))
            Add(a, b, MatchKind.SimilarName, score);

        var decisions = await db.Set<MatchDecision>().AsNoTracking()
            .Select(d => new { d.FirstSpecialistId, d.SecondSpecialistId, d.Verdict, d.Note, d.DecidedByName, d.DecidedAt, d.Version })
            .ToDictionaryAsync(d => (d.FirstSpecialistId, d.SecondSpecialistId), ct);

        var wanted = pairs
            .Select(p => (Pair: p.Key, p.Value.Kind, p.Value.Score, Decision: decisions.GetValueOrDefault(p.Key)))
            .Where(p => filter switch
            {
                MatchFilter.Undecided => p.Decision is null,
                MatchFilter.Confirmed => p.Decision?.Verdict == MatchVerdict.Confirmed,
                MatchFilter.Dismissed => p.Decision?.Verdict == MatchVerdict.Dismissed,
                _ => true,
            })
            .OrderBy(p => p.Kind == MatchKind.SimilarName ? 1 : 0).ThenByDescending(p => p.Score).ThenBy(p => p.Pair.Item1)
            .Take(MaxRows)
            .ToList();

        var ids = wanted.SelectMany(p => new[] { p.Pair.Item1, p.Pair.Item2 }).Distinct().ToList();
        var people = await db.Specialists.AsNoTracking().Where(s => ids.Contains(s.Id))
            .Select(s => new MatchPerson(s.Id, s.FullName, s.LatinName, s.EmployeeNumber, s.DateOfBirth, s.FirmId, s.Firm!.Name))
            .ToDictionaryAsync(s => s.Id, ct);

        return wanted
            .Where(p => people.ContainsKey(p.Pair.Item1) && people.ContainsKey(p.Pair.Item2))
            .Select(p => new MatchRow(people[p.Pair.Item1], people[p.Pair.Item2], p.Kind, p.Score,
                p.Decision?.Verdict, p.Decision?.Note, p.Decision?.DecidedByName, p.Decision?.DecidedAt, p.Decision?.Version))
            .ToList();
    }

    /// <summary>Records (or changes) the verdict on a pair. The entity is audited like every other write.</summary>
    public async Task<MatchOutcome> DecideAsync(MatchDecisionInput input, CancellationToken ct = default)
    {
        if (input.FirstId == input.SecondId)
            return new MatchOutcome.Invalid(T["SelfDuplicate"]);
        if (!Enum.IsDefined(input.Verdict) || !Enum.IsDefined(input.Kind))
            return new MatchOutcome.Invalid(T["ChooseVerdict"]);
        var note = input.Note?.Trim() ?? "";
        if (note.Length > MaxNoteLength)
            return new MatchOutcome.Invalid(T["NoteTooLong", MaxNoteLength]);

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (first, second) = MatchDecision.Pair(input.FirstId, input.SecondId);
        if (await db.Specialists.CountAsync(s => s.Id == first || s.Id == second, ct) != 2)
            return new MatchOutcome.Invalid(T["SpecialistGone"]);
        var decision = await db.Set<MatchDecision>().SingleOrDefaultAsync(d => d.FirstSpecialistId == first && d.SecondSpecialistId == second, ct);
        if (decision is null)
        {
            if (input.ExpectedVersion is not null)
                return new MatchOutcome.Invalid(T["DecisionWithdrawn"]);
            decision = new MatchDecision { FirstSpecialistId = first, SecondSpecialistId = second };
            db.Set<MatchDecision>().Add(decision);
        }
        else if (decision.Version != input.ExpectedVersion)
        {
            return new MatchOutcome.Conflict(decision.Verdict, decision.DecidedByName);
        }
        else
        {
            db.Entry(decision).Property(d => d.Version).OriginalValue = input.ExpectedVersion.Value;
        }
        decision.Kind = input.Kind;
        decision.Score = input.Score;
        decision.Verdict = input.Verdict;
        decision.Note = note;
        decision.DecidedById = db.Actor.Id;
        decision.DecidedByName = db.Actor.Name;
        decision.DecidedAt = clock.GetUtcNow();
        try
        {
            await db.SaveChangesAsync(ct);
            return new MatchOutcome.Saved();
        }
        catch (DbUpdateException)
        {
            // Either the version moved on (an update) or the pair's unique index refused a second first decision.
            await using var fresh = await dbFactory.CreateDbContextAsync(ct);
            var theirs = await fresh.Set<MatchDecision>().AsNoTracking()
                .SingleOrDefaultAsync(d => d.FirstSpecialistId == first && d.SecondSpecialistId == second, ct);
            if (theirs is null)
                throw;
            return new MatchOutcome.Conflict(theirs.Verdict, theirs.DecidedByName);
        }
    }

    private static async Task<List<(Guid, Guid)>> SharedPassportsAsync(RegistryDb db, CancellationToken ct)
    {
        var hashes = await db.Passports.AsNoTracking()
            .Where(p => p.Number.LookupHash != "")
            .GroupBy(p => p.Number.LookupHash)
            .Where(g => g.Count() > 1)
            .Select(g => g.Key)
            .ToListAsync(ct);
        if (hashes.Count == 0)
            return [];
        var holders = await db.Passports.AsNoTracking()
            .Where(p => hashes.Contains(p.Number.LookupHash))
            .Select(p => new { Hash = p.Number.LookupHash, p.SpecialistId, p.Specialist!.FirmId })
            .ToListAsync(ct);
        return PairsAcrossFirms(holders.Select(h => (h.Hash, h.SpecialistId, h.FirmId)));
    }

    private static async Task<List<(Guid, Guid)>> SharedNationalIdsAsync(RegistryDb db, CancellationToken ct)
    {
        var hashes = await db.Specialists.AsNoTracking()
            .Where(s => s.NationalId.LookupHash != "")
            .GroupBy(s => s.NationalId.LookupHash)
            .Where(g => g.Count() > 1)
            .Select(g => g.Key)
            .ToListAsync(ct);
        if (hashes.Count == 0)
            return [];
        var holders = await db.Specialists.AsNoTracking()
            .Where(s => hashes.Contains(s.NationalId.LookupHash))
            .Select(s => new { Hash = s.NationalId.LookupHash, s.Id, s.FirmId })
            .ToListAsync(ct);
        return PairsAcrossFirms(holders.Select(h => (h.Hash, h.Id, h.FirmId)));
    }

    // Same number at the same firm is a data-entry matter for that firm, not a cross-firm duplicate.
    private static List<(Guid, Guid)> PairsAcrossFirms(IEnumerable<(string Key, Guid SpecialistId, Guid FirmId)> holders)
    {
        var pairs = new List<(Guid, Guid)>();
        foreach (var group in holders.DistinctBy(h => (h.Key, h.SpecialistId)).GroupBy(h => h.Key))
        {
            var list = group.ToList();
            for (var i = 0; i < list.Count; i++)
                for (var j = i + 1; j < list.Count; j++)
                    if (list[i].FirmId != list[j].FirmId)
                        pairs.Add((list[i].SpecialistId, list[j].SpecialistId));
        }
        return pairs;
    }

    private static async IAsyncEnumerable<(Guid, Guid, double)> SimilarNamesAsync(RegistryDb db, double threshold,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        // One ordered pass over a narrow projection; a GROUP BY to pre-select shared dates measured slower.
        var stream = db.Specialists.AsNoTracking()
            .OrderBy(s => s.DateOfBirth)
            .Select(s => new Candidate(s.Id, s.FirmId, s.DateOfBirth, s.LatinName, s.FullName))
            .AsAsyncEnumerable();

        var block = new List<Candidate>();
        await foreach (var person in stream.WithCancellation(ct))
        {
            if (block.Count > 0 && block[0].DateOfBirth != person.DateOfBirth)
            {
                foreach (var pair in CompareBlock(block, threshold))
                    yield return pair;
                block.Clear();
            }
            block.Add(person);
        }
        foreach (var pair in CompareBlock(block, threshold))
            yield return pair;
    }

    private sealed record Candidate(Guid Id, Guid FirmId, DateOnly DateOfBirth, string LatinName, string FullName)
    {
        public string Normalized { get; } = NameSimilarity.Normalize(LatinName);
        public string Full { get; } = FullName.Trim();
    }

    // Within one date of birth, only names that share a first letter (after normalising) are compared: a
    // similar name in the Jaro–Winkler sense almost always does, and it keeps each block small.
    private static IEnumerable<(Guid, Guid, double)> CompareBlock(List<Candidate> block, double threshold)
    {
        if (block.Count < 2 || block.TrueForAll(c => c.FirmId == block[0].FirmId))
            yield break;
        foreach (var initial in block.GroupBy(c => c.Normalized.Length > 0 ? c.Normalized[0] : ' '))
        {
            var list = initial.ToList();
            for (var i = 0; i < list.Count; i++)
                for (var j = i + 1; j < list.Count; j++)
                {
                    if (list[i].FirmId == list[j].FirmId)
                        continue;
                    var score = NameSimilarity.ScoreNormalized(list[i].Normalized, list[i].Full, list[j].Normalized, list[j].Full);
                    if (score >= threshold)
                        yield return (list[i].Id, list[j].Id, score);
                }
        }
    }
}
