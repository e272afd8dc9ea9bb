using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using LineCrm.Messaging.Http;
using LineCrm.Messaging.Serialization;
using LineCrm.Messaging.Tokens;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace LineCrm.Messaging.Client;

/// <summary>
/// The typed client of one LINE channel's Messaging API. Thread-safe; keep one per channel (dependency injection
/// does: <c>services.AddLineMessaging(...)</c>). Every call goes through one pipeline: client-side rate limits, the
/// channel token, a retry key for sends, Polly retries and timeouts, and <see cref="LineApiException"/> for errors.
/// </summary>
/// <remarks>
/// Every operation is <see langword="virtual"/> so it can be replaced in users' tests (derive, or use a mocking
/// library; the protected parameterless constructor builds an instance that sends nothing). Each operation names
/// the LINE operationId it implements with <see cref="LineOperationAttribute"/>.
/// </remarks>
public partial class LineMessagingClient : IDisposable
{
    private readonly LineTransport? _transport;

    /// <summary>Creates a client that sends through <paramref name="httpClient"/>.</summary>
    /// <param name="httpClient">
    /// The HttpClient to send with; its <c>BaseAddress</c> is not used (see <see cref="LineMessagingOptions.ApiBaseAddress"/>).
    /// Its <c>Timeout</c> bounds every attempt on top of <see cref="LineMessagingOptions.AttemptTimeout"/>.
    /// </param>
    /// <param name="options">The channel's settings; checked here.</param>
    /// <param name="tokenProvider">Where tokens come from; when null, <see cref="LineMessagingOptions.ChannelAccessToken"/> is used.</param>
    /// <param name="logger">Where to log; nothing is logged when null.</param>
    /// <param name="timeProvider">The clock for backoff and timeouts; the system clock when null.</param>
    /// <exception cref="ArgumentException">The options are invalid, or there is neither a token provider nor a token.</exception>
    public LineMessagingClient(
        HttpClient httpClient,
        LineMessagingOptions options,
        ILineChannelTokenProvider? tokenProvider = null,
        ILogger<LineMessagingClient>? logger = null,
        TimeProvider? timeProvider = null)
        : this(Required(httpClient), options, tokenProvider, logger, timeProvider)
    {
    }

    /// <summary>Creates an instance that sends nothing, for mocking frameworks and test doubles that override the operations.</summary>
    protected LineMessagingClient()
    {
    }

    internal LineMessagingClient(
        Func<HttpClient> httpClient,
        LineMessagingOptions options,
        ILineChannelTokenProvider? tokenProvider,
        ILogger? logger,
        TimeProvider? timeProvider)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = options.Validate();
        if (problems.Count > 0)
        {
            throw new ArgumentException("Invalid LINE messaging options: " + string.Join(" ", problems), nameof(options));
        }

        tokenProvider ??= options.ChannelAccessToken is { } token
            ? new FixedChannelTokenProvider(token)
            : throw new ArgumentException(
                "No channel access token: set LineMessagingOptions.ChannelAccessToken or pass an ILineChannelTokenProvider.",
                nameof(tokenProvider));
        _transport = new LineTransport(
            httpClient, options, tokenProvider, logger ?? NullLogger.Instance, timeProvider ?? TimeProvider.System);
    }

    /// <summary>Releases the client-side rate limiters' timers.</summary>
    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Releases resources; override to release a derived client's own.</summary>
    /// <param name="disposing">True when called from <see cref="Dispose()"/>.</param>
    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            _transport?.Dispose();
        }
    }

    private LineTransport Transport => _transport
        ?? throw new InvalidOperationException(
            "This LineMessagingClient was built with the protected constructor for mocking; override the operation you call.");

    private static Func<HttpClient> Required(HttpClient httpClient)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        return () => httpClient;
    }

    /// <summary>Sends a request with a JSON body (or none) and reads a typed answer.</summary>
    private async Task<LineResponse<TResponse>> SendAsync<TRequest, TResponse>(
        LineOperationInfo operation,
        string path,
        TRequest? request,
        JsonTypeInfo<TRequest>? requestInfo,
        JsonTypeInfo<TResponse> responseInfo,
        Guid? retryKey,
        Func<LineErrorBody?, TResponse>? whenAlreadyAccepted,
        CancellationToken cancellationToken)
    {
        var body = requestInfo is null ? null : JsonSerializer.SerializeToUtf8Bytes(request!, requestInfo);
        var raw = await Transport.SendAsync(operation, path, body, retryKey, cancellationToken).ConfigureAwait(false);
        if (raw.AcceptedRequestId is not null && whenAlreadyAccepted is not null)
        {
            var value = whenAlreadyAccepted(LineTransport.ReadErrorBody(raw.Body));
            return new LineResponse<TResponse>(raw.Status, raw.RequestId, value) { AcceptedRequestId = raw.AcceptedRequestId };
        }

        var result = JsonSerializer.Deserialize(raw.Body, responseInfo)
            ?? throw new JsonException($"LINE {operation.OperationId} answered with an empty body where {typeof(TResponse).Name} was expected.");
        return new LineResponse<TResponse>(raw.Status, raw.RequestId, result) { AcceptedRequestId = raw.AcceptedRequestId };
    }

    /// <summary>Sends a request whose answer has no body worth reading.</summary>
    private async Task<LineResponse> SendAsync<TRequest>(
        LineOperationInfo operation,
        string path,
        TRequest? request,
        JsonTypeInfo<TRequest>? requestInfo,
        Guid? retryKey,
        CancellationToken cancellationToken)
    {
        var body = requestInfo is null ? null : JsonSerializer.SerializeToUtf8Bytes(request!, requestInfo);
        var raw = await Transport.SendAsync(operation, path, body, retryKey, cancellationToken).ConfigureAwait(false);
        return new LineResponse(raw.Status, raw.RequestId) { AcceptedRequestId = raw.AcceptedRequestId };
    }

    private static string Escape(string segment) => Uri.EscapeDataString(segment);
}
