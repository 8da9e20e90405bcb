using System.Diagnostics;

namespace SpecialistRegistry.Tests.Infrastructure;

/// <summary>
/// The app as an operator deploys it: the output of <c>dotnet publish</c> (static web assets included), run as a
/// process of its own. <c>./test.sh</c> publishes once and names the folder in <c>REGISTRY_PUBLISHED_APP</c>; a
/// test run without it publishes the already-built app into the repository's <c>artifacts/</c> once per run.
/// </summary>
public static class PublishedApp
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static string? _dll;

    /// <summary>The published <c>SpecialistRegistry.dll</c>.</summary>
    public static async Task<string> DllAsync()
    {
        await Gate.WaitAsync();
        try
        {
            return _dll ??= await FindOrPublishAsync();
        }
        finally
        {
            Gate.Release();
        }
    }

    private static async Task<string> FindOrPublishAsync()
    {
        if (Environment.GetEnvironmentVariable("REGISTRY_PUBLISHED_APP") is { Length: > 0 } given)
        {
            var dll = Path.Combine(given, "SpecialistRegistry.dll");
            return File.Exists(dll) ? dll : throw new InvalidOperationException($"REGISTRY_PUBLISHED_APP names {given}, which holds no SpecialistRegistry.dll.");
        }
        var root = RepositoryRoot();
        var output = Path.Combine(root, "artifacts", "test-publish");
#if DEBUG
        const string configuration = "Debug";
#else
        const string configuration = "Release";
#endif
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = root };
        foreach (var a in new[] { "publish", Path.Combine(root, "src", "SpecialistRegistry"), "-c", configuration, "--no-build", "-o", output, "-v", "q", "-nologo" })
            start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var text = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"dotnet publish failed: {await text}{await errors}");
        return Path.Combine(output, "SpecialistRegistry.dll");
    }

    /// <summary>The folder holding SpecialistRegistry.sln, found above the test binaries.</summary>
    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "SpecialistRegistry.sln")))
                return dir.FullName;
        throw new InvalidOperationException("The repository root (SpecialistRegistry.sln) was not found above the test binaries.");
    }
}
