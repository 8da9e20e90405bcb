namespace SpecialistRegistry.Features.Matching;

/// <summary>
/// How alike two names are, 0–1. Latin names are compared with Jaro–Winkler after normalising case, spacing and
/// word order ("Wang Wei" = "wei wang"); the same name in Chinese characters adds a bonus, since the same
/// pinyin is shared by many different names.
/// </summary>
public static class NameSimilarity
{
    public const double LatinWeight = 0.85;
    public const double SameFullNameBonus = 0.15;

    public static double Score(string latinA, string fullA, string latinB, string fullB) =>
        ScoreNormalized(Normalize(latinA), fullA.Trim(), Normalize(latinB), fullB.Trim());

    /// <summary>For callers comparing many pairs: names already normalised and trimmed once each.</summary>
    public static double ScoreNormalized(string latinA, string fullA, string latinB, string fullB)
    {
        var latin = JaroWinkler(latinA, latinB);
        var sameFull = fullA.Length > 0 && string.Equals(fullA, fullB, StringComparison.Ordinal);
        return Math.Round(LatinWeight * latin + (sameFull ? SameFullNameBonus : 0), 4);
    }

    public static string Normalize(string name)
    {
        var words = name.ToLowerInvariant()
            .Split([' ', '-', '\'', '.', ','], StringSplitOptions.RemoveEmptyEntries)
            .Order(StringComparer.Ordinal);
        return string.Join(' ', words);
    }

    public static double JaroWinkler(string a, string b)
    {
        if (a.Length == 0 && b.Length == 0)
            return 1;
        if (a.Length == 0 || b.Length == 0)
            return 0;
        var window = Math.Max(0, Math.Max(a.Length, b.Length) / 2 - 1);
        // Names are short: stack buffers keep millions of comparisons free of allocations.
        Span<bool> aMatched = a.Length <= 128 ? stackalloc bool[a.Length] : new bool[a.Length];
        Span<bool> bMatched = b.Length <= 128 ? stackalloc bool[b.Length] : new bool[b.Length];
        var matches = 0;
        for (var i = 0; i < a.Length; i++)
        {
            var from = Math.Max(0, i - window);
            var to = Math.Min(b.Length - 1, i + window);
            for (var j = from; j <= to; j++)
            {
                if (bMatched[j] || a[i] != b[j])
                    continue;
                aMatched[i] = bMatched[j] = true;
                matches++;
                break;
            }
        }
        if (matches == 0)
            return 0;
        var transpositions = 0;
        for (int i = 0, k = 0; i < a.Length; i++)
        {
            if (!aMatched[i])
                continue;
            while (!bMatched[k])
                k++;
            if (a[i] != b[k])
                transpositions++;
            k++;
        }
        double m = matches;
        var jaro = (m / a.Length + m / b.Length + (m - transpositions / 2.0) / m) / 3;
        var prefix = 0;
        while (prefix < Math.Min(4, Math.Min(a.Length, b.Length)) && a[prefix] == b[prefix])
            prefix++;
        return jaro + prefix * 0.1 * (1 - jaro);
    }
}
