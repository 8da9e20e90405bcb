using System.Diagnostics;
using System.Numerics;
using Microsoft.EntityFrameworkCore;
using SpecialistRegistry.Data;
using SpecialistRegistry.Domain;

namespace SpecialistRegistry.Features.Search.Memory;

/// <param name="Terms">Free-text terms (see <see cref="SearchService.Terms"/>); all must match.</param>
/// <param name="Only">When set, exactly these documents (an identity number's holders), whatever the facets say.</param>
public sealed record MemoryQuestion(SearchQuery Query, IReadOnlyList<string> Terms, IReadOnlyList<long>? Only, DateOnly Today,
    int Skip, int Take, bool WithFacets);

public sealed record MemoryAnswer(IReadOnlyList<SearchRow> Rows, int Total, FacetCounts? Facets);

/// <summary>
/// The regulator search held in memory, for the embedded SQLite deployment: a million people answer a page
/// with its total in milliseconds and every facet's counts in tens of milliseconds, where SQLite needs seconds
/// to count on one core. The database stays the truth: the index is loaded from the search documents and
/// follows every committed change through the <c>SearchChanges</c> log that SQLite triggers fill in the
/// writing transaction (see <see cref="SearchIndexSchema"/>), so changes made by any code path or process are
/// seen, and a rolled-back save is never seen. Every search first applies what was committed since the last.
/// </summary>
public sealed class MemorySearchIndex(IServiceScopeFactory scopes, ILogger<MemorySearchIndex> logger)
{
    /// <summary>More changes than this at once are cheaper to load afresh than to apply one by one.</summary>
    private const int ReloadAbove = 200_000;
    private const int LoadChunk = 500;
    private static readonly TimeSpan WaitForLoad = TimeSpan.FromSeconds(2);

    private readonly ReaderWriterLockSlim _lock = new();
    private readonly SemaphoreSlim _applying = new(1, 1);
    private readonly Lock _loadGate = new();
    private Task? _loading;
    private State? _state;

    private sealed record State(DocumentColumns Columns, TextPostings Text, SortOrders Orders)
    {
        public long LastChange { get; set; }
        /// <summary>The counts of the unfiltered page (what every regulator sees first), until the next change.</summary>
        public volatile CachedCounts? Everyone;
    }

    private sealed record CachedCounts(long LastChange, DateOnly Today, FacetCounts Counts);

    public bool IsLoaded => _state is not null;

    /// <summary>How long the last full load took, and how many documents and distinct words it holds (for the benchmark).</summary>
    public (TimeSpan Elapsed, int Documents, int Words) LastLoad { get; private set; }

    /// <summary>The last catch-up: documents applied, time reading them, time searches waited for the write lock.</summary>
    public (int Documents, TimeSpan Reading, TimeSpan Locked) LastApply { get; private set; }

    /// <summary>Loads the index once; later callers wait for the same load. A failed load is tried again next time.</summary>
    public Task LoadAsync(CancellationToken ct = default)
    {
        lock (_loadGate)
        {
            if (_loading is null || _loading.IsFaulted || _loading.IsCanceled)
                _loading = Task.Run(ReloadAsync, CancellationToken.None);
            return _loading.WaitAsync(ct);
        }
    }

    /// <summary>
    /// Whether <paramref name="db"/>'s questions can be answered from the index now, applying what was committed
    /// since the last call when so. Only for SQLite. While the index is still loading (about 20 s for a million
    /// people after a start) the answer is no after a short wait, and callers ask SQL: slower, same answers.
    /// </summary>
    public async Task<bool> TryCatchUpAsync(RegistryDb db, CancellationToken ct = default)
    {
        if (!db.Database.IsSqlite())
            return false;
        var loading = LoadAsync(ct);
        if (!loading.IsCompleted)
            await Task.WhenAny(loading, Task.Delay(WaitForLoad, ct));
        if (!loading.IsCompletedSuccessfully)
            return false;
        await CatchUpAsync(db, ct);
        return true;
    }

    /// <summary>Applies every change committed since the last call; cheap when there is none.</summary>
    public async Task CatchUpAsync(RegistryDb db, CancellationToken ct = default)
    {
        await LoadAsync(ct);
        var state = _state!;
        var changes = await PendingAsync(db, state.LastChange, ct);
        if (changes.Count == 0)
            return;
        await _applying.WaitAsync(ct);
        try
        {
            state = _state!;
            // Another search may have applied them while this one waited.
            changes = changes.Where(c => c.Seq > state.LastChange).ToList();
            if (changes.Count == 0)
                return;
            if (changes.Count > ReloadAbove || changes[0].Seq != state.LastChange + 1)
            {
                // Too many, or the log was pruned past this index: start again from the documents.
                await ReloadAsync();
                return;
            }
            var clock = Stopwatch.StartNew();
            var ids = changes.Select(c => c.DocId).Distinct().Order().ToList();
            var found = (await ChangedDocumentsAsync(db, ids, ct)).ToDictionary(d => d.DocId, d => (Document: d, Words: TextPostings.Words(d.Text)));
            state.Columns.Reserve(checked((int)ids[^1]) + 1);
            var prepared = clock.Elapsed;
            _lock.EnterWriteLock();
            try
            {
                foreach (var id in ids)
                {
                    var slot = checked((int)id);
                    if (found.TryGetValue(id, out var d))
                    {
                        state.Columns.Put(slot, d.Document);
                        state.Text.Put(slot, d.Words);
                    }
                    else
                    {
                        state.Columns.Remove(slot);
                        state.Text.Remove(slot);
                    }
                    state.Orders.Touch(slot);
                }
                state.LastChange = changes[^1].Seq;
            }
            finally
            {
                _lock.ExitWriteLock();
            }
            LastApply = (ids.Count, prepared, clock.Elapsed - prepared);
        }
        finally
        {
            _applying.Release();
        }
    }

