namespace LineCrm.Messaging.Testing;

/// <summary>
/// A rate limit of the fake: at most <paramref name="Limit"/> requests per <paramref name="Window"/>, counted per
/// operation as LINE counts per endpoint and channel. A request past the limit is answered 429 with LINE's
/// <c>{"message":"The API rate limit has been exceeded. Try again later."}</c> and is not acted on (LINE sends
/// nothing for a 429'd push).
/// </summary>
/// <param name="Limit">Requests allowed per window; at least 1.</param>
/// <param name="Window">The window, for example one second for LINE's "2,000 requests per second".</param>
/// <param name="OperationId">The operation limited; null limits every operation, each with its own count.</param>
public sealed record FakeLineRateLimit(int Limit, TimeSpan Window, string? OperationId = null)
{
    /// <summary>
    /// Whether a 429 carries <c>Retry-After</c>: the whole seconds until the window ends, at least 1 (default true).
    /// LINE's reference does not promise the header; turn it off to test a client without it.
    /// </summary>
    public bool SendRetryAfter { get; init; } = true;
}
