namespace LineCrm.Messaging.Http;

/// <summary>One attempt's answer, read whole inside the attempt so a connection dropped mid-body counts as a failed attempt.</summary>
/// <param name="Status">The HTTP status.</param>
/// <param name="RequestId"><c>x-line-request-id</c>.</param>
/// <param name="AcceptedRequestId"><c>x-line-accepted-request-id</c> (on a 409 for a retry key LINE already accepted).</param>
/// <param name="RetryAfter">The <c>Retry-After</c> delay, when given.</param>
/// <param name="Body">The body bytes (possibly empty).</param>
internal sealed record LineRawResponse(int Status, string? RequestId, string? AcceptedRequestId, TimeSpan? RetryAfter, byte[] Body)
{
    public bool IsSuccess => Status is >= 200 and < 300;

    /// <summary>
    /// For a streamed call answered 200: the open response whose body has not been read. The caller owns it and
    /// must dispose it. Null for any other answer, whose body is in <see cref="Body"/>.
    /// </summary>
    public HttpResponseMessage? Open { get; init; }
}
