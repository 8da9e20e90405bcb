using System.Diagnostics;
using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using MiniExcelLibs;
using SpecialistRegistry.Files;

namespace SpecialistRegistry.Benchmarks.Files;

/// <summary>
/// `-- files [--rows N …]`: writes N rows of the search export's shape (11 text columns, Chinese and Latin text)
/// through each candidate library to a stream that only counts bytes, as a response body would take them:
/// SpreadCheetah (the portal's workbook writer), MiniExcel and the Open XML SDK's SAX writer for .xlsx; CsvHelper
/// (the portal's CSV writer) and a hand-rolled StreamWriter (the floor) for CSV. Median of 3 runs after a
/// warm-up, with the bytes allocated and the managed heap's growth sampled every 2 ms while writing.
/// </summary>
public static class FileWriterBenchmark
{
    private static readonly string[] Header =
        ["Employee number", "Name", "Latin name", "Firm", "Segment", "Nationality", "Employment", "Hire date", "Passport custody", "Passport expires", "Flags"];

    public static async Task<int> RunAsync(string[] args)
    {
        var counts = args.Select((a, i) => (a, i)).Where(x => x.a == "--rows").Select(x => int.Parse(args[x.i + 1], CultureInfo.InvariantCulture)).ToList();
        if (counts.Count == 0)
            counts = [10_000, 100_000];
        var candidates = new (string Name, Func<string[][], Stream, Task> Write)[]
        {
            ("xlsx SpreadCheetah (TableWriter)", (rows, s) => Portal(TableFormat.Xlsx, rows, s)),
            ("xlsx MiniExcel", MiniExcelAsync),
            ("xlsx Open XML SDK (OpenXmlWriter)", OpenXmlSdkAsync),
            ("csv  CsvHelper (TableWriter)", (rows, s) => Portal(TableFormat.Csv, rows, s)),
            ("csv  StreamWriter by hand (floor)", HandCsvAsync),
        };
        Console.WriteLine($"machine: {Environment.ProcessorCount} cores, load average {LoadAverage()}, GC {(System.Runtime.GCSettings.IsServerGC ? "server" : "workstation")}");
        foreach (var count in counts)
        {
            var rows = Rows(count);
            Console.WriteLine();
            Console.WriteLine($"{count:N0} rows × {Header.Length} columns");
            Console.WriteLine($"{"writer",-36} {"median s",9} {"MB out",8} {"allocated MB",13} {"heap growth MB",15}");
            foreach (var (name, write) in candidates)
            {
                await write(Rows(200), new CountingStream());
                var runs = new List<(double Seconds, long Bytes, long Allocated, long Growth)>();
                for (var run = 0; run < 3; run++)
                    runs.Add(await MeasureAsync(rows, write));
                var median = runs.OrderBy(r => r.Seconds).ElementAt(1);
                Console.WriteLine($"{name,-36} {median.Seconds,9:0.000} {median.Bytes / 1048576.0,8:0.0} {median.Allocated / 1048576.0,13:0.0} {runs.Max(r => r.Growth) / 1048576.0,15:0.0}");
            }
        }
        return 0;
    }

