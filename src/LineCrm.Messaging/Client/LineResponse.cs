namespace LineCrm.Messaging.Client;

/// <summary>
/// What a successful call to the LINE Messaging API returned beside its body: the HTTP status and LINE's request id
/// (<c>x-line-request-id</c>), which LINE support asks for.
/// </summary>
/// <param name="Status">The HTTP status code, for example 200 or 202; 409 when <see cref="AcceptedRequestId"/> is set.</param>
/// <param name="RequestId">LINE's id of this request (<c>x-line-request-id</c>), when LINE sent one.</param>
public record LineResponse(int Status, string? RequestId)
{
    /// <summary>
    /// Set when LINE answered 409 to a send whose retry key it had already accepted: the send is a success, and this
    /// is the request id of the earlier accepted request (<c>x-line-accepted-request-id</c>). The message was
    /// delivered once, not twice.
    /// </summary>
    public string? AcceptedRequestId { get; init; }

    /// <summary>True when LINE had already accepted this send's retry key (see <see cref="AcceptedRequestId"/>).</summary>
    public bool WasAlreadyAccepted => AcceptedRequestId is not null;
}

/// <summary>A successful response with a typed body.</summary>
/// <typeparam name="T">The body's type.</typeparam>
/// <param name="Status">The HTTP status code.</param>
/// <param name="RequestId">LINE's request id (<c>x-line-request-id</c>).</param>
/// <param name="Value">The response body.</param>
public sealed record LineResponse<T>(int Status, string? RequestId, T Value) : LineResponse(Status, RequestId);
