using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using LineCrm.Messaging.Client;
using LineCrm.Messaging.Serialization;
using LineCrm.Messaging.Tokens;
using Microsoft.Extensions.Logging;
using Polly;

namespace LineCrm.Messaging.Http;

/// <summary>
/// The one send pipeline every client method uses: rate limit, token, retry key, Polly retries and timeouts,
/// telemetry, and turning LINE's errors into <see cref="LineApiException"/>. A new operation only needs a
/// <see cref="LineOperationInfo"/> and a path.
/// </summary>
internal sealed class LineTransport : IDisposable
{
    private static readonly MediaTypeHeaderValue JsonContentType = new("application/json") { CharSet = "utf-8" };
    private static readonly ProductInfoHeaderValue UserAgent = new("LineCrm.Messaging", typeof(LineTransport).Assembly.GetName().Version?.ToString(3));

    private readonly Func<HttpClient> _httpClient;
    private readonly LineMessagingOptions _options;
    private readonly ILineChannelTokenProvider _tokens;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly LineRateLimiters _limiters;
    private readonly ResiliencePipeline<LineRawResponse> _pipeline;
    private readonly Uri _apiRoot;
    private readonly Uri _dataRoot;

    public LineTransport(
        Func<HttpClient> httpClient,
        LineMessagingOptions options,
        ILineChannelTokenProvider tokens,
        ILogger logger,
        TimeProvider time)
    {
        _httpClient = httpClient;
        _options = options;
        _tokens = tokens;
        _logger = logger;
        _time = time;
        _limiters = new LineRateLimiters(options.RateLimits);
        _pipeline = LineResilience.Build(options, logger, time);
        _apiRoot = AsDirectory(options.ApiBaseAddress);
        _dataRoot = AsDirectory(options.DataApiBaseAddress);
    }

    /// <summary>
    /// Sends <paramref name="body"/> (already JSON) to <paramref name="relativePath"/> and returns LINE's successful
    /// answer: a 2xx, or a 409 for a retry key LINE had already accepted.
    /// </summary>
    /// <exception cref="LineApiException">LINE answered with an error status, after any allowed retries.</exception>
    /// <exception cref="TimeoutException">The last attempt timed out.</exception>
    /// <exception cref="HttpRequestException">The last attempt failed in the network.</exception>
    public Task<LineRawResponse> SendAsync(
        LineOperationInfo operation, string relativePath, byte[]? body, Guid? retryKey, CancellationToken cancellationToken) =>
        SendAsync(operation, relativePath, body is null ? null : () => JsonContent(body), retryKey, streamed: false, cancellationToken);

    /// <summary>
    /// Sends a body built by <paramref name="content"/> (called once per attempt, since HttpContent is single-use:
    /// form fields, an image, a multipart file). With <paramref name="streamed"/>, a 200 answer's body is not read:
    /// <see cref="LineRawResponse.Open"/> holds the response for the caller to stream and dispose. Any other answer
    /// (a 202 "not ready yet" included) is read whole and its connection released, like a call that is not streamed.
    /// </summary>
    public Task<LineRawResponse> SendAsync(
        LineOperationInfo operation,
        string relativePath,
        Func<HttpContent>? content,
        Guid? retryKey,
        bool streamed,
        CancellationToken cancellationToken) =>
        SendAsync(operation, relativePath, content, retryKey, streamed, headers: null, cancellationToken);

    /// <summary>
    /// Sends a JSON body with request headers of the operation's own (<c>X-Line-Delivery-Tag</c>, say), set on every
    /// attempt beside the pipeline's.
    /// </summary>
    public Task<LineRawResponse> SendWithHeadersAsync(
        LineOperationInfo operation,
        string relativePath,
        byte[] body,
        IReadOnlyList<KeyValuePair<string, string>> headers,
        CancellationToken cancellationToken) =>
        SendAsync(operation, relativePath, () => JsonContent(body), retryKey: null, streamed: false, headers, cancellationToken);

    private async Task<LineRawResponse> SendAsync(
        LineOperationInfo operation,
        string relativePath,
        Func<HttpContent>? content,
        Guid? retryKey,
        bool streamed,
        IReadOnlyList<KeyValuePair<string, string>>? headers,
        CancellationToken cancellationToken)
    {
        using var activity = LineMessagingTelemetry.Source.StartActivity(operation.OperationId, ActivityKind.Client);
        activity?.SetTag("line.operation", operation.OperationId);
        if (retryKey is { } key)
        {
            activity?.SetTag("line.retry_key", key.ToString("D"));
        }

        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(LineResilience.OperationKey, operation);
        LineRawResponse response;
        try
        {
            var attempt = new Attempt(this, operation, BuildUri(operation, relativePath), content, retryKey, streamed, headers);
            response = await _pipeline.ExecuteAsync(
                static (ctx, state) => state.Transport.AttemptAsync(state, ctx.CancellationToken), context, attempt)
                .ConfigureAwait(false);
        }
        catch (Polly.Timeout.TimeoutRejectedException timeout)
        {
            activity?.SetStatus(ActivityStatusCode.Error, "timeout");
            throw new TimeoutException(
                $"LINE {operation.OperationId} did not answer within {_options.AttemptTimeout} (after any retries).", timeout);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }

        activity?.SetTag("http.response.status_code", response.Status);
        activity?.SetTag("line.request_id", response.RequestId);
        if (response.IsSuccess)
        {
            return response;
        }

        if (retryKey is not null && response.Status == 409 && response.AcceptedRequestId is { } accepted)
        {
            Log.AlreadyAccepted(_logger, operation.OperationId, accepted);
            return response;
        }

        activity?.SetStatus(ActivityStatusCode.Error, $"HTTP {response.Status}");
        throw ToException(operation, response);
    }

