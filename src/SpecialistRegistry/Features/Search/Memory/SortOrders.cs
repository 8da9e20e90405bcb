namespace SpecialistRegistry.Features.Search.Memory;

/// <summary>
/// Every document in each sort order of the search page, kept sorted so a page of a large result is found by
/// walking the order and picking matches (a page of 50 out of 40,000 matches looks at about 1,250 ids) instead
/// of sorting the whole result. Small results are sorted directly.
/// </summary>
/// <remarks>
/// Orders are by the key, then the document id; descending is the exact reverse, except that people without
/// a passport expiry stay last in both directions. Documents added or changed after the orders were built
/// wait in a small sorted side list that every walk merges in, until enough have gathered to merge them into
/// the orders in one linear pass.
/// </remarks>
/// <param name="mergeAt">Side-list length that triggers a merge; at least a 64th of all documents, so a 10,000-person
/// import into a registry of a million is applied without rewriting the orders while searches wait.</param>
/// <param name="sortDirectlyBelow">Results smaller than this are sorted rather than walked.</param>
internal sealed class SortOrders(DocumentColumns columns, int mergeAt = 4096, int sortDirectlyBelow = 20_000)
{

    private readonly Dictionary<SearchSort, int[]> _orders = [];
    private Bitset _unsorted = new(columns.End);
    private readonly List<int> _extras = [];
    private readonly Dictionary<SearchSort, int[]> _sortedExtras = [];

    public void Build()
    {
        var ids = columns.Alive.ToArray();
        var sorts = Enum.GetValues<SearchSort>();
        var built = new int[sorts.Length][];
        Parallel.For(0, sorts.Length, i =>
        {
            var order = (int[])ids.Clone();
            Array.Sort(order, Ascending(sorts[i]));
            built[i] = order;
        });
        for (var i = 0; i < sorts.Length; i++)
            _orders[sorts[i]] = built[i];
        _extras.Clear();
        _sortedExtras.Clear();
        _unsorted = new Bitset(columns.End);
    }

    /// <summary>The document's keys may have changed (or it is new, or gone): it leaves the orders until the next merge.</summary>
    public void Touch(int id)
    {
        if (!_unsorted[id])
        {
            _unsorted.Set(id);
            _extras.Add(id);
        }
        _sortedExtras.Clear();
        if (_extras.Count >= Math.Max(mergeAt, columns.End / 64))
            Merge();
    }

    /// <summary>Ids <paramref name="skip"/> to <paramref name="skip"/> + <paramref name="take"/> of the matches in the requested order.</summary>
    public List<int> Page(Bitset matches, int count, SearchSort sort, bool descending, int skip, int take)
    {
        var page = new List<int>(Math.Min(take, Math.Max(0, count - skip)));
        if (skip >= count || take <= 0)
            return page;
        var compare = descending ? Descending(sort) : Ascending(sort);
        if (count < sortDirectlyBelow)
        {
            var all = matches.ToArray();
            Array.Sort(all, compare);
            for (var i = skip; i < all.Length && page.Count < take; i++)
                page.Add(all[i]);
            return page;
        }

        using var main = Walk(_orders[sort], sort == SearchSort.PassportExpiry, descending).GetEnumerator();
        var extras = SortedExtras(sort, descending);
        var e = 0;
        var hasMain = NextMatch(main, matches);
        var seen = 0;
        while (page.Count < take)
        {
            while (e < extras.Length && !matches[extras[e]]) e++;
            int next;
            if (hasMain && (e >= extras.Length || compare(main.Current, extras[e]) < 0))
            {
                next = main.Current;
                hasMain = NextMatch(main, matches);
            }
            else if (e < extras.Length)
                next = extras[e++];
            else
                break;
            if (seen++ >= skip)
                page.Add(next);
        }
        return page;
    }

    private bool NextMatch(IEnumerator<int> ids, Bitset matches)
    {
        while (ids.MoveNext())
        {
            if (matches[ids.Current] && !_unsorted[ids.Current])
                return true;
        }
        return false;
    }