    /// <summary>Drops change-log entries the index applied long ago; a process further behind than that reloads.</summary>
    public async Task PruneAsync(RegistryDb db, int keep = 100_000, CancellationToken ct = default)
    {
        if (_state is { } state && state.LastChange > keep)
            await db.Database.ExecuteSqlRawAsync($"DELETE FROM {SearchIndexSchema.ChangeLog} WHERE Seq <= {{0}}", [state.LastChange - keep], ct);
    }

    /// <summary>Answers one question; call <see cref="CatchUpAsync"/> first.</summary>
    public MemoryAnswer Search(MemoryQuestion q)
    {
        _lock.EnterReadLock();
        try
        {
            var state = _state ?? throw new InvalidOperationException("The search index is not loaded.");
            var c = state.Columns;
            var day = q.Today.DayNumber;
            var filter = new MemoryFilter(q.Query, c, q.Today);
            var everyone = q.Only is null && q.Terms.Count == 0 && filter.IsEmpty;
            using var result = everyone ? c.Alive.Copy() : Matching(state, q, filter);
            var total = result.Count();
            var page = state.Orders.Page(result, total, q.Query.Sort, q.Query.Descending, q.Skip, q.Take);
            var rows = page.Select(id => c.Row(id, day)).ToList();
            var facets = q.WithFacets
                ? WidenedFacets.Count(q.Query, query => ReferenceEquals(query, q.Query)
                    ? CountFacets(state, q.Today, result, everyone)
                    : CountWithout(state, q with { Query = query }))
                : null;
            return new MemoryAnswer(rows, total, facets);
        }
        finally
        {
            _lock.ExitReadLock();
        }
    }

    /// <summary>Per firm: its current specialists, and how many of them have their current passport held.</summary>
    public IReadOnlyList<(Guid FirmId, string FirmName, int Current, int Held)> CurrentStaffByFirm()
    {
        _lock.EnterReadLock();
        try
        {
            var c = (_state ?? throw new InvalidOperationException("The search index is not loaded.")).Columns;
            var current = new int[c.FirmIds.Count];
            var held = new int[c.FirmIds.Count];
            foreach (var id in c.Alive.Ids())
            {
                if (c.Status[id] != (byte)EmploymentStatus.Current)
                    continue;
                current[c.Firm[id]]++;
                if (c.Custody[id] == (byte)SearchCustody.Held)
                    held[c.Firm[id]]++;
            }
            return current.Select((n, i) => (c.FirmIds[i], c.FirmNames[i], n, held[i])).Where(f => f.n > 0).ToList();
        }
        finally
        {
            _lock.ExitReadLock();
        }
    }

    /// <summary>The counts over the result of a question with one facet taken away (see <see cref="WidenedFacets"/>).</summary>
    private static FacetCounts CountWithout(State state, MemoryQuestion q)
    {
        var filter = new MemoryFilter(q.Query, state.Columns, q.Today);
        var everyone = q.Only is null && q.Terms.Count == 0 && filter.IsEmpty;
        using var result = everyone ? state.Columns.Alive.Copy() : Matching(state, q, filter);
        return CountFacets(state, q.Today, result, everyone);
    }

    private static FacetCounts CountFacets(State state, DateOnly today, Bitset result, bool everyone)
    {
        if (everyone && state.Everyone is { } cached && cached.LastChange == state.LastChange && cached.Today == today)
            return cached.Counts;
        var counts = MemoryFacetCounter.Count(state.Columns, result, today);
        if (everyone)
            state.Everyone = new CachedCounts(state.LastChange, today, counts);
        return counts;
    }

    /// <summary>The documents answering the question: its holders, or its text's matches (or everyone) passing its facets.</summary>
    private static Bitset Matching(State state, MemoryQuestion q, MemoryFilter filter)
    {
        var c = state.Columns;
        var day = q.Today.DayNumber;
        var result = Bitset.Rent(c.End);
        if (q.Only is not null)
        {
            foreach (var id in q.Only)
            {
                if (id < c.End && c.Alive[(int)id]) result.Set((int)id);
            }
            return result;
        }
        using var candidates = TextCandidates(state, q.Terms, c.End);
        var (words, length) = candidates is null ? (c.Alive.Words, c.Alive.WordCount) : (candidates.Words, candidates.WordCount);
        for (var w = 0; w < length; w++)
        {
            var word = candidates is null ? words[w] : words[w] & (w < c.Alive.WordCount ? c.Alive.Words[w] : 0);
            while (word != 0)
            {
                var id = (w << 6) + BitOperations.TrailingZeroCount(word);
                word &= word - 1;
                if (filter.IsEmpty || filter.Passes(c, id, day))
                    result.Set(id);
            }
        }
        return result;
    }

