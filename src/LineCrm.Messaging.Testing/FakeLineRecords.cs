namespace LineCrm.Messaging.Testing;

/// <summary>One request the fake received, and what it did with it.</summary>
/// <param name="OperationId">The operation, or null when no route matched.</param>
/// <param name="Method">The HTTP method.</param>
/// <param name="Host">Which host port it arrived on.</param>
/// <param name="PathAndQuery">The path and query string.</param>
/// <param name="Authorization">The Authorization header as sent.</param>
/// <param name="RetryKey">The <c>X-Line-Retry-Key</c> header, when sent.</param>
/// <param name="Body">The body as text ("" when none).</param>
/// <param name="Status">The status answered; 0 when the connection was dropped or the answer never finished.</param>
/// <param name="Fault">The fault played, if any.</param>
public sealed record FakeLineRecordedRequest(
    string? OperationId,
    string Method,
    FakeLineHost Host,
    string PathAndQuery,
    string? Authorization,
    string? RetryKey,
    string Body,
    int Status,
    FakeLineFaultKind? Fault);

/// <summary>A send LINE accepted: who it went to and what.</summary>
/// <param name="OperationId">pushMessage, multicast, narrowcast or broadcast.</param>
/// <param name="RequestId">The request id LINE gave it.</param>
/// <param name="RetryKey">The retry key it carried.</param>
/// <param name="Recipients">The user ids (push and multicast); empty for narrowcast and broadcast.</param>
/// <param name="MessagesJson">The <c>messages</c> array as JSON.</param>
public sealed record FakeLineDelivery(
    string OperationId, string RequestId, string? RetryKey, IReadOnlyList<string> Recipients, string MessagesJson);
