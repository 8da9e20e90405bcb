using System.Globalization;
using System.Text;
using SpecialistRegistry.Data;

namespace SpecialistRegistry.Features.Search.Memory;

/// <summary>
/// The free-text side of the in-memory index: for every word of every search text, the documents holding it.
/// Latin words match as prefixes (the sorted word list finds every word that starts with the typed one);
/// Chinese text is indexed per character and as runs of two and three characters, so any part of a name
/// matches as a phrase. Matching is the same as the SQLite full-text index's: text normalised by
/// <see cref="SearchTextBuilder"/>, case and diacritics ignored.
/// </summary>
/// <remarks>
/// A document whose text changes after it was indexed is kept aside with its new words (<c>_changed</c>)
/// until enough have gathered to rewrite the postings in one pass; until then every match corrects their bits.
/// A word held by one document only (an employee number, a rare surname) is stored inline as that document's
/// id, which halves the memory of a large index.
/// </remarks>
/// <param name="compactAt">How many changed documents wait before the postings are rewritten.</param>
internal sealed class TextPostings(int capacity, int compactAt = 4096)
{
    private const int MergeNewWordsAt = 8192;

    // A word maps to ~id for a single document, or to the index of its list in _lists.
    private readonly Dictionary<string, int> _words = new(StringComparer.Ordinal);
    private readonly List<PostingList> _lists = [];
    private readonly Bitset _indexed = new(capacity);
    private readonly Dictionary<int, string[]> _changed = [];
    private string[] _sortedWords = [];
    private readonly List<string> _newWords = [];
    private string[]? _sortedNewWords;

    public int WordCount => _words.Count;

    public void Put(int id, string text) => Put(id, Words(text));

    /// <summary>Indexes words from <see cref="Words"/>, which callers compute before taking the write lock.</summary>
    public void Put(int id, string[] words)
    {
        if (_indexed[id])
        {
            _changed[id] = words;
            if (_changed.Count >= compactAt)
                Compact();
            return;
        }
        foreach (var word in words)
            Add(word, id);
        _indexed.Set(id);
    }

    public void Remove(int id)
    {
        if (_indexed[id])
            _changed[id] = [];
    }

    /// <summary>Sorts the word list once after a bulk load; later words wait in a small list until merged.</summary>
    public void Seal()
    {
        _sortedWords = [.. _words.Keys];
        Array.Sort(_sortedWords, StringComparer.Ordinal);
        _newWords.Clear();
        _sortedNewWords = null;
    }

    /// <summary>The documents matching one term of a query (see <see cref="SearchService.Terms"/>); a rented set, to dispose.</summary>
    public Bitset Match(string term, int capacity)
    {
        var hits = Bitset.Rent(capacity);
        if (SearchTextBuilder.IsCjk(term[0]))
        {
            var run = term.Replace(" ", "", StringComparison.Ordinal);
            // Four characters or more: every run of three must be there (a phrase in all but contrived texts).
            var grams = run.Length <= 3 ? [run] : Enumerable.Range(0, run.Length - 2).Select(i => run.Substring(i, 3)).ToList();
            OrInto(hits, grams[0]);
            foreach (var gram in grams.Skip(1))
            {
                using var more = Bitset.Rent(capacity);
                OrInto(more, gram);
                hits.IntersectWith(more);
            }
            Correct(hits, words => grams.All(g => words.Contains(g, StringComparer.Ordinal)));
        }
        else
        {
            var prefix = Fold(term);
            foreach (var word in WordsStartingWith(prefix))
                OrInto(hits, word);
            Correct(hits, words => words.Any(w => w.StartsWith(prefix, StringComparison.Ordinal)));
        }
        return hits;
    }

    /// <summary>Documents changed since they were indexed answer from their current words, not their postings.</summary>
    private void Correct(Bitset hits, Func<string[], bool> matches)
    {
        foreach (var (id, words) in _changed)
        {
            if (matches(words)) hits.Set(id); else hits.Clear(id);
        }
    }

    private IEnumerable<string> WordsStartingWith(string prefix)
    {
        foreach (var word in Range(_sortedWords, prefix))
            yield return word;
        if (_newWords.Count > 0)
        {
            foreach (var word in Range(SortedNewWords(), prefix))
                yield return word;
        }
    }

    // Searches run in parallel under the index's read lock; the cache is filled once after each change.
    private string[] SortedNewWords()
    {
        lock (_newWords)
            return _sortedNewWords ??= [.. _newWords.Order(StringComparer.Ordinal)];
    }

