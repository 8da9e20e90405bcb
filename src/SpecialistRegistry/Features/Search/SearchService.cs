using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using SpecialistRegistry.Auth;
using SpecialistRegistry.Data;
using Microsoft.Extensions.Options;
using SpecialistRegistry.Domain;
using SpecialistRegistry.Features.Search.Memory;

namespace SpecialistRegistry.Features.Search;

/// <summary>
/// The regulator's search across all firms, over the derived <see cref="SearchDocument"/> rows: free text, facets
/// as integer columns and bit masks, exact passport / national ID look-up through the keyed hash. On SQLite the
/// in-memory index answers (<see cref="MemorySearchIndex"/>); otherwise SQL, where only a page of rows ever
/// leaves the database. Both give the same answers.
/// </summary>
public sealed partial class SearchService(IDbContextFactory<RegistryDb> dbFactory, FieldProtector protector, CurrentUser currentUser,
    TimeProvider clock, MemorySearchIndex memory, IOptions<RegistryOptions> options, IStringLocalizer<SearchPageText> T)
{
    private const int MaxTerms = 12;
    public const int MaxExportRows = 100_000;

    [GeneratedRegex("^[A-Z0-9]{6,24}$")]
    private static partial Regex IdentityNumberShape();

    /// <summary>The search text read once for either engine.</summary>
    /// <param name="Holders">Documents of the people holding the passport or national ID number typed in, if any.</param>
    private sealed record TextQuestion(IReadOnlyList<string> Terms, IReadOnlyList<long>? Holders, string? Message)
    {
        public bool Exact => Holders is not null;
    }

    public async Task<SearchResult> SearchAsync(SearchQuery query, bool withFacets, CancellationToken ct = default)
    {
        if (!currentUser.Get().Principal.IsInRole(Roles.Regulator))
            return new SearchResult([], 0, null, T["ForRegulatorsOnly"], false);
        if ((query.Text?.Length ?? 0) > SearchQuery.MaxTextLength)
            return new SearchResult([], 0, null, T["TextTooLong", query.Text!.Length, SearchQuery.MaxTextLength], false);

        await using var db = await OpenAsync(ct);
        var text = await ReadTextAsync(db, query.Text, ct);
        var size = SearchQuery.PageSizes.Contains(query.PageSize) ? query.PageSize : 50;
        var page = Math.Max(1, query.Page);
        if (await UsesMemoryAsync(db, ct))
        {
            var answer = AskMemory(query, text, (page - 1) * size, size, withFacets);
            return new SearchResult(answer.Rows, answer.Total, answer.Facets?.ToFacets(), text.Message, text.Exact);
        }

        var filtered = Filter(db, query, text);
        var rows = await Project(Sorted(filtered, query), Today)
            .Skip((page - 1) * size).Take(size).ToListAsync(ct);
        // An exact number has a handful of holders, all on the first page: counting them again would cost a round trip.
        var total = text.Exact && page == 1 && rows.Count < size ? rows.Count : await filtered.CountAsync(ct);
        var facets = withFacets ? (await CountFacetsAsync(db, query, text, ct)).ToFacets() : null;
        return new SearchResult(rows, total, facets, text.Message, text.Exact);
    }

    /// <summary>
    /// Only the facet counts: the page shows the rows first and the counts when they arrive, because without
    /// the in-memory index (PostgreSQL) counting every facet of a million people costs more than the page itself.
    /// </summary>
    public async Task<SearchFacets?> FacetsAsync(SearchQuery query, CancellationToken ct = default)
    {
        if (!currentUser.Get().Principal.IsInRole(Roles.Regulator) || (query.Text?.Length ?? 0) > SearchQuery.MaxTextLength)
            return null;
        await using var db = await OpenAsync(ct);
        var text = await ReadTextAsync(db, query.Text, ct);
        if (await UsesMemoryAsync(db, ct))
            return AskMemory(query, text, 0, 0, true).Facets!.ToFacets();
        return (await CountFacetsAsync(db, query, text, ct)).ToFacets();
    }

    /// <summary>Every row of the result, in the page's order, for an export; at most <see cref="MaxExportRows"/>.</summary>
    public async Task<(IReadOnlyList<SearchRow> Rows, int Total, string? Message)> AllRowsAsync(SearchQuery query, CancellationToken ct = default)
    {
        // The endpoint's policy already admits regulators only; the index knows no firm scope, so check again here.
        if (!currentUser.Get().Principal.IsInRole(Roles.Regulator))
            return ([], 0, T["ForRegulatorsOnly"]);
        if ((query.Text?.Length ?? 0) > SearchQuery.MaxTextLength)
            return ([], 0, T["ExportTextTooLong", SearchQuery.MaxTextLength]);
        await using var db = await OpenAsync(ct);
        var text = await ReadTextAsync(db, query.Text, ct);
        if (await UsesMemoryAsync(db, ct))
        {
            var answer = AskMemory(query, text, 0, MaxExportRows, false);
            return (answer.Rows, answer.Total, text.Message);
        }
        var filtered = Filter(db, query, text);
        var total = await filtered.CountAsync(ct);
        var rows = await Project(Sorted(filtered, query), Today).Take(MaxExportRows).ToListAsync(ct);
        return (rows, total, text.Message);
    }

    private DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    /// <summary>A context with its connection open: one connection for the look-ups of a search instead of one per query.</summary>
    private async Task<RegistryDb> OpenAsync(CancellationToken ct)
    {
        var db = await dbFactory.CreateDbContextAsync(ct);
        try
        {
            await db.Database.OpenConnectionAsync(ct);
            return db;
        }
        catch
        {
            await db.DisposeAsync();
            throw;
        }
    }

    /// <summary>SQLite deployments search in memory (see <see cref="MemorySearchIndex.TryCatchUpAsync"/>); PostgreSQL counts in SQL.</summary>
    private async Task<bool> UsesMemoryAsync(RegistryDb db, CancellationToken ct) =>
        options.Value.SearchInMemory && await memory.TryCatchUpAsync(db, ct);

    private MemoryAnswer AskMemory(SearchQuery query, TextQuestion text, int skip, int take, bool withFacets) =>
        memory.Search(new MemoryQuestion(query, text.Terms, text.Holders, Today, skip, take, withFacets));

    private async Task<TextQuestion> ReadTextAsync(RegistryDb db, string? typed, CancellationToken ct)
    {
        var text = typed?.Trim() ?? "";
        if (text.Length == 0)
            return new TextQuestion([], null, null);

        // A full passport or national ID number finds its holder exactly, whatever the facets say.
        var normalized = FieldProtector.Normalize(text);
        if (IdentityNumberShape().IsMatch(normalized) && normalized.Any(char.IsDigit))
        {
            var hash = protector.LookupHash(normalized);
            var holders = db.Passports.Where(p => p.Number.LookupHash == hash).Select(p => p.SpecialistId)
                .Union(db.Specialists.Where(s => s.NationalId.LookupHash == hash).Select(s => s.Id));
            var documents = await db.SearchDocuments.Where(d => holders.Contains(d.SpecialistId)).Select(d => d.DocId).ToListAsync(ct);
            if (documents.Count > 0)
                return new TextQuestion([], documents, null);
        }

        var terms = Terms(text);
        if (terms.Count == 0)
            return new TextQuestion([], null, T["NothingToSearch"]);
        if (terms.Count > MaxTerms)
            return new TextQuestion(terms.Take(MaxTerms).ToList(), null, T["OnlyFirstWords", MaxTerms]);
        return new TextQuestion(terms, null, null);
    }

    private IQueryable<SearchDocument> Filter(RegistryDb db, SearchQuery q, TextQuestion text)
    {
        IQueryable<SearchDocument> docs = db.SearchDocuments.AsNoTracking();
        if (text.Holders is { } holders)
            return docs.Where(d => holders.Contains(d.DocId));
        if (text.Terms.Count > 0)
            docs = WithText(db, docs, text.Terms);
        return ApplyFacets(docs, q, Today);
    }

    /// <summary>Words of the text; a run of Chinese characters stays together as one phrase.</summary>
    internal static List<string> Terms(string text)
    {
        var terms = new List<string>();
        var cjkRun = new List<string>();
        foreach (var token in SearchTextBuilder.Normalize(text).Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (token.Length == 1 && SearchTextBuilder.IsCjk(token[0]))
            {
                cjkRun.Add(token);
                continue;
            }
            if (cjkRun.Count > 0) { terms.Add(string.Join(' ', cjkRun)); cjkRun.Clear(); }
            terms.Add(token);
        }
        if (cjkRun.Count > 0) terms.Add(string.Join(' ', cjkRun));
        return terms;
    }

    private static IQueryable<SearchDocument> WithText(RegistryDb db, IQueryable<SearchDocument> docs, IReadOnlyList<string> terms)
    {
        if (db.Database.IsSqlite())
        {
            // Terms hold only letters, digits and spaces, so quoting each makes any input a literal FTS5 phrase.
            var match = string.Join(' ', terms.Select(t => SearchTextBuilder.IsCjk(t[0]) ? $"\"{t}\"" : $"\"{t}\"*"));
            var hits = db.Database.SqlQueryRaw<long>($"SELECT rowid AS \"Value\" FROM {SearchIndexSchema.FtsTable} WHERE {SearchIndexSchema.FtsTable} MATCH {{0}}", match);
            return docs.Where(d => hits.Contains(d.DocId));
        }
        // PostgreSQL: substring match, served by the trigram index on SearchTexts.
        foreach (var term in terms)
        {
            var pattern = $"%{term}%";
            docs = docs.Where(d => EF.Functions.Like(d.Text!.Text, pattern));
        }
        return docs;
    }

    internal static IQueryable<SearchDocument> ApplyFacets(IQueryable<SearchDocument> docs, SearchQuery q, DateOnly today)
    {
        if (q.Firms.Count > 0)
        {
            var firms = q.Firms.ToList();
            docs = docs.Where(d => firms.Contains(d.FirmId));
        }
        if (q.Segments.Count > 0)
        {
            var segments = q.Segments.ToList();
            docs = docs.Where(d => segments.Contains(d.Segment));
        }
        if (q.Areas.Count > 0 || q.MinLevel is not null)
        {
            var mask = ExpertiseMaskFor(q.Areas, q.MinLevel);
            docs = docs.Where(d => (d.ExpertiseMask & mask) != 0);
        }
        if (q.Degrees.Count > 0)
        {
            var mask = q.Degrees.Aggregate(0, (m, d) => m | SearchDocument.DegreeBit(d));
            docs = docs.Where(d => (d.DegreeMask & mask) != 0);
        }
        if (q.Custody.Count > 0)
        {
            var plain = q.Custody.Where(c => c is not (CustodyFacet.Released or CustodyFacet.Overdue)).Select(CustodyFacets.Stored).ToList();
            var released = q.Custody.Contains(CustodyFacet.Released);
            var overdue = q.Custody.Contains(CustodyFacet.Overdue);
            docs = (released, overdue) switch
            {
                (true, true) => docs.Where(d => plain.Contains(d.Custody) || d.Custody == SearchCustody.Released),
                (true, false) => docs.Where(d => plain.Contains(d.Custody) || (d.Custody == SearchCustody.Released && !(d.DueBackOn < today))),
                (false, true) => docs.Where(d => plain.Contains(d.Custody) || (d.Custody == SearchCustody.Released && d.DueBackOn < today)),
                _ => docs.Where(d => plain.Contains(d.Custody)),
            };
        }
        if (q.Flags.Count > 0)
        {
            var flags = q.Flags.ToList();
            docs = docs.Where(d => flags.Contains(d.FlagState));
        }
        if (q.Nationalities.Count > 0)
        {
            var nationalities = q.Nationalities.ToList();
            docs = docs.Where(d => nationalities.Contains(d.Nationality));
        }
        if (q.ExpiringWithinDays is { } days)
        {
            var until = today.AddDays(Math.Clamp(days, 0, 3650));
            docs = docs.Where(d => d.PassportExpiresOn >= today && d.PassportExpiresOn <= until);
        }
        if (q.HiredAfter is { } hired)
            docs = docs.Where(d => d.HireDate > hired);
        return docs;
    }

    /// <summary>The expertise bits that answer "any of these areas (all when none) at this level or above".</summary>
    public static long ExpertiseMaskFor(IReadOnlyList<ExpertiseArea> areas, ExpertiseLevel? minLevel)
    {
        var mask = 0L;
        foreach (var area in areas.Count > 0 ? areas : Enum.GetValues<ExpertiseArea>())
            foreach (var level in Enum.GetValues<ExpertiseLevel>().Where(l => minLevel is null || l >= minLevel))
                mask |= SearchDocument.ExpertiseBit(area, level);
        return mask;
    }

    /// <summary>By the key, then the document id; descending is the exact reverse, except that people without a
    /// passport expiry come last either way. The in-memory index orders the same (see <see cref="Memory.SortOrders"/>).</summary>
    private static IQueryable<SearchDocument> Sorted(IQueryable<SearchDocument> docs, SearchQuery q) => (q.Sort, q.Descending) switch
    {
        (SearchSort.ChineseName, false) => docs.OrderBy(d => d.FullName).ThenBy(d => d.DocId),
        (SearchSort.ChineseName, true) => docs.OrderByDescending(d => d.FullName).ThenByDescending(d => d.DocId),
        (SearchSort.Firm, false) => docs.OrderBy(d => d.FirmName).ThenBy(d => d.LatinName).ThenBy(d => d.DocId),
        (SearchSort.Firm, true) => docs.OrderByDescending(d => d.FirmName).ThenByDescending(d => d.LatinName).ThenByDescending(d => d.DocId),
        (SearchSort.EmployeeNumber, false) => docs.OrderBy(d => d.EmployeeNumber).ThenBy(d => d.DocId),
        (SearchSort.EmployeeNumber, true) => docs.OrderByDescending(d => d.EmployeeNumber).ThenByDescending(d => d.DocId),
        (SearchSort.HireDate, false) => docs.OrderBy(d => d.HireDate).ThenBy(d => d.DocId),
        (SearchSort.HireDate, true) => docs.OrderByDescending(d => d.HireDate).ThenByDescending(d => d.DocId),
        (SearchSort.PassportExpiry, false) => docs.OrderBy(d => d.PassportExpiresOn == null).ThenBy(d => d.PassportExpiresOn).ThenBy(d => d.DocId),
        (SearchSort.PassportExpiry, true) => docs.OrderBy(d => d.PassportExpiresOn == null).ThenByDescending(d => d.PassportExpiresOn).ThenByDescending(d => d.DocId),
        (_, true) => docs.OrderByDescending(d => d.LatinName).ThenByDescending(d => d.DocId),
        _ => docs.OrderBy(d => d.LatinName).ThenBy(d => d.DocId),
    };

    private static IQueryable<SearchRow> Project(IQueryable<SearchDocument> docs, DateOnly today) => docs.Select(d => new SearchRow(
        d.SpecialistId, d.FullName, d.LatinName, d.EmployeeNumber, d.FirmName, d.Segment, d.Nationality, d.Status, d.HireDate,
        d.Custody == SearchCustody.NoPassport ? CustodyFacet.NoPassport
            : d.Custody == SearchCustody.NotHeld ? CustodyFacet.NotDeposited
            : d.Custody == SearchCustody.Held ? CustodyFacet.Held
            : d.Custody == SearchCustody.Lost ? CustodyFacet.Lost
            : d.Custody == SearchCustody.Retired ? CustodyFacet.Retired
            : d.DueBackOn < today ? CustodyFacet.Overdue : CustodyFacet.Released,
        d.PassportExpiresOn, d.FlagState));

    /// <summary>
    /// Counts per facet value within the current result, in SQL. Low-cardinality facets are counted together in
    /// one grouped scan and split in memory; firm, nationality and expertise need a grouping each.
    /// </summary>
    private Task<FacetCounts> CountFacetsAsync(RegistryDb db, SearchQuery query, TextQuestion text, CancellationToken ct) =>
        WidenedFacets.CountAsync(query, q => CountFacetsAsync(Filter(db, q, text), ct));

    private async Task<FacetCounts> CountFacetsAsync(IQueryable<SearchDocument> docs, CancellationToken ct)
    {
        var today = Today;
        var d30 = today.AddDays(30);
        var d90 = today.AddDays(90);
        var d180 = today.AddDays(180);
        var d365 = today.AddDays(365);
        var combos = await docs
            .GroupBy(d => new
            {
                d.Segment,
                d.Custody,
                Overdue = d.Custody == SearchCustody.Released && d.DueBackOn < today,
                d.FlagState,
                d.DegreeMask,
                Expiry = d.PassportExpiresOn == null || d.PassportExpiresOn < today ? 0
                    : d.PassportExpiresOn <= d30 ? 30 : d.PassportExpiresOn <= d90 ? 90
                    : d.PassportExpiresOn <= d180 ? 180 : d.PassportExpiresOn <= d365 ? 365 : 0,
            })
            .Select(g => new { g.Key.Segment, g.Key.Custody, g.Key.Overdue, g.Key.FlagState, g.Key.DegreeMask, g.Key.Expiry, Count = g.Count() })
            .ToListAsync(ct);
        var firms = await docs.GroupBy(d => new { d.FirmId, d.FirmName })
            .Select(g => new { g.Key.FirmId, g.Key.FirmName, Count = g.Count() })
            .ToListAsync(ct);
        var nationalities = await docs.GroupBy(d => d.Nationality).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        var masks = await docs.GroupBy(d => d.ExpertiseMask).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);

        int[] Per<T>(Func<T, int> count) where T : struct, Enum => Enum.GetValues<T>().Select(count).ToArray();
        return new FacetCounts(
            Firms: firms.Select(f => (f.FirmId, f.FirmName, f.Count)).ToList(),
            Segments: Per<IndustrySegment>(s => combos.Where(x => x.Segment == s).Sum(x => x.Count)),
            Areas: Per<ExpertiseArea>(a => masks.Where(x => (x.Key & ExpertiseMaskFor([a], null)) != 0).Sum(x => x.Count)),
            Levels: Per<ExpertiseLevel>(l => masks.Where(x => (x.Key & ExpertiseMaskFor([], l)) != 0).Sum(x => x.Count)),
            Degrees: Per<Degree>(g => combos.Where(x => (x.DegreeMask & SearchDocument.DegreeBit(g)) != 0).Sum(x => x.Count)),
            Custody: Per<CustodyFacet>(c => combos.Where(x => c switch
            {
                CustodyFacet.Released => x.Custody == SearchCustody.Released && !x.Overdue,
                CustodyFacet.Overdue => x.Overdue,
                _ => x.Custody == CustodyFacets.Stored(c),
            }).Sum(x => x.Count)),
            Flags: Per<SearchFlagState>(f => combos.Where(x => x.FlagState == f).Sum(x => x.Count)),
            Nationalities: nationalities.Select(n => (n.Key, n.Count)).ToList(),
            // Cumulative: "within 90 days" includes those within 30.
            Expiring: FacetCounts.ExpiringDays.Select(n => combos.Where(x => x.Expiry != 0 && x.Expiry <= n).Sum(x => x.Count)).ToArray());
    }
}
