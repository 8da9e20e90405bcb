namespace SpecialistRegistry.Files;

/// <summary>
/// The one way an endpoint sends a table file: streamed to the response as it is written, with the format's
/// content type and file name, and <c>Cache-Control: no-store</c> (exports carry personal data; no browser or
/// proxy may keep a copy).
/// </summary>
public static class TableDownload
{
    public static IResult Stream(TableFormat format, string fileName, Func<Stream, CancellationToken, Task> write) =>
        new NoStore(Results.Stream(body => write(body, CancellationToken.None), format.ContentType(), fileName));

    private sealed class NoStore(IResult inner) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.Headers.CacheControl = "no-store";
            httpContext.Response.Headers.Pragma = "no-cache";
            return inner.ExecuteAsync(httpContext);
        }
    }
}
