using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SpecialistRegistry.Data;
using SpecialistRegistry.Domain;
using SpecialistRegistry.Features.Filings;
using SpecialistRegistry.Features.Roster.Import;
using SpecialistRegistry.Files;
using SpecialistRegistry.Files.Roster;

namespace SpecialistRegistry.Benchmarks;

/// <summary>
/// `-- filings [people]`: a firm of 10,000 specialists (imported through the real import) files twice through the
/// real services on a new SQLite database, audit trail, notifications and search index included: a first filing
/// (everyone added), accepted; then, after 1,000 people changed, 100 left and 100 joined, a second filing compared
/// with the first. Times preparing (the comparison) and submitting (the freeze) of each, then opening the review
/// of the 10,000-entry filing (header and the first page of entries), paging deep into it and filtering it, a
/// person's field-level differences, and the CSV export. Load averages before and after are printed.
/// </summary>
public static class FilingBenchmark
{
    private const int Runs = 7;

    public static async Task<int> RunAsync(string[] args)
    {
        var count = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 10_000;
        Console.WriteLine($"load average before: {LoadAverage()}");

        // A server has run its filing code before: warm the JIT up on a small roster in a database of its own.
        await using (var warmUp = await RegistryHost.StartAsync())
        {
            var clock = Stopwatch.StartNew();
            await ImportAsync(warmUp, BenchmarkRoster.People(500));
            var period = await QuarterAsync(warmUp);
            var draft = await PrepareAsync(warmUp, period);
            await SubmitAsync(warmUp, draft);
            Console.WriteLine($"warm-up: 500 specialists imported, prepared and filed in {clock.Elapsed.TotalSeconds:0.00} s (not counted)");
        }

        await using var host = await RegistryHost.StartAsync();
        var roster = BenchmarkRoster.People(count);
        var setup = Stopwatch.StartNew();
        await ImportAsync(host, roster);
        var quarter = await QuarterAsync(host);
        Console.WriteLine($"roster: {count:N0} specialists imported in {setup.Elapsed.TotalSeconds:0.0} s (setup, not counted)");

        // The first filing: nobody to compare with, everyone added.
        Settle();
        var (firstDraft, prepareFirst) = await TimedAsync(() => PrepareAsync(host, quarter));
        var (first, submitFirst) = await TimedAsync(() => SubmitAsync(host, firstDraft));
        await AcceptAsync(host, first);
        Console.WriteLine($"first filing   prepare {prepareFirst.TotalSeconds,6:0.00} s   submit {submitFirst.TotalSeconds,6:0.00} s   " +
                          $"({firstDraft.Comparison.Counts.Added:N0} added)");

        // A quarter later: 1,000 changed, 100 left, 100 joined; the regulator demands a filing.
        await ChangeRosterAsync(host, count);
        var demand = await DemandAsync(host);
        Settle();
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var (secondDraft, prepareSecond) = await TimedAsync(() => PrepareAsync(host, demand));
        var allocatedPrepare = GC.GetTotalAllocatedBytes(precise: true) - allocated;
        allocated = GC.GetTotalAllocatedBytes(precise: true);
        var (second, submitSecond) = await TimedAsync(() => SubmitAsync(host, secondDraft));
        var allocatedSubmit = GC.GetTotalAllocatedBytes(precise: true) - allocated;
        var c = secondDraft.Comparison.Counts;
        Console.WriteLine($"second filing  prepare {prepareSecond.TotalSeconds,6:0.00} s   submit {submitSecond.TotalSeconds,6:0.00} s   " +
                          $"({c.Added:N0} added, {c.Changed:N0} changed, {c.Removed:N0} removed, {c.Unchanged:N0} unchanged; " +
                          $"allocated {allocatedPrepare / 1048576.0:N0} MB and {allocatedSubmit / 1048576.0:N0} MB)");
        var worst = new[] { prepareFirst, submitFirst, prepareSecond, submitSecond }.Max();
        Console.WriteLine($"prepare and submit: worst {worst.TotalSeconds:0.00} s, target 5 s each: {(worst.TotalSeconds <= 5 ? "met" : "MISSED")}");

        await using (var db = host.Services.GetRequiredService<Func<RegistryDb>>()())
        {
            var entries = await db.FilingEntries.CountAsync();
            var audit = await db.AuditEntries.CountAsync();
            Console.WriteLine($"stored: {entries:N0} entries in 2 filings, {audit:N0} audit entries");
        }

        // The review page of the 10,000-entry filing, as the page asks: the header and the first page of 25.
        var open = await RepeatAsync(host, async q =>
        {
            var header = await q.HeaderAsync(second) ?? throw new InvalidOperationException("The filing is gone.");
            var page = await q.EntriesAsync(second, new EntryQuery(PageSize: 25));
            return page.Rows.Count + header.Counts.Total;
        });
        var deep = await RepeatAsync(host, q => Count(q.EntriesAsync(second, new EntryQuery(Page: count / 25 - 1, PageSize: 25))));
        var changed = await RepeatAsync(host, q => Count(q.EntriesAsync(second, new EntryQuery(Change: FilingChange.Changed, Page: 10, PageSize: 25))));
        var search = await RepeatAsync(host, q => Count(q.EntriesAsync(second, new EntryQuery(Text: "wang wei", PageSize: 25))));
        var someone = (await Scoped(host, q => q.EntriesAsync(second, new EntryQuery(Change: FilingChange.Changed, PageSize: 1)))).Rows[0].Id;
        var detail = await RepeatAsync(host, async q => (await q.EntryAsync(second, someone))!.SinceAccepted!.Count);
        Console.WriteLine($"review, open (header + first page)   {Show(open)}   target 1 s: {(open.Max() <= TimeSpan.FromSeconds(1) ? "met" : "MISSED")}");
        Console.WriteLine($"review, last page                    {Show(deep)}");
        Console.WriteLine($"review, changed only, page 11        {Show(changed)}");
        Console.WriteLine($"review, search \"wang wei\"            {Show(search)}");
        Console.WriteLine($"review, one person's differences     {Show(detail)}");

        var export = Stopwatch.StartNew();
        await using (var scope = host.Scope())
        {
            var service = scope.ServiceProvider.GetRequiredService<FilingExportService>();
            await service.RecordExportAsync(second, TableFormat.Csv);
            await using var sink = new MemoryStream();
            await service.WriteAsync(second, TableFormat.Csv, sink);
            Console.WriteLine($"export CSV of {count + 100:N0} entries: {export.Elapsed.TotalSeconds:0.00} s, {sink.Length / 1048576.0:0.0} MB");
        }
        Console.WriteLine($"peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0:N0} MB (whole process)");
        Console.WriteLine($"load average after: {LoadAverage()}");
        return worst.TotalSeconds <= 5 && open.Max() <= TimeSpan.FromSeconds(1) ? 0 : 1;
    }

