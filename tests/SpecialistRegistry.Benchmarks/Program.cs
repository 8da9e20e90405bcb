using SpecialistRegistry.Benchmarks;
using SpecialistRegistry.Benchmarks.Files;
using SpecialistRegistry.Benchmarks.Search;

// dotnet run -c Release --project tests/SpecialistRegistry.Benchmarks -- <benchmark> [options]
// Each benchmark lives in its own folder; this file only dispatches on the first argument.
return args switch
{
    ["import", .. var rest] => await ImportBenchmark.RunAsync(rest),
    ["filings", .. var rest] => await FilingBenchmark.RunAsync(rest),
    ["search", .. var rest] => await SearchBenchmark.RunAsync(rest),
    ["search-during-import", .. var rest] => await SearchDuringImportBenchmark.RunAsync(rest),
    ["files", .. var rest] => await FileWriterBenchmark.RunAsync(rest),
    ["search-export", .. var rest] => await SearchExportBenchmark.RunAsync(rest),
    _ => Usage(),
};

static int Usage()
{
    Console.WriteLine("usage: dotnet run -c Release --project tests/SpecialistRegistry.Benchmarks -- import [csv|xlsx] [people]");
    Console.WriteLine("       dotnet run -c Release --project tests/SpecialistRegistry.Benchmarks -- filings [people]");
    Console.WriteLine("       dotnet run -c Release --project tests/SpecialistRegistry.Benchmarks -- search [--people N] [--db PATH] [--regenerate]");
    Console.WriteLine("       dotnet run -c Release --project tests/SpecialistRegistry.Benchmarks -- search-during-import [--db PATH]");
    Console.WriteLine("       dotnet run -c Release --project tests/SpecialistRegistry.Benchmarks -- files [--rows N ...]");
    Console.WriteLine("       dotnet run -c Release --project tests/SpecialistRegistry.Benchmarks -- search-export [--people N] [--db PATH]");
    return 2;
}
