namespace LineCrm.Messaging.Content;

/// <summary>
/// Content downloaded from LINE's data host, streamed: the body is read as the caller reads <see cref="Stream"/>,
/// so a video is never held whole in memory. Dispose it to release the connection.
/// </summary>
public sealed class LineContentDownload : IAsyncDisposable, IDisposable
{
    private readonly HttpResponseMessage _response;

    internal LineContentDownload(HttpResponseMessage response, Stream stream, int status, string? requestId)
    {
        _response = response;
        Stream = stream;
        Status = status;
        RequestId = requestId;
    }

    /// <summary>The body, read from the network as it is consumed.</summary>
    public Stream Stream { get; }

    /// <summary>The content type LINE declared, for example <c>image/jpeg</c>.</summary>
    public string? ContentType => _response.Content.Headers.ContentType?.MediaType;

    /// <summary>The body's length when LINE declared it.</summary>
    public long? ContentLength => _response.Content.Headers.ContentLength;

    /// <summary>The HTTP status.</summary>
    public int Status { get; }

    /// <summary>LINE's request id.</summary>
    public string? RequestId { get; }

    /// <summary>Copies the body to <paramref name="destination"/> without buffering it whole.</summary>
    /// <param name="destination">Where to write.</param>
    /// <param name="cancellationToken">Cancels the copy.</param>
    public Task CopyToAsync(Stream destination, CancellationToken cancellationToken = default) =>
        Stream.CopyToAsync(destination, cancellationToken);

    /// <inheritdoc />
    public void Dispose()
    {
        Stream.Dispose();
        _response.Dispose();
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await Stream.DisposeAsync().ConfigureAwait(false);
        _response.Dispose();
    }
}