    public void Dispose() => _limiters.Dispose();

    /// <summary>The clock the pipeline runs on, for helpers that wait (an audience becoming ready, say).</summary>
    public TimeProvider Time => _time;

    /// <summary>Reads LINE's error body, tolerating one that is not JSON (a proxy's HTML page, say).</summary>
    internal static LineErrorBody? ReadErrorBody(byte[] body)
    {
        if (body.Length == 0)
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize(body, LineJsonContext.Default.LineErrorBody);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private LineApiException ToException(LineOperationInfo operation, LineRawResponse response)
    {
        var error = ReadErrorBody(response.Body);
        Log.Failed(_logger, operation.OperationId, response.Status, response.RequestId, error?.Text);
        return new LineApiException(operation.OperationId, (HttpStatusCode)response.Status, error?.Text, error?.Details, response.RequestId)
        {
            RetryAfter = response.RetryAfter,
        };
    }

    private Uri BuildUri(LineOperationInfo operation, string relativePath)
    {
        var root = operation.Host == LineHost.Data ? _dataRoot : _apiRoot;
        return new Uri(root, relativePath.TrimStart('/'));
    }

    private async ValueTask<LineRawResponse> AttemptAsync(Attempt attempt, CancellationToken cancellationToken)
    {
        var operation = attempt.Operation;
        await _limiters.AcquireAsync(operation.OperationId, operation.Bucket, cancellationToken).ConfigureAwait(false);
        using var request = new HttpRequestMessage(operation.Method, attempt.Uri);
        if (operation.Authenticated)
        {
            var token = await _tokens.GetAccessTokenAsync(cancellationToken).ConfigureAwait(false);
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        request.Headers.UserAgent.Add(UserAgent);
        if (attempt.RetryKey is { } key)
        {
            // Per request, never a default header: the key belongs to this logical send and all of its attempts.
            request.Headers.TryAddWithoutValidation(LineHeaders.RetryKey, key.ToString("D"));
        }

        foreach (var (name, value) in attempt.Headers ?? [])
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        if (attempt.Content is { } content)
        {
            request.Content = content();
        }

        var started = _time.GetTimestamp();
        var status = 0;
        try
        {
            var response = await _httpClient()
                .SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken)
                .ConfigureAwait(false);
            status = (int)response.StatusCode;
            // Only a 200 carries content to stream; another success (202: LINE is still preparing it) has none to hand on.
            var keepOpen = attempt.Streamed && response.StatusCode == HttpStatusCode.OK;
            byte[] bytes;
            try
            {
                // A streamed download leaves its body on the wire for the caller; anything else is read whole here.
                bytes = keepOpen ? [] : await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                if (!keepOpen)
                {
                    response.Dispose();
                }
            }

            var raw = new LineRawResponse(
                status,
                Header(response, LineHeaders.RequestId),
                Header(response, LineHeaders.AcceptedRequestId),
                RetryAfter(response),
                bytes)
            {
                Open = keepOpen ? response : null,
            };
            Log.Answered(_logger, operation.OperationId, status, raw.RequestId);
            if (status == 429)
            {
                LineMessagingTelemetry.Throttled.Add(1, new KeyValuePair<string, object?>("operation", operation.OperationId));
            }

            return raw;
        }
        finally
        {
            var tags = new TagList { { "operation", operation.OperationId }, { "status", status } };
            LineMessagingTelemetry.Requests.Add(1, tags);
            LineMessagingTelemetry.Duration.Record(_time.GetElapsedTime(started).TotalSeconds, tags);
        }
    }

    private TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        var retryAfter = response.Headers.RetryAfter;
        if (retryAfter?.Delta is { } delta)
        {
            return delta;
        }

        if (retryAfter?.Date is { } date)
        {
            var wait = date - _time.GetUtcNow();
            return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
        }

        return null;
    }

    // A base address with a path ("https://proxy/line") must end in '/' or the last segment is lost when combined.
    private static Uri AsDirectory(Uri address) =>
        address.AbsoluteUri.EndsWith('/') ? address : new Uri(address.AbsoluteUri + "/");

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;

    private static ByteArrayContent JsonContent(byte[] body) => new(body) { Headers = { ContentType = JsonContentType } };

    private sealed record Attempt(
        LineTransport Transport,
        LineOperationInfo Operation,
        Uri Uri,
        Func<HttpContent>? Content,
        Guid? RetryKey,
        bool Streamed,
        IReadOnlyList<KeyValuePair<string, string>>? Headers);
}
