using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SpecialistRegistry.Data;
using SpecialistRegistry.Features.Search;
using SpecialistRegistry.Features.Search.Memory;
using SpecialistRegistry.Files;

namespace SpecialistRegistry.Benchmarks.Search;

/// <summary>
/// `-- search-export [--people N] [--db FOLDER]`: a regulator exports the whole unfiltered search (up to the
/// export's 100,000 rows) as CSV and as .xlsx through the real <see cref="SearchService"/> and
/// <see cref="SearchExport"/>, into a stream that only counts bytes (the response). Reports the time, and the
/// process's working set and managed heap at their peak while exporting, sampled every 2 ms, against where they
/// stood before (the in-memory index loaded, as in the running app).
/// </summary>
public static class SearchExportBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var people = Option(args, "--people") is { } p ? int.Parse(p, CultureInfo.InvariantCulture) : 100_000;
        var folder = Option(args, "--db") ?? Path.Combine(Path.GetTempPath(), $"registry-export-bench-{people}");
        await using var host = await SearchBenchmarkHost.StartAsync(folder);
        await using (var scope = host.Scope())
        await using (var db = scope.ServiceProvider.GetRequiredService<Func<RegistryDb>>()())
        {
            if (await db.SearchDocuments.CountAsync() == 0)
            {
                Console.WriteLine($"generating {people:N0} specialists into {folder} …");
                SearchDataGenerator.Fill(Path.Combine(folder, "registry.db"), host.Services.GetRequiredService<FieldProtector>(), people, 500,
                    DateOnly.FromDateTime(DateTime.UtcNow), Console.WriteLine);
            }
        }
        await host.Services.GetRequiredService<MemorySearchIndex>().LoadAsync();
        Console.WriteLine($"machine: {Environment.ProcessorCount} cores, load average {LoadAverage()}");

        foreach (var format in new[] { TableFormat.Csv, TableFormat.Xlsx, TableFormat.Csv, TableFormat.Xlsx })
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
            using var process = Process.GetCurrentProcess();
            var workingBefore = process.WorkingSet64;
            var heapBefore = GC.GetTotalMemory(false);
            long workingPeak = workingBefore, heapPeak = heapBefore;
            using var stop = new CancellationTokenSource();
            var sampler = Task.Run(async () =>
            {
                while (!stop.IsCancellationRequested)
                {
                    workingPeak = Math.Max(workingPeak, Environment.WorkingSet);
                    heapPeak = Math.Max(heapPeak, GC.GetTotalMemory(false));
                    await Task.Delay(2);
                }
            });
            var output = new CountingStream();
            var clock = Stopwatch.StartNew();
            await using (var scope = host.Scope())
            {
                var (rows, total, _) = await scope.ServiceProvider.GetRequiredService<SearchService>().AllRowsAsync(new SearchQuery());
                await SearchExport.WriteAsync(format, output, rows, CancellationToken.None);
                clock.Stop();
                await stop.CancelAsync();
                await sampler;
                Console.WriteLine($"{format.Extension(),-4} {rows.Count,8:N0} of {total:N0} rows in {clock.Elapsed.TotalSeconds,5:0.00} s, {output.Count / 1048576.0,5:0.0} MB out; " +
                                  $"peak working set {workingPeak / 1048576.0,5:N0} MB (+{(workingPeak - workingBefore) / 1048576.0:N0} MB), " +
                                  $"managed heap peak +{(heapPeak - heapBefore) / 1048576.0:N0} MB");
            }
        }
        return 0;
    }

    private static string? Option(string[] args, string name) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    private sealed class CountingStream : Stream
    {
        public long Count { get; private set; }
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => Count;
        public override long Position { get => Count; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        // A response body refuses synchronous writes: so does this, so the benchmark proves the export streams asynchronously.
        public override void Write(byte[] buffer, int offset, int count) => throw new InvalidOperationException("Synchronous write to the response.");
        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            Count += buffer.Length;
            return ValueTask.CompletedTask;
        }
    }
}