    private static async Task ImportAsync(RegistryHost host, List<RosterPerson> people)
    {
        await using var scope = host.Scope();
        var import = scope.ServiceProvider.GetRequiredService<RosterImportService>();
        var file = await RosterFileWriter.ToBytesAsync(TableFormat.Csv, people);
        await import.CommitAsync(await import.DryRunAsync(new ImportFile("roster.csv", file)));
    }

    private static async Task<Guid> QuarterAsync(RegistryHost host)
    {
        await using var scope = host.Scope();
        await scope.ServiceProvider.GetRequiredService<FilingCalendar>().EnsureQuarterlyPeriodsAsync();
        await using var db = scope.ServiceProvider.GetRequiredService<Func<RegistryDb>>()();
        return await db.FilingPeriods.Select(p => p.Id).SingleAsync();
    }

    // The benchmark's principal is Firm HR; the regulator's steps are taken through the domain, audited like theirs.
    private static async Task<Guid> DemandAsync(RegistryHost host)
    {
        await using var scope = host.Scope();
        await using var db = scope.ServiceProvider.GetRequiredService<Func<RegistryDb>>()();
        var now = DateTimeOffset.UtcNow;
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var period = FilingPeriod.Demand("D-BENCH-0001", DemandScope.Firm, null, host.FirmId, today.AddDays(30), "Submit detailed lists of specialists.",
            today, new UserRef("benchmark-regulator", "Benchmark Regulator"), now);
        db.FilingPeriods.Add(period);
        await db.SaveChangesAsync();
        return period.Id;
    }