    private static IEnumerable<string> Range(string[] sorted, string prefix)
    {
        var i = Array.BinarySearch(sorted, prefix, StringComparer.Ordinal);
        for (i = i < 0 ? ~i : i; i < sorted.Length && sorted[i].StartsWith(prefix, StringComparison.Ordinal); i++)
            yield return sorted[i];
    }

    private void OrInto(Bitset hits, string word)
    {
        if (!_words.TryGetValue(word, out var slot))
            return;
        if (slot < 0)
        {
            hits.Set(~slot);
            return;
        }
        var list = _lists[slot];
        for (var i = 0; i < list.Count; i++)
            hits.Set(list.Items[i]);
    }

    private void Add(string word, int id)
    {
        if (!_words.TryGetValue(word, out var slot))
        {
            _words[word] = ~id;
            _newWords.Add(word);
            _sortedNewWords = null;
            if (_newWords.Count >= MergeNewWordsAt)
                MergeNewWords();
            return;
        }
        if (slot < 0)
        {
            if (~slot == id)
                return;
            var list = new PostingList();
            list.Add(~slot);
            list.Add(id);
            _words[word] = _lists.Count;
            _lists.Add(list);
            return;
        }
        _lists[slot].Add(id);
    }

    private void MergeNewWords()
    {
        var merged = new string[_sortedWords.Length + _newWords.Count];
        _sortedWords.CopyTo(merged, 0);
        _newWords.CopyTo(merged, _sortedWords.Length);
        Array.Sort(merged, StringComparer.Ordinal);
        _sortedWords = merged;
        _newWords.Clear();
        _sortedNewWords = null;
    }

    /// <summary>Drops the changed documents' old postings in one pass over all lists, then indexes their new words.</summary>
    private void Compact()
    {
        var stale = new Bitset(_indexed.Capacity);
        foreach (var id in _changed.Keys)
            stale.Set(id);
        var singlesGone = new List<string>();
        foreach (var (word, slot) in _words)
        {
            if (slot < 0)
            {
                if (stale[~slot]) singlesGone.Add(word);
            }
            else
                _lists[slot].RemoveWhere(stale);
        }
        // An emptied list keeps its word: the word list stays sorted, and an empty list matches nothing.
        foreach (var word in singlesGone)
            _words[word] = AddEmptyList();
        foreach (var (id, words) in _changed)
        {
            foreach (var word in words)
                Add(word, id);
        }
        _changed.Clear();
    }

    private int AddEmptyList()
    {
        _lists.Add(new PostingList());
        return _lists.Count - 1;
    }

    /// <summary>The distinct indexed words of a normalised search text, Chinese runs of two and three included.</summary>
    internal static string[] Words(string text)
    {
        var words = new HashSet<string>(StringComparer.Ordinal);
        var tokens = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i < tokens.Length; i++)
        {
            var token = tokens[i];
            if (token.Length == 1 && SearchTextBuilder.IsCjk(token[0]))
            {
                words.Add(token);
                if (IsCjkAt(tokens, i + 1))
                {
                    words.Add(string.Concat(token, tokens[i + 1]));
                    if (IsCjkAt(tokens, i + 2))
                        words.Add(string.Concat(token, tokens[i + 1], tokens[i + 2]));
                }
            }
            else
                words.Add(Fold(token));
        }
        return [.. words];
    }

    private static bool IsCjkAt(string[] tokens, int i) => i < tokens.Length && tokens[i].Length == 1 && SearchTextBuilder.IsCjk(tokens[i][0]);

    /// <summary>Removes diacritics as the full-text index does (é → e), so both engines agree.</summary>
    internal static string Fold(string word)
    {
        if (word.All(char.IsAscii))
            return word;
        var decomposed = word.Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
                sb.Append(c);
        }
        return sb.ToString().Normalize(NormalizationForm.FormC);
    }

    private sealed class PostingList
    {
        public int[] Items = new int[4];
        public int Count;

        public void Add(int id)
        {
            if (Count == Items.Length)
                Array.Resize(ref Items, Items.Length * 2);
            Items[Count++] = id;
        }

        public void RemoveWhere(Bitset ids)
        {
            var kept = 0;
            for (var i = 0; i < Count; i++)
            {
                if (!ids[Items[i]])
                    Items[kept++] = Items[i];
            }
            Count = kept;
        }
    }
}
