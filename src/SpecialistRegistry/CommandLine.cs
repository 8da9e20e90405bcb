using SpecialistRegistry.Features.Audit;

namespace SpecialistRegistry;

/// <summary>Maintenance commands run with `dotnet run --project src/SpecialistRegistry -- COMMAND`.</summary>
public static class CommandLine
{
    public static bool IsCommand(string[] args) => args.Length > 0 && !args[0].StartsWith('-') && !args[0].Contains('=');

    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextWriter output)
    {
        switch (args)
        {
            case ["audit", "verify"]:
                await using (var scope = services.CreateAsyncScope())
                {
                    var result = await scope.ServiceProvider.GetRequiredService<AuditVerifier>().VerifyAsync();
                    if (result.FirstBreak is { } broken)
                    {
                        await output.WriteLineAsync($"audit chain BROKEN at entry {broken.Sequence}: {broken.Reason}");
                        return 1;
                    }
                    await output.WriteLineAsync($"audit chain OK: {result.Entries} entries");
                    return 0;
                }
            default:
                await output.WriteLineAsync("usage: dotnet run --project src/SpecialistRegistry -- audit verify");
                return 2;
        }
    }
}
