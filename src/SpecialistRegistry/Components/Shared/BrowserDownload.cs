using Microsoft.JSInterop;

namespace SpecialistRegistry.Components.Shared;

/// <summary>
/// Hands a file to the browser from an interactive page, for files made from what only the page holds (an
/// endpoint serves everything that can be asked for again by URL). The file is small and built in memory.
/// </summary>
public sealed class BrowserDownload(IJSRuntime js)
{
    public async Task SaveAsync(string fileName, string contentType, Func<Stream, CancellationToken, Task> write, CancellationToken ct = default)
    {
        using var buffer = new MemoryStream();
        await write(buffer, ct);
        buffer.Position = 0;
        using var stream = new DotNetStreamReference(buffer, leaveOpen: true);
        await using var module = await js.InvokeAsync<IJSObjectReference>("import", ct, "./js/browser-download.js");
        await module.InvokeVoidAsync("saveFile", ct, fileName, contentType, stream);
    }
}