    private IEnumerable<int> Walk(int[] order, bool missingLast, bool descending)
    {
        if (!descending)
        {
            foreach (var id in order)
                yield return id;
            yield break;
        }
        // Descending: the ids with a value backwards, then those without one (which sort last either way) backwards.
        var valued = order.Length;
        if (missingLast)
        {
            // A document changed since the build may now hold a value; it is skipped anyway, so it cannot end the block.
            while (valued > 0 && (_unsorted[order[valued - 1]] || columns.ExpiryDay[order[valued - 1]] == DocumentColumns.NoDate)) valued--;
        }
        for (var i = valued - 1; i >= 0; i--)
            yield return order[i];
        for (var i = order.Length - 1; i >= valued; i--)
            yield return order[i];
    }

    /// <summary>The side list in one order; sorted once per order after each change. Searches run in parallel, hence the lock.</summary>
    private int[] SortedExtras(SearchSort sort, bool descending)
    {
        var key = descending ? (SearchSort)(-1 - (int)sort) : sort;
        lock (_sortedExtras)
        {
            if (!_sortedExtras.TryGetValue(key, out var sorted))
            {
                sorted = _extras.Where(id => columns.Alive[id]).ToArray();
                Array.Sort(sorted, descending ? Descending(sort) : Ascending(sort));
                _sortedExtras[key] = sorted;
            }
            return sorted;
        }
    }

    /// <summary>Folds the side list into every order with one linear merge per order.</summary>
    private void Merge()
    {
        foreach (var sort in _orders.Keys.ToList())
        {
            var compare = Ascending(sort);
            var extras = _extras.Where(id => columns.Alive[id]).ToArray();
            Array.Sort(extras, compare);
            var old = _orders[sort];
            var merged = new List<int>(old.Length + extras.Length);
            var e = 0;
            foreach (var id in old)
            {
                if (_unsorted[id])
                    continue;
                while (e < extras.Length && compare(extras[e], id) < 0)
                    merged.Add(extras[e++]);
                merged.Add(id);
            }
            while (e < extras.Length)
                merged.Add(extras[e++]);
            _orders[sort] = [.. merged];
        }
        foreach (var id in _extras)
            _unsorted.Clear(id);
        _extras.Clear();
        _sortedExtras.Clear();
    }

    public Comparison<int> Ascending(SearchSort sort)
    {
        var c = columns;
        return sort switch
        {
            SearchSort.ChineseName => (a, b) => Then(string.CompareOrdinal(c.FullName[a], c.FullName[b]), a, b),
            SearchSort.Firm => (a, b) =>
            {
                var byFirm = c.Firm[a] == c.Firm[b] ? 0 : string.CompareOrdinal(c.FirmName(a), c.FirmName(b));
                return byFirm != 0 ? byFirm : Then(string.CompareOrdinal(c.LatinName[a], c.LatinName[b]), a, b);
            },
            SearchSort.EmployeeNumber => (a, b) => Then(string.CompareOrdinal(c.EmployeeNumber[a], c.EmployeeNumber[b]), a, b),
            SearchSort.HireDate => (a, b) => Then(c.HireDay[a].CompareTo(c.HireDay[b]), a, b),
            // No expiry is stored as the largest day, so those people come last.
            SearchSort.PassportExpiry => (a, b) => Then(c.ExpiryDay[a].CompareTo(c.ExpiryDay[b]), a, b),
            _ => (a, b) => Then(string.CompareOrdinal(c.LatinName[a], c.LatinName[b]), a, b),
        };
    }

    public Comparison<int> Descending(SearchSort sort)
    {
        var ascending = Ascending(sort);
        if (sort != SearchSort.PassportExpiry)
            return (a, b) => ascending(b, a);
        var expiry = columns.ExpiryDay;
        return (a, b) =>
        {
            var aMissing = expiry[a] == DocumentColumns.NoDate;
            var bMissing = expiry[b] == DocumentColumns.NoDate;
            return aMissing != bMissing ? (aMissing ? 1 : -1) : ascending(b, a);
        };
    }

    private static int Then(int byKey, int a, int b) => byKey != 0 ? byKey : a.CompareTo(b);
}