    private static async Task<(double, long, long, long)> MeasureAsync(string[][] rows, Func<string[][], Stream, Task> write)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        var baseline = GC.GetTotalMemory(false);
        var peak = baseline;
        using var sampling = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!sampling.IsCancellationRequested)
            {
                peak = Math.Max(peak, GC.GetTotalMemory(false));
                await Task.Delay(2);
            }
        });
        var output = new CountingStream();
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var clock = Stopwatch.StartNew();
        await write(rows, output);
        var seconds = clock.Elapsed.TotalSeconds;
        allocated = GC.GetTotalAllocatedBytes(precise: true) - allocated;
        await sampling.CancelAsync();
        await sampler;
        return (seconds, output.Count, allocated, peak - baseline);
    }

    private static string[][] Rows(int count)
    {
        string[] names = ["王伟", "李娜", "张敏", "刘洋", "陈静", "𠮷田", "阿依古丽·买买提"];
        string[] firms = ["宁波东方磁材科技有限公司", "Baotou Rare Earth Separation Co.", "赣州稀土冶炼厂", "Ningbo Eastern Magnet Technology"];
        return
        [
            .. Enumerable.Range(1, count).Select(i => new[]
            {
                $"E{i:D6}", names[i % names.Length], $"Wang Wei {i}", firms[i % firms.Length], "Permanent magnets", "China", "Current",
                "2012-07-01", i % 5 == 0 ? "Overdue" : "Held", "2031-05-09", i % 20 == 0 ? "Open flag" : "None",
            }),
        ];
    }

    private static async Task Portal(TableFormat format, string[][] rows, Stream output)
    {
        await using var writer = await TableWriter.CreateAsync(format, output);
        await writer.StartTableAsync("Specialists", [.. Header.Select(h => new SpecialistRegistry.Files.TableColumn(h))]);
        foreach (var row in rows)
            await writer.WriteRowAsync(row);
        await writer.CompleteAsync();
    }

    private static Task MiniExcelAsync(string[][] rows, Stream output) =>
        // MiniExcel writes synchronously from an IEnumerable of dictionaries; a buffer keeps it off the counting stream's sync path.
        output.CopyFromAsync(buffer => MiniExcel.SaveAs(buffer, rows.Select(r => Header.Zip(r).ToDictionary(x => x.First, x => (object)x.Second)), excelType: ExcelType.XLSX));

    private static Task OpenXmlSdkAsync(string[][] rows, Stream output) => output.CopyFromAsync(buffer =>
    {
        using var document = SpreadsheetDocument.Create(buffer, SpreadsheetDocumentType.Workbook);
        var workbook = document.AddWorkbookPart();
        var sheetPart = workbook.AddNewPart<WorksheetPart>();
        using (var xml = OpenXmlWriter.Create(sheetPart))
        {
            xml.WriteStartElement(new Worksheet());
            xml.WriteStartElement(new SheetData());
            foreach (var row in rows.Prepend(Header))
            {
                xml.WriteStartElement(new Row());
                foreach (var cell in row)
                {
                    xml.WriteStartElement(new Cell { DataType = CellValues.InlineString });
                    xml.WriteElement(new InlineString(new Text(cell)));
                    xml.WriteEndElement();
                }
                xml.WriteEndElement();
            }
            xml.WriteEndElement();
            xml.WriteEndElement();
        }
        workbook.Workbook = new Workbook(new Sheets(new Sheet { Id = workbook.GetIdOfPart(sheetPart), SheetId = 1, Name = "Specialists" }));
    });

    private static async Task HandCsvAsync(string[][] rows, Stream output)
    {
        await using var writer = new StreamWriter(output, new UTF8Encoding(true), 64 * 1024, leaveOpen: true);
        foreach (var row in rows.Prepend(Header))
        {
            for (var c = 0; c < row.Length; c++)
            {
                if (c > 0)
                    await writer.WriteAsync(',');
                var v = row[c];
                await writer.WriteAsync(v.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + v.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : v);
            }
            await writer.WriteAsync("\r\n");
        }
    }

    /// <summary>Libraries that need a seekable stream or write synchronously: written to memory, then copied out (their true cost).</summary>
    private static async Task CopyFromAsync(this Stream output, Action<MemoryStream> write)
    {
        using var buffer = new MemoryStream();
        write(buffer);
        buffer.Position = 0;
        await buffer.CopyToAsync(output);
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    /// <summary>Takes bytes and keeps only their count, like a response body that is sent on.</summary>
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
        public override void Write(byte[] buffer, int offset, int count) => Count += count;
        public override void Write(ReadOnlySpan<byte> buffer) => Count += buffer.Length;
        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            Count += buffer.Length;
            return ValueTask.CompletedTask;
        }
    }
}
