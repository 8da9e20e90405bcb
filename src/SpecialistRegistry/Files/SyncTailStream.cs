namespace SpecialistRegistry.Files;

/// <summary>
/// A write-only view of a response body for zip writers. SpreadCheetah writes its data asynchronously, but the
/// zip archive underneath writes each entry's trailer and the central directory synchronously (a few hundred
/// bytes), which ASP.NET Core refuses on a response. Those bytes wait here and go out with the next
/// asynchronous write or <see cref="FlushTailAsync"/>, in order, so the whole file still streams.
/// </summary>
internal sealed class SyncTailStream(Stream inner) : Stream
{
    private readonly MemoryStream _tail = new();

    public override bool CanRead => false;
    public override bool CanSeek => false;
    public override bool CanWrite => true;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override void Write(byte[] buffer, int offset, int count) => _tail.Write(buffer, offset, count);

    public override void Write(ReadOnlySpan<byte> buffer) => _tail.Write(buffer);

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        await FlushTailAsync(cancellationToken);
        await inner.WriteAsync(buffer, cancellationToken);
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public async Task FlushTailAsync(CancellationToken ct)
    {
        if (_tail.Length == 0)
            return;
        await inner.WriteAsync(_tail.GetBuffer().AsMemory(0, (int)_tail.Length), ct);
        _tail.SetLength(0);
    }

    public override async Task FlushAsync(CancellationToken cancellationToken)
    {
        await FlushTailAsync(cancellationToken);
        await inner.FlushAsync(cancellationToken);
    }

    // Synchronous flushes come from the zip archive closing entries; the bytes go out with the next async call.
    public override void Flush()
    {
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
            _tail.Dispose();
        base.Dispose(disposing);
    }
}
