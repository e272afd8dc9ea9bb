using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using LineCrm.Messaging.Client;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace LineCrm.Messaging.Http;

/// <summary>
/// Builds the Polly pipeline every attempt goes through: a retry (exponential backoff with jitter, honouring
/// <c>Retry-After</c>) around a per-attempt timeout. Whether an outcome may be retried depends on the operation's
/// <see cref="RetryMode"/>, carried in the resilience context.
/// </summary>
internal static class LineResilience
{
    public static readonly ResiliencePropertyKey<LineOperationInfo> OperationKey = new("LineCrm.Messaging.Operation");

    public static ResiliencePipeline<LineRawResponse> Build(LineMessagingOptions options, ILogger logger, TimeProvider timeProvider)
    {
        var builder = new ResiliencePipelineBuilder<LineRawResponse> { TimeProvider = timeProvider };
        var retry = options.Retry;
        if (retry.MaxRetries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions<LineRawResponse>
            {
                MaxRetryAttempts = retry.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = retry.BaseDelay,
                MaxDelay = retry.MaxDelay,
                ShouldHandle = args => ValueTask.FromResult(
                    ShouldRetry(Operation(args.Context), args.Outcome, retry.MaxRetryAfter, args.Context.CancellationToken)),
                DelayGenerator = args => ValueTask.FromResult(args.Outcome.Result?.RetryAfter),
                OnRetry = args =>
                {
                    var operation = Operation(args.Context);
                    LineMessagingTelemetry.Retries.Add(1, new KeyValuePair<string, object?>("operation", operation.OperationId));
                    Log.Retrying(logger, operation.OperationId, args.AttemptNumber + 1, Reason(args.Outcome), args.RetryDelay);
                    return default;
                },
            });
        }

        builder.AddTimeout(new TimeoutStrategyOptions { Timeout = options.AttemptTimeout });
        return builder.Build();
    }

    /// <summary>
    /// The retry rule. Connection failures before anything was sent and 429s are always retried: LINE did not act on
    /// the request. 5xx, timeouts and connections dropped after sending are retried unless the operation must not
    /// be repeated once LINE may have seen it (a reply). Other 4xx are final.
    /// </summary>
    internal static bool ShouldRetry(
        LineOperationInfo operation, Outcome<LineRawResponse> outcome, TimeSpan maxRetryAfter, CancellationToken callerToken)
    {
        var mayHaveReachedLine = operation.Retry != RetryMode.BeforeSendOnly;
        if (outcome.Exception is { } exception)
        {
            return exception switch
            {
                _ when callerToken.IsCancellationRequested => false,
                HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError } => true,
                HttpRequestException { InnerException: SocketException { SocketErrorCode: SocketError.ConnectionRefused } } => true,
                HttpRequestException or IOException or TimeoutRejectedException or OperationCanceledException => mayHaveReachedLine,
                _ => false,
            };
        }

        var response = outcome.Result!;
        return response.Status switch
        {
            (int)HttpStatusCode.TooManyRequests => response.RetryAfter is not { } wait || wait <= maxRetryAfter,
            >= 500 => mayHaveReachedLine,
            _ => false,
        };
    }

    private static LineOperationInfo Operation(ResilienceContext context) =>
        context.Properties.GetValue(OperationKey, LineOperations.ReplyMessage);

    private static string Reason(Outcome<LineRawResponse> outcome) =>
        outcome.Exception is { } exception ? exception.GetType().Name : $"HTTP {outcome.Result!.Status}";
}