    private static async Task AcceptAsync(RegistryHost host, Guid filingId)
    {
        await using var scope = host.Scope();
        await using var db = scope.ServiceProvider.GetRequiredService<Func<RegistryDb>>()();
        var filing = await db.Filings.SingleAsync(f => f.Id == filingId);
        filing.Accept(new UserRef("benchmark-regulator", "Benchmark Regulator"), DateTimeOffset.UtcNow);
        await db.SaveChangesAsync();
    }

    private static async Task ChangeRosterAsync(RegistryHost host, int count)
    {
        await using (var scope = host.Scope())
        await using (var db = scope.ServiceProvider.GetRequiredService<Func<RegistryDb>>()())
        {
            var people = await db.Specialists.OrderBy(s => s.EmployeeNumber).ToListAsync();
            for (var i = 0; i < people.Count; i++)
            {
                if (i % 10 == 0)
                    people[i].Position = "Senior process engineer";
                else if (i % 100 == 7)
                    people[i].RecordLeaving(DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-3), "Retired");
            }
            await db.SaveChangesAsync();
        }
        await ImportAsync(host, BenchmarkRoster.People(count + 100).Skip(count).ToList());
    }

    private static async Task<FilingOutcome.Prepared> PrepareAsync(RegistryHost host, Guid periodId)
    {
        await using var scope = host.Scope();
        var outcome = await scope.ServiceProvider.GetRequiredService<FilingService>().PrepareAsync(periodId);
        return outcome as FilingOutcome.Prepared ?? throw new InvalidOperationException($"Preparing failed: {outcome}");
    }

    private static async Task<Guid> SubmitAsync(RegistryHost host, FilingOutcome.Prepared draft)
    {
        await using var scope = host.Scope();
        // When the first chunk of entries is saved: the comparison again, the filing's own save and 1,000 entries.
        var clock = Stopwatch.StartNew();
        TimeSpan? firstChunk = null;
        var progress = new SynchronousProgress(_ => firstChunk ??= clock.Elapsed);
        var outcome = await scope.ServiceProvider.GetRequiredService<FilingService>().SubmitAsync(draft.FilingId, draft.Version, attested: true, progress);
        if (draft.Comparison.People.Count >= 5000)
            Console.WriteLine($"  (submit: first 1,000 entries saved after {firstChunk?.TotalSeconds:0.00} s, all after {clock.Elapsed.TotalSeconds:0.00} s)");
        return outcome is FilingOutcome.Done done ? done.FilingId : throw new InvalidOperationException($"Submitting failed: {outcome}");
    }

    // Progress<T> posts to the thread pool; this reports at once, on the saving thread.
    private sealed class SynchronousProgress(Action<int> report) : IProgress<int>
    {
        public void Report(int value) => report(value);
    }

    private static async Task<T> Scoped<T>(RegistryHost host, Func<FilingQueries, Task<T>> work)
    {
        await using var scope = host.Scope();
        return await work(scope.ServiceProvider.GetRequiredService<FilingQueries>());
    }

    private static async Task<int> Count(Task<EntryPage> page) => (await page).Rows.Count;

    /// <summary>A new scope (and context) per run, as a page's request has; the first run is a warm-up.</summary>
    private static async Task<List<TimeSpan>> RepeatAsync(RegistryHost host, Func<FilingQueries, Task<int>> work)
    {
        var times = new List<TimeSpan>();
        for (var i = 0; i <= Runs; i++)
        {
            await using var scope = host.Scope();
            var clock = Stopwatch.StartNew();
            await work(scope.ServiceProvider.GetRequiredService<FilingQueries>());
            if (i > 0)
                times.Add(clock.Elapsed);
        }
        return times;
    }

    private static async Task<(T Result, TimeSpan Elapsed)> TimedAsync<T>(Func<Task<T>> work)
    {
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        var result = await work();
        var elapsed = clock.Elapsed;
        // CPU of the whole process (the GC's threads included): on a shared machine it moves less than the wall clock.
        Console.WriteLine($"  ({elapsed.TotalSeconds:0.00} s wall, {(Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds:0.00} s cpu, load {LoadAverage()})");
        return (result, elapsed);
    }

    private static string Show(List<TimeSpan> times)
    {
        var sorted = times.OrderBy(t => t).ToList();
        return $"median {sorted[sorted.Count / 2].TotalMilliseconds,7:0.0} ms   max {sorted[^1].TotalMilliseconds,7:0.0} ms";
    }

    private static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    private static void Settle()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
    }
}
