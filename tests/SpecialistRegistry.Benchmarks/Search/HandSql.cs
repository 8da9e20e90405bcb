using System.Text;
using Microsoft.Data.Sqlite;
using SpecialistRegistry.Domain;
using SpecialistRegistry.Features.Search;

namespace SpecialistRegistry.Benchmarks.Search;

/// <summary>The same questions as the service asks, written by hand in SQL and read with a plain data reader.</summary>
internal static class HandSql
{
    private const string Columns = "d.SpecialistId, d.FullName, d.LatinName, d.EmployeeNumber, d.FirmName, d.Segment, d.Nationality, d.Status, d.HireDate, d.Custody, d.DueBackOn, d.PassportExpiresOn, d.FlagState";

    public static int Exact(SqliteConnection c, string hash)
    {
        const string Holders = "d.SpecialistId IN (SELECT SpecialistId FROM Passports WHERE Number_LookupHash = $h UNION SELECT Id FROM Specialists WHERE NationalId_LookupHash = $h)";
        var rows = ReadAll(c, $"SELECT {Columns} FROM SearchDocuments d WHERE {Holders} ORDER BY d.LatinName, d.DocId LIMIT 50", ("$h", hash));
        var count = Scalar(c, $"SELECT count(*) FROM SearchDocuments d WHERE {Holders}", ("$h", hash));
        return rows + count;
    }

    public static int Page(SqliteConnection c, SearchCase q, DateOnly today)
    {
        var rows = ReadAll(c, $"SELECT {Columns} FROM SearchDocuments d WHERE {q.Where} ORDER BY d.LatinName, d.DocId LIMIT 50", Parameters(q, today));
        return rows + Count(c, q, today);
    }

    public static int Count(SqliteConnection c, SearchCase q, DateOnly today) =>
        Scalar(c, $"SELECT count(*) FROM SearchDocuments d WHERE {q.Where}", Parameters(q, today));

    /// <summary>One pass for every low-cardinality facet (a SUM per value), then firm and nationality groupings.</summary>
    public static int Facets(SqliteConnection c, SearchCase q, DateOnly today)
    {
        var sums = new List<string>();
        sums.AddRange(Enum.GetValues<IndustrySegment>().Select(s => $"sum(d.Segment = {(int)s})"));
        sums.AddRange(Enum.GetValues<ExpertiseArea>().Select(a => $"sum((d.ExpertiseMask & {SearchService.ExpertiseMaskFor([a], null)}) <> 0)"));
        sums.AddRange(Enum.GetValues<ExpertiseLevel>().Select(l => $"sum((d.ExpertiseMask & {SearchService.ExpertiseMaskFor([], l)}) <> 0)"));
        sums.AddRange(Enum.GetValues<Degree>().Select(g => $"sum((d.DegreeMask & {SearchDocument.DegreeBit(g)}) <> 0)"));
        sums.AddRange(new[] { 0, 1, 2, 4, 5 }.Select(k => $"sum(d.Custody = {k})"));
        sums.Add("sum(d.Custody = 3 AND NOT (d.DueBackOn < $today))");
        sums.Add("sum(d.Custody = 3 AND d.DueBackOn < $today)");
        sums.AddRange(new[] { 0, 1, 2 }.Select(f => $"sum(d.FlagState = {f})"));
        sums.AddRange(new[] { 30, 90, 180, 365 }.Select(n => $"sum(d.PassportExpiresOn >= $today AND d.PassportExpiresOn <= '{SearchCases.Date(today.AddDays(n))}')"));
        var p = Parameters(q, today);
        var read = ReadAll(c, $"SELECT {string.Join(", ", sums)} FROM SearchDocuments d WHERE {q.Where}", p);
        read += ReadAll(c, $"SELECT d.FirmId, d.FirmName, count(*) FROM SearchDocuments d WHERE {q.Where} GROUP BY d.FirmId, d.FirmName", p);
        read += ReadAll(c, $"SELECT d.Nationality, count(*) FROM SearchDocuments d WHERE {q.Where} GROUP BY d.Nationality", p);
        return read;
    }

    private static (string, object)[] Parameters(SearchCase q, DateOnly today)
    {
        var list = new List<(string, object)> { ("$today", SearchCases.Date(today)) };
        if (q.Match is not null) list.Add(("$match", q.Match));
        if (q.Query.Firms.Count > 0) list.Add(("$firm", q.Query.Firms[0].ToString().ToUpperInvariant()));
        if (q.Query.ExpiringWithinDays is { } days) list.Add(("$until", SearchCases.Date(today.AddDays(days))));
        if (q.Query.HiredAfter is { } hired) list.Add(("$hired", SearchCases.Date(hired)));
        return [.. list];
    }

    private static SqliteCommand Command(SqliteConnection c, string sql, (string, object)[] parameters)
    {
        var command = c.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            if (sql.Contains(name, StringComparison.Ordinal))
                command.Parameters.AddWithValue(name, value);
        }
        return command;
    }

    private static int ReadAll(SqliteConnection c, string sql, params (string, object)[] parameters)
    {
        using var command = Command(c, sql, parameters);
        using var reader = command.ExecuteReader();
        var rows = 0;
        var values = new object[reader.FieldCount];
        while (reader.Read())
        {
            reader.GetValues(values);
            rows++;
        }
        return rows;
    }

    private static int Scalar(SqliteConnection c, string sql, params (string, object)[] parameters)
    {
        using var command = Command(c, sql, parameters);
        return Convert.ToInt32(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
