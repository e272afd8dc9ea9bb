using LineCrm.Messaging.Http;
using LineCrm.Messaging.Messages.Validation;
using LineCrm.Messaging.Serialization;

namespace LineCrm.Messaging.Client;

public partial class LineMessagingClient
{
    /// <summary>The most user ids one multicast may carry.</summary>
    public const int MaxMulticastRecipients = 500;

    /// <summary>
    /// Sends the same messages to 1 to 500 users. Rate-limited client-side (200/s by default); every attempt carries
    /// the same retry key, and a 409 for it is reported as success with <see cref="LineResponse.AcceptedRequestId"/>.
    /// </summary>
    /// <param name="request">The user ids and messages.</param>
    /// <param name="retryKey">This send's retry key; a new one when null.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="ArgumentException">A documented limit is broken; nothing was sent.</exception>
    /// <exception cref="LineApiException">LINE refused.</exception>
    [LineOperation("multicast")]
    public virtual Task<LineResponse> MulticastAsync(
        MulticastRequest request, Guid? retryKey = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        LineLimits.Count(request.To, "to", 1, MaxMulticastRecipients);
        for (var i = 0; i < request.To.Count; i++)
        {
            LineLimits.Length(request.To[i], $"to[{i}]", 1, 100);
        }

        LineLimits.MaxCount(request.CustomAggregationUnits, "customAggregationUnits", 1);
        MessageValidator.ValidateMessages(request.Messages);
        return SendAsync(
            LineOperations.Multicast, "v2/bot/message/multicast", request, LineJsonContext.Default.MulticastRequest,
            RetryKeys.OrNew(retryKey), cancellationToken);
    }

    /// <summary>
    /// Sends messages to an audience, filtered and limited (LINE sends asynchronously: follow it with
    /// <see cref="GetNarrowcastProgressAsync"/> using <see cref="LineResponse.RequestId"/>). Rate-limited to 60 an hour by default.
    /// </summary>
    /// <param name="request">Messages, recipient, filter and limit.</param>
    /// <param name="retryKey">This send's retry key; a new one when null.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    [LineOperation("narrowcast")]
    public virtual Task<LineResponse> NarrowcastAsync(
        NarrowcastRequest request, Guid? retryKey = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        MessageValidator.ValidateMessages(request.Messages);
        LineLimits.Range(request.Limit?.Max, "limit.max", 1, int.MaxValue);
        return SendAsync(
            LineOperations.Narrowcast, "v2/bot/message/narrowcast", request, LineJsonContext.Default.NarrowcastRequest,
            RetryKeys.OrNew(retryKey), cancellationToken);
    }

    /// <summary>The progress of a narrowcast.</summary>
    /// <param name="requestId">The narrowcast's request id (<see cref="LineResponse.RequestId"/> of <see cref="NarrowcastAsync"/>).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    [LineOperation("getNarrowcastProgress")]
    public virtual Task<LineResponse<NarrowcastProgressResponse>> GetNarrowcastProgressAsync(
        string requestId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(requestId);
        return Get(LineOperations.GetNarrowcastProgress, $"v2/bot/message/progress/narrowcast?requestId={Escape(requestId)}",
            LineJsonContext.Default.NarrowcastProgressResponse, cancellationToken);
    }

    /// <summary>Sends messages to every friend of the account. Rate-limited to 60 an hour by default.</summary>
    /// <param name="request">The messages.</param>
    /// <param name="retryKey">This send's retry key; a new one when null.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    [LineOperation("broadcast")]
    public virtual Task<LineResponse> BroadcastAsync(
        BroadcastRequest request, Guid? retryKey = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        MessageValidator.ValidateMessages(request.Messages);
        return SendAsync(
            LineOperations.Broadcast, "v2/bot/message/broadcast", request, LineJsonContext.Default.BroadcastRequest,
            RetryKeys.OrNew(retryKey), cancellationToken);
    }
}
