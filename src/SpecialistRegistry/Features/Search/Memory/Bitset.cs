using System.Numerics;

namespace SpecialistRegistry.Features.Search.Memory;

/// <summary>
/// A set of document ids as one bit each: a million people fit in 125 KB, and combining two sets or counting
/// one takes a few microseconds, which is what lets every facet combine with every other at once.
/// </summary>
public sealed class Bitset
{
    private ulong[] _words;

    public Bitset(int capacity) => _words = new ulong[Math.Max(1, (capacity + 63) >> 6)];

    private Bitset(ulong[] words) => _words = words;

    public Bitset Copy() => new((ulong[])_words.Clone());

    /// <summary>The raw words, for loops that split the set between processor cores.</summary>
    internal ReadOnlySpan<ulong> Words => _words;

    public int Capacity => _words.Length << 6;

    public bool this[int id] => (uint)(id >> 6) < (uint)_words.Length && (_words[id >> 6] & (1UL << id)) != 0;

    public void Set(int id)
    {
        EnsureCapacity(id + 1);
        _words[id >> 6] |= 1UL << id;
    }

    public void Clear(int id)
    {
        if ((uint)(id >> 6) < (uint)_words.Length)
            _words[id >> 6] &= ~(1UL << id);
    }

    public void EnsureCapacity(int capacity)
    {
        var needed = (capacity + 63) >> 6;
        if (needed > _words.Length)
            Array.Resize(ref _words, Math.Max(needed, _words.Length * 2));
    }

    /// <summary>Keeps only ids also in <paramref name="other"/>.</summary>
    public void IntersectWith(Bitset other)
    {
        var theirs = other._words;
        for (var i = 0; i < _words.Length; i++)
            _words[i] &= i < theirs.Length ? theirs[i] : 0;
    }

    public int Count()
    {
        var count = 0;
        foreach (var word in _words)
            count += BitOperations.PopCount(word);
        return count;
    }

    /// <summary>The ids in ascending order.</summary>
    public IEnumerable<int> Ids()
    {
        for (var i = 0; i < _words.Length; i++)
        {
            var word = _words[i];
            while (word != 0)
            {
                yield return (i << 6) + BitOperations.TrailingZeroCount(word);
                word &= word - 1;
            }
        }
    }

    /// <summary>The ids in ascending order, into a new array; faster than <see cref="Ids"/> for large sets.</summary>
    public int[] ToArray()
    {
        var result = new int[Count()];
        var n = 0;
        for (var i = 0; i < _words.Length; i++)
        {
            var word = _words[i];
            while (word != 0)
            {
                result[n++] = (i << 6) + BitOperations.TrailingZeroCount(word);
                word &= word - 1;
            }
        }
        return result;
    }
}
