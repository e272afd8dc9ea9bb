using LineCrm.Messaging.Http;
using LineCrm.Messaging.Messages;
using LineCrm.Messaging.Messages.Validation;
using LineCrm.Messaging.Serialization;

namespace LineCrm.Messaging.Client;

public partial class LineMessagingClient
{
    /// <summary>
    /// Replies to a webhook event with 1 to 5 messages. Not retried once the request may have reached LINE, because
    /// a reply token works once: only a connection that could not be opened, or a 429, is retried.
    /// </summary>
    /// <param name="request">The reply token and messages.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="ArgumentException">A message breaks a documented limit; nothing was sent.</exception>
    /// <exception cref="LineApiException">LINE refused the reply.</exception>
    [LineOperation("replyMessage")]
    public virtual Task<LineResponse<ReplyMessageResponse>> ReplyMessageAsync(
        ReplyMessageRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentException.ThrowIfNullOrEmpty(request.ReplyToken, "replyToken");
        MessageValidator.ValidateMessages(request.Messages);
        return SendAsync(
            LineOperations.ReplyMessage,
            "v2/bot/message/reply",
            request,
            LineJsonContext.Default.ReplyMessageRequest,
            LineJsonContext.Default.ReplyMessageResponse,
            retryKey: null,
            whenAlreadyAccepted: null,
            cancellationToken);
    }

    /// <summary>Replies with messages: <c>await client.ReplyMessageAsync(e.ReplyToken, [new TextMessage("Hi!")])</c>.</summary>
    /// <param name="replyToken">The reply token of the webhook event.</param>
    /// <param name="messages">1 to 5 messages.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public virtual Task<LineResponse<ReplyMessageResponse>> ReplyMessageAsync(
        string replyToken, IReadOnlyList<Message> messages, CancellationToken cancellationToken = default) =>
        ReplyMessageAsync(new ReplyMessageRequest(replyToken, messages), cancellationToken);

    /// <summary>Replies with one text: <c>await client.ReplyTextAsync(e.ReplyToken, "Thanks!")</c>.</summary>
    /// <param name="replyToken">The reply token of the webhook event.</param>
    /// <param name="text">The text, 1 to 5,000 characters.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public virtual Task<LineResponse<ReplyMessageResponse>> ReplyTextAsync(
        string replyToken, string text, CancellationToken cancellationToken = default) =>
        ReplyMessageAsync(new ReplyMessageRequest(replyToken, [new TextMessage(text)]), cancellationToken);

    /// <summary>
    /// Pushes 1 to 5 messages to a user, group or room. Every attempt carries the same <c>X-Line-Retry-Key</c>, so a
    /// retry after a lost answer cannot deliver twice: LINE answers 409 and the call reports success with
    /// <see cref="LineResponse.AcceptedRequestId"/>.
    /// </summary>
    /// <param name="request">The recipient and messages.</param>
    /// <param name="retryKey">The retry key of this logical send; a new one when null. Pass your own to make a send
    /// safe to repeat across process restarts (LINE remembers keys for 24 hours).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="ArgumentException">A message breaks a documented limit; nothing was sent.</exception>
    /// <exception cref="LineApiException">LINE refused the push.</exception>
    [LineOperation("pushMessage")]
    public virtual Task<LineResponse<PushMessageResponse>> PushMessageAsync(
        PushMessageRequest request, Guid? retryKey = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentException.ThrowIfNullOrEmpty(request.To, "to");
        MessageValidator.ValidateMessages(request.Messages);
        return SendAsync(
            LineOperations.PushMessage,
            "v2/bot/message/push",
            request,
            LineJsonContext.Default.PushMessageRequest,
            LineJsonContext.Default.PushMessageResponse,
            RetryKeys.OrNew(retryKey),
            error => new PushMessageResponse(error?.SentMessages ?? []),
            cancellationToken);
    }

    /// <summary>Pushes messages: <c>await client.PushMessageAsync(userId, [new TextMessage("Your order shipped")])</c>.</summary>
    /// <param name="recipient">The user, group or room id (the request's <c>to</c>).</param>
    /// <param name="messages">1 to 5 messages.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public virtual Task<LineResponse<PushMessageResponse>> PushMessageAsync(
        string recipient, IReadOnlyList<Message> messages, CancellationToken cancellationToken = default) =>
        PushMessageAsync(new PushMessageRequest(recipient, messages), retryKey: null, cancellationToken);
}
