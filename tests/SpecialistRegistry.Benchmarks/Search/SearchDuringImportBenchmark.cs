using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using SpecialistRegistry.Data;
using SpecialistRegistry.Domain;
using SpecialistRegistry.Features.Roster.Export;
using SpecialistRegistry.Features.Roster.Import;
using SpecialistRegistry.Features.Search;
using SpecialistRegistry.Features.Search.Memory;
using SpecialistRegistry.Domain.Records;
using SpecialistRegistry.Files;
using SpecialistRegistry.Files.Roster;
using SpecialistRegistry.Files.Reading;

namespace SpecialistRegistry.Benchmarks.Search;

/// <summary>
/// search-during-import [--db FOLDER]: on a copy of the search benchmark's registry (made by `search`), a
/// regulator searches without pause — the ten questions in turn, each page with its count and then its facet
/// counts, as the page asks them — before, while and after a Firm HR user imports 10,000 specialists in the
/// same process. Prints the search times in each phase and the import's own time.
/// </summary>
public static class SearchDuringImportBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var source = Array.IndexOf(args, "--db") is var i and >= 0 && i + 1 < args.Length ? args[i + 1]
            : Path.Combine(Path.GetTempPath(), "registry-search-bench");
        if (!File.Exists(Path.Combine(source, "registry.db")))
        {
            Console.WriteLine($"{source} holds no registry: run the `search` benchmark first.");
            return 2;
        }
        // A copy, so the import does not change the database the `search` benchmark measures.
        var folder = Path.Combine(Path.GetTempPath(), "registry-search-import");
        if (Directory.Exists(folder))
            Directory.Delete(folder, recursive: true);
        CopyFolder(source, folder);
        try
        {
            return await MeasureAsync(folder);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task<int> MeasureAsync(string folder)
    {
        await using var host = await SearchBenchmarkHost.StartAsync(folder);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var firmId = Guid.CreateVersion7();
        Guid midFirm;
        await using (var scope = host.Scope())
        await using (var db = scope.ServiceProvider.GetRequiredService<Func<RegistryDb>>()())
        {
            db.Firms.Add(new Firm { Id = firmId, Name = "Import Benchmark Works", CreditCode = "91330200MA2IMPRT01", Region = "Zhejiang" });
            await db.SaveChangesAsync();
            midFirm = await db.SearchDocuments.GroupBy(d => d.FirmId).OrderByDescending(g => g.Count()).Select(g => g.Key).Skip(25).FirstAsync();
        }
        await host.Services.GetRequiredService<MemorySearchIndex>().LoadAsync();
        var cases = SearchCases.All(midFirm, today);

        var file = await RosterFileWriter.ToBytesAsync(TableFormat.Csv, BenchmarkRoster.People(10_000));

        // Warm-up, then a quiet baseline of the same length as a typical import.
        await SearchUntilAsync(host, cases, Task.Delay(TimeSpan.FromSeconds(3)));
        var quiet = await SearchUntilAsync(host, cases, Task.Delay(TimeSpan.FromSeconds(10)));

        var importClock = Stopwatch.StartNew();
        var import = Task.Run(async () =>
        {
            await using var scope = host.Scope(SearchBenchmarkHost.FirmHr(firmId));
            var service = scope.ServiceProvider.GetRequiredService<RosterImportService>();
            var preview = await service.DryRunAsync(new ImportFile("roster.csv", file));
            if (preview.TotalProblems > 0)
                throw new InvalidOperationException($"dry run found {preview.TotalProblems} problems");
            var result = await service.CommitAsync(preview);
            return (Elapsed: importClock.Elapsed, result.Counts.New);
        });
        var during = await SearchUntilAsync(host, cases, import);
        var (importTime, added) = await import;

        // The import commits in one transaction, so one catch-up applies all of it (during the loop above, or here).
        await using (var scope = host.Scope())
        {
            var result = await scope.ServiceProvider.GetRequiredService<SearchService>().SearchAsync(new SearchQuery { Firms = [firmId] }, true);
            var apply = host.Services.GetRequiredService<MemorySearchIndex>().LastApply;
            Console.WriteLine($"applying the import to the index: {apply.Documents:N0} documents, {apply.Reading.TotalMilliseconds:N0} ms reading them " +
                              $"(searches go on meanwhile), {apply.Locked.TotalMilliseconds:N0} ms during which searches waited; " +
                              $"the firm facet then finds {result.Total:N0} people");
        }
        var after = await SearchUntilAsync(host, cases, Task.Delay(TimeSpan.FromSeconds(5)));

        Console.WriteLine($"import of {added:N0} specialists (dry run + commit) took {importTime.TotalSeconds:0.0} s while searching");
        Console.WriteLine($"{"phase",-34} {"searches",9} {"p50 ms",8} {"p95 ms",8} {"max ms",8}");
        Report("before the import", quiet);
        Report("during the import", during);
        Report("after the import", after);
        Console.WriteLine($"load average {File.ReadAllText("/proc/loadavg").Trim()}");
        return 0;
    }

    /// <summary>Page with count, then facet counts, for each question in turn, until <paramref name="stop"/> completes.</summary>
    private static async Task<List<double>> SearchUntilAsync(SearchBenchmarkHost host, IReadOnlyList<SearchCase> cases, Task stop)
    {
        var times = new List<double>();
        for (var n = 0; !stop.IsCompleted; n++)
        {
            var query = cases[n % cases.Count].Query;
            await using var scope = host.Scope();
            var search = scope.ServiceProvider.GetRequiredService<SearchService>();
            var clock = Stopwatch.StartNew();
            await search.SearchAsync(query, false);
            times.Add(clock.Elapsed.TotalMilliseconds);
            clock.Restart();
            await search.FacetsAsync(query);
            times.Add(clock.Elapsed.TotalMilliseconds);
        }
        await stop;
        return times;
    }

    private static void Report(string phase, List<double> times)
    {
        var stats = SearchBenchmark.Summarise(times);
        Console.WriteLine($"{phase,-34} {times.Count,9:N0} {stats.P50,8:0.0} {stats.P95,8:0.0} {times[^1],8:0.0}");
    }

    private static void CopyFolder(string from, string to)
    {
        foreach (var path in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, path));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(path, target);
        }
    }
}
