using System.Globalization;
using System.Text.Json.Serialization.Metadata;
using LineCrm.Messaging.Http;
using LineCrm.Messaging.Serialization;

namespace LineCrm.Messaging.Client;

public partial class LineMessagingClient
{
    /// <summary>This month's message target limit.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    [LineOperation("getMessageQuota")]
    public virtual Task<LineResponse<MessageQuotaResponse>> GetMessageQuotaAsync(CancellationToken cancellationToken = default) =>
        Get(LineOperations.GetMessageQuota, "v2/bot/message/quota", LineJsonContext.Default.MessageQuotaResponse, cancellationToken);

    /// <summary>Messages sent this month that count against the quota.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    [LineOperation("getMessageQuotaConsumption")]
    public virtual Task<LineResponse<QuotaConsumptionResponse>> GetMessageQuotaConsumptionAsync(CancellationToken cancellationToken = default) =>
        Get(LineOperations.GetMessageQuotaConsumption, "v2/bot/message/quota/consumption", LineJsonContext.Default.QuotaConsumptionResponse, cancellationToken);

    /// <summary>Reply messages sent on <paramref name="day"/> (a calendar day in Japan time, UTC+9, as LINE counts).</summary>
    /// <param name="day">The day, in UTC+9.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    [LineOperation("getNumberOfSentReplyMessages")]
    public virtual Task<LineResponse<NumberOfMessagesResponse>> GetNumberOfSentReplyMessagesAsync(DateOnly day, CancellationToken cancellationToken = default) =>
        SentCount(LineOperations.GetNumberOfSentReplyMessages, "reply", day, cancellationToken);

    /// <summary>Push messages sent on <paramref name="day"/> (UTC+9).</summary>
    /// <param name="day">The day, in UTC+9.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    [LineOperation("getNumberOfSentPushMessages")]
    public virtual Task<LineResponse<NumberOfMessagesResponse>> GetNumberOfSentPushMessagesAsync(DateOnly day, CancellationToken cancellationToken = default) =>
        SentCount(LineOperations.GetNumberOfSentPushMessages, "push", day, cancellationToken);

    /// <summary>Multicast messages sent on <paramref name="day"/> (UTC+9).</summary>
    /// <param name="day">The day, in UTC+9.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    [LineOperation("getNumberOfSentMulticastMessages")]
    public virtual Task<LineResponse<NumberOfMessagesResponse>> GetNumberOfSentMulticastMessagesAsync(DateOnly day, CancellationToken cancellationToken = default) =>
        SentCount(LineOperations.GetNumberOfSentMulticastMessages, "multicast", day, cancellationToken);

    /// <summary>Broadcast messages sent on <paramref name="day"/> (UTC+9).</summary>
    /// <param name="day">The day, in UTC+9.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    [LineOperation("getNumberOfSentBroadcastMessages")]
    public virtual Task<LineResponse<NumberOfMessagesResponse>> GetNumberOfSentBroadcastMessagesAsync(DateOnly day, CancellationToken cancellationToken = default) =>
        SentCount(LineOperations.GetNumberOfSentBroadcastMessages, "broadcast", day, cancellationToken);

    private Task<LineResponse<NumberOfMessagesResponse>> SentCount(
        LineOperationInfo operation, string kind, DateOnly day, CancellationToken cancellationToken) =>
        Get(operation, $"v2/bot/message/delivery/{kind}?date={day.ToString("yyyyMMdd", CultureInfo.InvariantCulture)}",
            LineJsonContext.Default.NumberOfMessagesResponse, cancellationToken);

    private Task<LineResponse<TResponse>> Get<TResponse>(
        LineOperationInfo operation, string path, JsonTypeInfo<TResponse> responseInfo, CancellationToken cancellationToken) =>
        SendAsync<object, TResponse>(operation, path, null, null, responseInfo, retryKey: null, whenAlreadyAccepted: null, cancellationToken);
}
