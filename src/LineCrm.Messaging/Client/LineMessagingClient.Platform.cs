using System.Net;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using LineCrm.Messaging.Content;
using LineCrm.Messaging.Http;

namespace LineCrm.Messaging.Client;

/// <summary>The helpers the platform operations share: reads, non-JSON bodies, streamed downloads and paging.</summary>
public partial class LineMessagingClient
{
    /// <summary>A request without a body whose JSON answer is read as <typeparamref name="T"/>.</summary>
    private async Task<LineResponse<T>> GetAsync<T>(
        LineOperationInfo operation, string path, JsonTypeInfo<T> info, CancellationToken cancellationToken)
    {
        var raw = await Transport.SendAsync(operation, path, content: null, null, streamed: false, cancellationToken).ConfigureAwait(false);
        return new LineResponse<T>(raw.Status, raw.RequestId, ReadBody(operation, raw, info));
    }

    /// <summary>A request without a body (delete, leave, link) whose answer has nothing to read.</summary>
    private async Task<LineResponse> CallAsync(LineOperationInfo operation, string path, CancellationToken cancellationToken)
    {
        var raw = await Transport.SendAsync(operation, path, content: null, null, streamed: false, cancellationToken).ConfigureAwait(false);
        return new LineResponse(raw.Status, raw.RequestId);
    }

    /// <summary>A request with a body that is not JSON (an image, a multipart file), built afresh for every attempt.</summary>
    private async Task<LineRawResponse> SendContentAsync(
        LineOperationInfo operation, string path, Func<HttpContent> content, CancellationToken cancellationToken) =>
        await Transport.SendAsync(operation, path, content, null, streamed: false, cancellationToken).ConfigureAwait(false);

    /// <summary>
    /// A download whose body is handed to the caller unread, to be streamed. Only a 200 is content: any other success
    /// (LINE's 202 while it prepares a video or audio) throws <see cref="LineApiException"/> with its status, the
    /// transport having already read that answer and released its connection. <paramref name="whenNotReady"/> tells
    /// the caller what to do about a 202.
    /// </summary>
    private async Task<LineContentDownload> DownloadAsync(
        LineOperationInfo operation, string path, CancellationToken cancellationToken, string? whenNotReady = null)
    {
        var raw = await Transport.SendAsync(operation, path, content: null, null, streamed: true, cancellationToken).ConfigureAwait(false);
        if (raw.Open is not { } response)
        {
            // Never hand back an empty stream as if it were the content.
            var error = LineTransport.ReadErrorBody(raw.Body);
            var advice = raw.Status == (int)HttpStatusCode.Accepted && whenNotReady is not null
                ? whenNotReady
                : "The answer carries no content to download.";
            throw new LineApiException(operation.OperationId, (HttpStatusCode)raw.Status, error?.Text, error?.Details, raw.RequestId, advice);
        }

        try
        {
            var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            return new LineContentDownload(response, stream, raw.Status, raw.RequestId);
        }
        catch
        {
            // Nobody else holds the open response yet: without this, a cancelled call would leak the connection.
            response.Dispose();
            throw;
        }
    }

    private static T ReadBody<T>(LineOperationInfo operation, LineRawResponse raw, JsonTypeInfo<T> info) =>
        JsonSerializer.Deserialize(raw.Body, info)
        ?? throw new JsonException($"LINE {operation.OperationId} answered with an empty body where {typeof(T).Name} was expected.");

    /// <summary>Follows a list's continuation tokens until the end, yielding items as pages arrive.</summary>
    private static async IAsyncEnumerable<TItem> PagesAsync<TPage, TItem>(
        Func<string?, CancellationToken, Task<LineResponse<TPage>>> fetch,
        Func<TPage, IEnumerable<TItem>?> items,
        Func<TPage, string?> next,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        string? token = null;
        do
        {
            var page = (await fetch(token, cancellationToken).ConfigureAwait(false)).Value;
            foreach (var item in items(page) ?? [])
            {
                yield return item;
            }

            var following = next(page);
            if (following is not null && following == token)
            {
                // A server that repeats its token would make this loop for ever; better to stop and say so.
                throw new InvalidOperationException($"LINE returned the same continuation token twice ('{following}').");
            }

            token = following;
        }
        while (!string.IsNullOrEmpty(token));
    }

    private static string Query(params (string Name, string? Value)[] parameters)
    {
        var present = parameters.Where(p => p.Value is not null).Select(p => p.Name + "=" + Uri.EscapeDataString(p.Value!)).ToArray();
        return present.Length == 0 ? string.Empty : "?" + string.Join('&', present);
    }
}
