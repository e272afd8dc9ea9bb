namespace LineCrm.Messaging.Http;

/// <summary>Which of LINE's two hosts an operation lives on.</summary>
internal enum LineHost
{
    /// <summary><c>api.line.me</c>.</summary>
    Api,

    /// <summary><c>api-data.line.me</c> (content uploads and downloads).</summary>
    Data,
}

/// <summary>When an operation may be sent again after a failed attempt.</summary>
internal enum RetryMode
{
    /// <summary>Safe to repeat (reads, validations, idempotent writes): 5xx, 429, timeouts and connection failures are retried.</summary>
    Always,

    /// <summary>
    /// A send carrying <c>X-Line-Retry-Key</c>: retried like <see cref="Always"/>, because LINE answers 409 to a
    /// key it already accepted instead of sending twice.
    /// </summary>
    KeyedSend,

    /// <summary>
    /// Not safe to repeat once LINE may have seen it (a reply: its token is single-use). Retried only when LINE
    /// certainly did not act on it: the connection could not be opened, or LINE answered 429.
    /// </summary>
    BeforeSendOnly,
}

/// <summary>Which client-side rate limit an operation counts against, besides the general one.</summary>
internal enum RateLimitBucket
{
    /// <summary>Only the general per-channel limit.</summary>
    General,

    /// <summary>Multicast sends.</summary>
    Multicast,

    /// <summary>Narrowcast sends.</summary>
    Narrowcast,

    /// <summary>Broadcast sends.</summary>
    Broadcast,
}

/// <summary>
/// How the shared send pipeline treats one LINE operation. Every client method passes one of these (from
/// <see cref="LineOperations"/>) to <see cref="LineTransport"/>, so new operations need no new plumbing.
/// </summary>
/// <param name="OperationId">The operationId in LINE's OpenAPI document.</param>
/// <param name="Method">The HTTP method.</param>
/// <param name="Host">The host it lives on.</param>
/// <param name="Retry">When it may be retried.</param>
/// <param name="Bucket">The rate limit it counts against besides the general one.</param>
/// <param name="Authenticated">
/// False for the channel-token endpoints, which authenticate with channel credentials in the body, not a bearer token.
/// </param>
internal sealed record LineOperationInfo(
    string OperationId,
    HttpMethod Method,
    LineHost Host = LineHost.Api,
    RetryMode Retry = RetryMode.Always,
    RateLimitBucket Bucket = RateLimitBucket.General,
    bool Authenticated = true);
