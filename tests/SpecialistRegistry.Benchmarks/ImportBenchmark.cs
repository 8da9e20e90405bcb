using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using SpecialistRegistry.Data;
using SpecialistRegistry.Features.Roster.Export;
using SpecialistRegistry.Features.Roster.Import;
using Microsoft.Extensions.DependencyInjection;
using SpecialistRegistry.Domain.Records;
using SpecialistRegistry.Files;
using SpecialistRegistry.Files.Roster;
using SpecialistRegistry.Files.Reading;

namespace SpecialistRegistry.Benchmarks;

/// <summary>
/// `-- import [csv|xlsx] [people]`: dry run + commit of a generated roster through the real services on a new
/// SQLite database, audit included, then the same rows through plain ADO.NET (the floor). Run it once per
/// format: peak memory is per process.
/// </summary>
public static class ImportBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var format = args.Length > 0 ? args[0] : "csv";
        var count = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 10_000;
        if (format is not ("csv" or "xlsx"))
        {
            Console.WriteLine("format must be csv or xlsx");
            return 2;
        }

        var people = BenchmarkRoster.People(count);
        byte[] file;
        file = await RosterFileWriter.ToBytesAsync(format == "csv" ? TableFormat.Csv : TableFormat.Xlsx, people);
        var listRows = people.Sum(p => p.Expertise.Count + p.Education.Count + p.Research.Count);
        Console.WriteLine($"roster: {count:N0} specialists, {listRows:N0} list rows, {people.Count(p => p.Passport is not null):N0} passports; " +
                          $"{format} file {file.Length / 1024.0 / 1024:0.0} MB");

        // A server has run its import code before: warm the JIT up on a small roster in a database of its own.
        await using (var warmUp = await RegistryHost.StartAsync())
        await using (var scope = warmUp.Scope())
        {
            var import = scope.ServiceProvider.GetRequiredService<RosterImportService>();
            var clock = Stopwatch.StartNew();
            var small = people.Take(1000).ToList();
            var warmUpFile = await RosterFileWriter.ToBytesAsync(format == "csv" ? TableFormat.Csv : TableFormat.Xlsx, small);
            await import.CommitAsync(await import.DryRunAsync(new ImportFile($"warm-up.{format}", warmUpFile)));
            Console.WriteLine($"warm-up: {small.Count:N0} specialists imported in {clock.Elapsed.TotalSeconds:0.00} s (not counted)");
        }

        ImportPreview preview;
        ImportResult result;
        TimeSpan dryRun, commit;
        long allocatedDryRun, allocatedCommit;
        TimeSpan cpuDryRun, cpuCommit;
        await using (var host = await RegistryHost.StartAsync())
        {
            await using var scope = host.Scope();
            var import = scope.ServiceProvider.GetRequiredService<RosterImportService>();
            Settle();

            var allocated = GC.GetTotalAllocatedBytes(precise: true);
            var cpu = Cpu();
            var clock = Stopwatch.StartNew();
            preview = await import.DryRunAsync(new ImportFile($"roster.{format}", file));
            dryRun = clock.Elapsed;
            cpuDryRun = Cpu() - cpu;
            allocatedDryRun = GC.GetTotalAllocatedBytes(precise: true) - allocated;
            if (preview.TotalProblems > 0)
            {
                Console.WriteLine($"dry run found {preview.TotalProblems} problems, first: {preview.Problems[0]}");
                return 1;
            }

            allocated = GC.GetTotalAllocatedBytes(precise: true);
            cpu = Cpu();
            clock.Restart();
            result = await import.CommitAsync(preview);
            commit = clock.Elapsed;
            cpuCommit = Cpu() - cpu;
            allocatedCommit = GC.GetTotalAllocatedBytes(precise: true) - allocated;

            await using var db = scope.ServiceProvider.GetRequiredService<Func<RegistryDb>>()();
            var stored = (Specialists: await db.Specialists.CountAsync(), Lists: await db.Expertise.CountAsync() + await db.Education.CountAsync() + await db.ResearchRecords.CountAsync(),
                Passports: await db.Passports.CountAsync(), Audit: await db.AuditEntries.CountAsync());
            Console.WriteLine($"stored: {stored.Specialists:N0} specialists, {stored.Lists:N0} list rows, {stored.Passports:N0} passports, {stored.Audit:N0} audit entries");
            if (stored.Specialists != count || stored.Lists != listRows)
            {
                Console.WriteLine("the import did not store the whole roster");
                return 1;
            }
        }
        var peak = Process.GetCurrentProcess().PeakWorkingSet64;

        TimeSpan floor;
        int floorRows;
        await using (var host = await RegistryHost.StartAsync())
        {
            var protector = host.Services.GetRequiredService<FieldProtector>();
            Settle();
            var clock = Stopwatch.StartNew();
            floorRows = AdoNetFloor.Insert(host.DatabaseFile, host.FirmId, people, protector);
            floor = clock.Elapsed;
        }

        var total = dryRun + commit;
        Console.WriteLine($"dry run        {dryRun.TotalSeconds,7:0.00} s   cpu {cpuDryRun.TotalSeconds,6:0.00} s   allocated {allocatedDryRun / 1048576.0,6:N0} MB   ({result.Counts.New:N0} new)");
        Console.WriteLine($"commit         {commit.TotalSeconds,7:0.00} s   cpu {cpuCommit.TotalSeconds,6:0.00} s   allocated {allocatedCommit / 1048576.0,6:N0} MB");
        Console.WriteLine($"dry run+commit {total.TotalSeconds,7:0.00} s   target 10 s: {(total.TotalSeconds <= 10 ? "met" : "MISSED")}");
        Console.WriteLine($"peak working set {peak / 1048576.0:N0} MB (whole process, before the floor run); " +
                          $"GC {(System.Runtime.GCSettings.IsServerGC ? "server" : "workstation")}, collections gen0/1/2 {GC.CollectionCount(0)}/{GC.CollectionCount(1)}/{GC.CollectionCount(2)}");
        Console.WriteLine($"ADO.NET floor  {floor.TotalSeconds,7:0.00} s   ({floorRows:N0} rows, prepared statements, one transaction, no audit)");
        Console.WriteLine($"ratio          {total / floor,7:0.0} × the floor");
        return 0;

        // All threads of the process (the GC's included): on a shared machine this moves less than wall time.
        static TimeSpan Cpu() => Process.GetCurrentProcess().TotalProcessorTime;

        static void Settle()
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
        }
    }
}