    private static Bitset? TextCandidates(State state, IReadOnlyList<string> terms, int capacity)
    {
        Bitset? hits = null;
        foreach (var term in terms)
        {
            var matches = state.Text.Match(term, capacity);
            if (hits is null)
                hits = matches;
            else
            {
                hits.IntersectWith(matches);
                matches.Dispose();
            }
        }
        return hits;
    }

    private async Task ReloadAsync()
    {
        var clock = Stopwatch.StartNew();
        await using var scope = scopes.CreateAsyncScope();
        await using var db = scope.ServiceProvider.GetRequiredService<Func<RegistryDb>>()();
        // The log position first: whatever commits while the documents are read is applied again afterwards.
        var lastChange = await LastChangeAsync(db);
        var end = checked((int)(await db.SearchDocuments.MaxAsync(d => (long?)d.DocId) ?? 0) + 1);
        var columns = new DocumentColumns(end);
        var text = new TextPostings(end);
        await foreach (var d in Documents(db.SearchDocuments.AsNoTracking()).AsAsyncEnumerable())
        {
            var slot = checked((int)d.DocId);
            columns.Put(slot, d);
            text.Put(slot, d.Text);
        }
        text.Seal();
        var orders = new SortOrders(columns);
        orders.Build();
        var state = new State(columns, text, orders) { LastChange = lastChange };
        _lock.EnterWriteLock();
        try
        {
            _state = state;
        }
        finally
        {
            _lock.ExitWriteLock();
        }
        LastLoad = (clock.Elapsed, columns.Alive.Count(), text.WordCount);
        logger.LogInformation("Search index loaded: {Documents} people, {Words} words in {Seconds:0.0} s",
            LastLoad.Documents, LastLoad.Words, clock.Elapsed.TotalSeconds);
    }

    /// <summary>An import adds people with consecutive ids: one range query then beats many look-ups by id.</summary>
    private static async Task<List<IndexedDocument>> ChangedDocumentsAsync(RegistryDb db, List<long> ids, CancellationToken ct)
    {
        var (first, last) = (ids[0], ids[^1]);
        if (ids.Count > LoadChunk && ids.Count * 2 > last - first + 1)
        {
            var wanted = ids.ToHashSet();
            var range = await Documents(db.SearchDocuments.AsNoTracking().Where(d => d.DocId >= first && d.DocId <= last)).ToListAsync(ct);
            return range.Where(d => wanted.Contains(d.DocId)).ToList();
        }
        var documents = new List<IndexedDocument>(ids.Count);
        foreach (var chunk in ids.Chunk(LoadChunk))
            documents.AddRange(await Documents(db.SearchDocuments.AsNoTracking().Where(d => chunk.Contains(d.DocId))).ToListAsync(ct));
        return documents;
    }

    private static IQueryable<IndexedDocument> Documents(IQueryable<SearchDocument> documents) => documents.Select(d => new IndexedDocument(
        d.DocId, d.SpecialistId, d.FirmId, d.FirmName, d.Segment, d.EmployeeNumber, d.FullName, d.LatinName, d.Nationality,
        d.Status, d.HireDate, d.Custody, d.DueBackOn, d.PassportExpiresOn, d.FlagState, d.ExpertiseMask, d.DegreeMask,
        d.Text == null ? "" : d.Text.Text));

    private static Task<long> LastChangeAsync(RegistryDb db) =>
        db.Database.SqlQueryRaw<long>($"SELECT coalesce((SELECT seq FROM sqlite_sequence WHERE name = '{SearchIndexSchema.ChangeLog}'), 0) AS \"Value\"")
            .SingleAsync();

    /// <summary>
    /// Asked before every search, so it goes straight to the connection: through EF's raw-SQL queries it cost
    /// more than the whole in-memory search.
    /// </summary>
    private static async Task<List<SearchChange>> PendingAsync(RegistryDb db, long after, CancellationToken ct)
    {
        var close = db.Database.GetDbConnection().State != System.Data.ConnectionState.Open;
        if (close)
            await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = $"SELECT Seq, DocId FROM {SearchIndexSchema.ChangeLog} WHERE Seq > $after ORDER BY Seq LIMIT {ReloadAbove + 1}";
            var parameter = command.CreateParameter();
            parameter.ParameterName = "$after";
            parameter.Value = after;
            command.Parameters.Add(parameter);
            var changes = new List<SearchChange>();
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
                changes.Add(new SearchChange { Seq = reader.GetInt64(0), DocId = reader.GetInt64(1) });
            return changes;
        }
        finally
        {
            if (close)
                await db.Database.CloseConnectionAsync();
        }
    }

    private sealed class SearchChange
    {
        public long Seq { get; set; }
        public long DocId { get; set; }
    }
}
