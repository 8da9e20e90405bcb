using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace SpecialistRegistry.Tests.Infrastructure;

/// <summary>
/// One node of the published app in a process of its own on 127.0.0.1 (a free port), in Production unless told
/// otherwise, with the settings given as environment variables (<c>Registry__Provider</c>, …). Killed with its
/// children when disposed; its output is kept for the failure message of a test.
/// </summary>
public sealed class AppProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();

    private AppProcess(Process process, Uri address)
    {
        _process = process;
        Address = address;
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) _output.Enqueue(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) _output.Enqueue(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public Uri Address { get; }

    /// <summary>Everything the process wrote to its standard output and error so far.</summary>
    public string Output => string.Join('\n', _output);

    public bool HasExited => _process.HasExited;

    /// <summary>Starts a node; <paramref name="settings"/> are environment variables added to the process's own.</summary>
    public static async Task<AppProcess> StartAsync(IReadOnlyDictionary<string, string> settings, string environment = "Production")
    {
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        var dll = await PublishedApp.DllAsync();
        start.WorkingDirectory = Path.GetDirectoryName(dll)!;
        start.ArgumentList.Add(dll);
        start.Environment["ASPNETCORE_ENVIRONMENT"] = environment;
        start.Environment["DOTNET_ENVIRONMENT"] = environment;
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        foreach (var (key, value) in settings)
            start.Environment[key] = value;
        return new AppProcess(Process.Start(start)!, new Uri($"http://127.0.0.1:{port}/"));
    }

    /// <summary>Waits until <c>/health/live</c> answers (or the process exits, or the time runs out).</summary>
    public Task WaitUntilLiveAsync(TimeSpan? within = null) => WaitUntilOkAsync("health/live", within);

    /// <summary>Waits until <c>/health/ready</c> answers 200: database migrated and reachable, field key loaded.</summary>
    public Task WaitUntilReadyAsync(TimeSpan? within = null) => WaitUntilOkAsync("health/ready", within);

    private async Task WaitUntilOkAsync(string path, TimeSpan? within)
    {
        using var http = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(5) };
        var until = DateTime.UtcNow + (within ?? TimeSpan.FromMinutes(2));
        while (DateTime.UtcNow < until)
        {
            if (_process.HasExited)
                throw new InvalidOperationException($"The node exited with code {_process.ExitCode}:\n{Output}");
            try
            {
                if ((await http.GetAsync(path)).StatusCode == HttpStatusCode.OK)
                    return;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            await Task.Delay(250);
        }
        throw new TimeoutException($"The node did not answer /{path} in time:\n{Output}");
    }

    /// <summary>Waits until the node has written a line containing one of <paramref name="texts"/>.</summary>
    public async Task WaitForOutputAsync(TimeSpan within, params string[] texts)
    {
        var until = DateTime.UtcNow + within;
        while (!_output.Any(line => texts.Any(t => line.Contains(t, StringComparison.Ordinal))))
        {
            if (DateTime.UtcNow > until)
                throw new TimeoutException($"The node did not write \"{string.Join("\" or \"", texts)}\" in time:\n{Output}");
            await Task.Delay(100);
        }
    }

    /// <summary>Waits for the process to exit by itself (a node that refuses to start), and gives its exit code.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan within)
    {
        using var timeout = new CancellationTokenSource(within);
        await _process.WaitForExitAsync(timeout.Token);
        _process.WaitForExit(); // flushes the asynchronous output readers
        return _process.ExitCode;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }
}
