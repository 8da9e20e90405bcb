using System.Numerics;
using SpecialistRegistry.Domain;

namespace SpecialistRegistry.Features.Search.Memory;

/// <summary>
/// Counts every facet value over a result in one pass through the columns, the result split between the
/// processor cores (a million people take two passes of half a million each).
/// </summary>
internal static class MemoryFacetCounter
{
    private static readonly long[] AreaMasks = Enum.GetValues<ExpertiseArea>().Select(a => SearchService.ExpertiseMaskFor([a], null)).ToArray();
    private static readonly long[] LevelMasks = Enum.GetValues<ExpertiseLevel>().Select(l => SearchService.ExpertiseMaskFor([], l)).ToArray();
    private static readonly int DegreeCount = Enum.GetValues<Degree>().Length;
    /// <summary>The custody facet of each stored custody value (a released passport past due is counted as overdue apart).</summary>
    private static readonly int[] FacetOf = Enum.GetValues<SearchCustody>().Select(s => (int)CustodyFacets.Of(s, pastDue: false)).ToArray();

    public static FacetCounts Count(DocumentColumns c, Bitset result, DateOnly today)
    {
        var (words, length) = (result.Words, result.WordCount);
        var parts = Math.Max(1, Math.Min(System.Environment.ProcessorCount, length / 1024));
        var tallies = new Tally[parts];
        Parallel.For(0, parts, part =>
        {
            var tally = new Tally(c);
            tally.Add(c, words, length * part / parts, length * (part + 1) / parts, today);
            tallies[part] = tally;
        });
        var totals = tallies[0];
        foreach (var other in tallies.Skip(1))
            totals.Merge(other);

        return new FacetCounts(
            Firms: totals.Firms.Select((n, i) => (c.FirmIds[i], c.FirmNames[i], n)).ToList(),
            Segments: totals.Segments, Areas: totals.Areas, Levels: totals.Levels, Degrees: totals.Degrees,
            Custody: totals.Custody, Flags: totals.Flags,
            Nationalities: totals.Nationalities.Select((n, i) => (c.Nationalities[i], n)).ToList(),
            Expiring: totals.Expiring);
    }

    private sealed class Tally(DocumentColumns c)
    {
        public readonly int[] Firms = new int[c.FirmIds.Count];
        public readonly int[] Nationalities = new int[c.Nationalities.Count];
        public readonly int[] Segments = new int[Enum.GetValues<IndustrySegment>().Length];
        public readonly int[] Areas = new int[AreaMasks.Length];
        public readonly int[] Levels = new int[LevelMasks.Length];
        public readonly int[] Degrees = new int[DegreeCount];
        public readonly int[] Custody = new int[Enum.GetValues<CustodyFacet>().Length];
        public readonly int[] Flags = new int[Enum.GetValues<SearchFlagState>().Length];
        public readonly int[] Expiring = new int[FacetCounts.ExpiringDays.Length];

        /// <summary>Counts the people in words [<paramref name="from"/>, <paramref name="to"/>) of the result; columns in locals for speed.</summary>
        public void Add(DocumentColumns c, ulong[] words, int from, int to, DateOnly date)
        {
            var (firm, nationality, segment, custody, dueBack, flag, expertise, degree, expiry) =
                (c.Firm, c.Nationality, c.Segment, c.Custody, c.DueBackDay, c.FlagState, c.ExpertiseMask, c.DegreeMask, c.ExpiryDay);
            var today = date.DayNumber;
            var until = FacetCounts.ExpiringDays.Select(n => date.AddDays(n).DayNumber).ToArray();
            var released = (byte)SearchCustody.Released;
            for (var w = from; w < to; w++)
            {
                var word = words[w];
                while (word != 0)
                {
                    var id = (w << 6) + BitOperations.TrailingZeroCount(word);
                    word &= word - 1;
                    Firms[firm[id]]++;
                    Nationalities[nationality[id]]++;
                    Segments[segment[id]]++;
                    Flags[flag[id]]++;
                    var held = custody[id];
                    Custody[held == released && dueBack[id] < today ? (int)CustodyFacet.Overdue : FacetOf[held]]++;
                    var mask = expertise[id];
                    if (mask != 0)
                    {
                        for (var a = 0; a < AreaMasks.Length; a++)
                        {
                            if ((mask & AreaMasks[a]) != 0) Areas[a]++;
                        }
                        for (var l = 0; l < LevelMasks.Length; l++)
                        {
                            if ((mask & LevelMasks[l]) != 0) Levels[l]++;
                        }
                    }
                    for (var degrees = degree[id]; degrees != 0; degrees &= (byte)(degrees - 1))
                        Degrees[BitOperations.TrailingZeroCount(degrees)]++;
                    var expires = expiry[id];
                    if (expires >= today && expires != DocumentColumns.NoDate)
                    {
                        for (var i = 0; i < until.Length; i++)
                        {
                            if (expires <= until[i]) Expiring[i]++;
                        }
                    }
                }
            }
        }

        public void Merge(Tally other)
        {
            foreach (var (mine, theirs) in new[] { (Firms, other.Firms), (Nationalities, other.Nationalities), (Segments, other.Segments),
                         (Areas, other.Areas), (Levels, other.Levels), (Degrees, other.Degrees), (Custody, other.Custody),
                         (Flags, other.Flags), (Expiring, other.Expiring) })
            {
                for (var i = 0; i < mine.Length; i++)
                    mine[i] += theirs[i];
            }
        }
    }
}
