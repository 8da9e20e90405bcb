using SpecialistRegistry.Data;
using SpecialistRegistry.Domain;
using SpecialistRegistry.Features.Search;
using SpecialistRegistry.Features.Search.Memory;

namespace SpecialistRegistry.Tests.Features.Search;

/// <summary>
/// The sort orders and word postings against brute force, with their thresholds turned down so that walking
/// the orders, merging changes into them and rewriting the postings all happen many times over.
/// </summary>
public sealed class MemoryStructuresTests
{
    private static readonly string[] Names = ["Wang Wei", "Li Na", "Zhang Min", "Chen Jie", "Müller Anna", "Wang Weiming", "Abe Ken"];
    private static readonly string[] Words = ["ion", "exchange", "ionic", "neodymium", "central", "south", "university", "müller", "e1001", "e1002"];

    private static IndexedDocument Document(Random random, long id) => new(
        id, Guid.NewGuid(), Guid.Empty, "Firm " + random.Next(3), IndustrySegment.PermanentMagnets, $"E{random.Next(50):D3}",
        "王" + random.Next(5), Names[random.Next(Names.Length)], "China", EmploymentStatus.Current,
        new DateOnly(2000 + random.Next(5), 1, 1), SearchCustody.Held, null,
        random.Next(4) == 0 ? null : new DateOnly(2027, 1 + random.Next(3), 1), SearchFlagState.None, 0, 0,
        string.Join(' ', Enumerable.Range(0, 3).Select(_ => Words[random.Next(Words.Length)])));

    [Fact]
    public void Pages_walked_through_the_orders_match_a_full_sort_before_and_after_changes()
    {
        var random = new Random(7);
        var columns = new DocumentColumns(16);
        for (var id = 1; id <= 400; id++)
            columns.Put(id, Document(random, id));
        var orders = new SortOrders(columns, mergeAt: 50, sortDirectlyBelow: 0);
        orders.Build();

        for (var round = 0; round < 6; round++)
        {
            AssertPagesMatch(columns, orders, random);
            // Change some, add some, remove some: the first rounds leave them in the side list, later ones merge.
            for (var i = 0; i < 30; i++)
            {
                var id = random.Next(1, columns.End + 5);
                if (random.Next(5) == 0)
                    columns.Remove(id);
                else
                    columns.Put(id, Document(random, id));
                orders.Touch(id);
            }
        }
    }

    private static void AssertPagesMatch(DocumentColumns columns, SortOrders orders, Random random)
    {
        var matches = new Bitset(columns.End);
        foreach (var id in columns.Alive.Ids().Where(_ => random.Next(3) > 0))
            matches.Set(id);
        var count = matches.Count();
        foreach (var sort in Enum.GetValues<SearchSort>())
        {
            foreach (var descending in new[] { false, true })
            {
                var expected = BruteForce(columns, matches.Ids(), sort, descending);
                foreach (var skip in new[] { 0, 25, count - 10 })
                    Assert.True(expected.Skip(skip).Take(25).SequenceEqual(orders.Page(matches, count, sort, descending, skip, 25)),
                        $"{sort} {(descending ? "descending" : "ascending")} from {skip}");
            }
        }
    }

    /// <summary>The documented order, spelled out with LINQ: key, then id; descending reversed; no expiry last.</summary>
    private static List<int> BruteForce(DocumentColumns c, IEnumerable<int> ids, SearchSort sort, bool descending)
    {
        var ascending = sort switch
        {
            SearchSort.ChineseName => ids.OrderBy(i => c.FullName[i], StringComparer.Ordinal).ThenBy(i => i),
            SearchSort.Firm => ids.OrderBy(i => c.FirmName(i), StringComparer.Ordinal).ThenBy(i => c.LatinName[i], StringComparer.Ordinal).ThenBy(i => i),
            SearchSort.EmployeeNumber => ids.OrderBy(i => c.EmployeeNumber[i], StringComparer.Ordinal).ThenBy(i => i),
            SearchSort.HireDate => ids.OrderBy(i => c.HireDay[i]).ThenBy(i => i),
            SearchSort.PassportExpiry => ids.OrderBy(i => c.ExpiryDay[i]).ThenBy(i => i),
            _ => ids.OrderBy(i => c.LatinName[i], StringComparer.Ordinal).ThenBy(i => i),
        };
        var list = ascending.ToList();
        if (!descending)
            return list;
        list.Reverse();
        return sort == SearchSort.PassportExpiry
            ? list.Where(i => c.ExpiryDay[i] != DocumentColumns.NoDate).Concat(list.Where(i => c.ExpiryDay[i] == DocumentColumns.NoDate)).ToList()
            : list;
    }

    [Fact]
    public void Prefix_matches_agree_with_the_current_texts_through_many_rewrites_of_the_postings()
    {
        var random = new Random(11);
        var texts = new Dictionary<int, string>();
        var postings = new TextPostings(16, compactAt: 40);
        for (var id = 1; id <= 300; id++)
            postings.Put(id, texts[id] = Document(random, id).Text);
        postings.Seal();

        for (var round = 0; round < 8; round++)
        {
            foreach (var prefix in new[] { "ion", "i", "exchange", "neo", "mull", "e100", "e1002", "zzz" })
            {
                var expected = texts.Where(t => TextPostings.Words(t.Value).Any(w => w.StartsWith(TextPostings.Fold(prefix), StringComparison.Ordinal)))
                    .Select(t => t.Key).Order();
                Assert.Equal(expected, postings.Match(prefix, 400).Ids());
            }
            for (var i = 0; i < 35; i++)
            {
                var id = random.Next(1, 340);
                if (random.Next(6) == 0)
                {
                    postings.Remove(id);
                    texts.Remove(id);
                }
                else
                    postings.Put(id, texts[id] = Document(random, id).Text);
            }
        }
    }

    [Theory]
    [InlineData("伟 明", new[] { 1, 3 })]
    [InlineData("王 伟 明", new[] { 1, 3 })]
    [InlineData("王", new[] { 1, 2, 3 })]
    [InlineData("王 伟 明 华", new[] { 3 })]
    [InlineData("明 王", new int[0])]
    public void Chinese_text_matches_as_a_phrase(string term, int[] expected)
    {
        var postings = new TextPostings(8);
        postings.Put(1, SearchTextBuilder.Normalize("王伟明 Wang Weiming"));
        postings.Put(2, SearchTextBuilder.Normalize("王伟 Wang Wei 明"));
        postings.Put(3, SearchTextBuilder.Normalize("欧王伟明华"));
        postings.Seal();

        Assert.Equal(expected, postings.Match(term, 8).Ids());
    }

    [Fact]
    public void Diacritics_and_case_are_ignored_as_in_the_full_text_index()
    {
        var postings = new TextPostings(8);
        postings.Put(1, SearchTextBuilder.Normalize("Jürgen MÜLLER, Université de Liège"));
        postings.Seal();

        foreach (var term in new[] { "muller", "müller", "univ", "liege", "jurgen" })
            Assert.Equal([1], postings.Match(SearchTextBuilder.Normalize(term), 8).Ids());
    }
}
