using System.Diagnostics;

namespace SpecialistRegistry.Tests.Infrastructure;

/// <summary>
/// One of the app's commands (<c>migrate</c>, <c>create-admin</c>, <c>audit verify</c>) run as an operator runs it:
/// a process of its own in Production that must exit by itself; its exit code and everything it wrote.
/// </summary>
public static class AppCommand
{
    /// <param name="dll">the app to run: the test's own build, or <see cref="PublishedApp.DllAsync"/></param>
    /// <param name="settings">environment variables added to the process's own (<c>Registry__Provider</c>, …)</param>
    public static async Task<(int Code, string Output)> RunAsync(string dll, string workingDirectory, IEnumerable<string> args,
        IReadOnlyDictionary<string, string>? settings = null)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(dll);
        foreach (var a in args)
            start.ArgumentList.Add(a);
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
            start.Environment[key] = value;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"`{string.Join(' ', start.ArgumentList.Skip(1))}` did not exit (a web server started?): {await output}");
        }
        return (process.ExitCode, await output + await errors);
    }
}
