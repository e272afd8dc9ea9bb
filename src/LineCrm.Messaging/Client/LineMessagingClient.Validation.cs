using LineCrm.Messaging.Http;
using LineCrm.Messaging.Messages;
using LineCrm.Messaging.Messages.Validation;
using LineCrm.Messaging.Serialization;

namespace LineCrm.Messaging.Client;

public partial class LineMessagingClient
{
    /// <summary>Asks LINE whether messages are valid for a reply, without sending them.</summary>
    /// <param name="messages">1 to 5 messages.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="LineApiException">LINE found problems; see <see cref="LineApiException.Details"/>.</exception>
    [LineOperation("validateReply")]
    public virtual Task<LineResponse> ValidateReplyAsync(IReadOnlyList<Message> messages, CancellationToken cancellationToken = default) =>
        Validate(LineOperations.ValidateReply, "v2/bot/message/validate/reply", messages, cancellationToken);

    /// <summary>Asks LINE whether messages are valid for a push, without sending them.</summary>
    /// <param name="messages">1 to 5 messages.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    [LineOperation("validatePush")]
    public virtual Task<LineResponse> ValidatePushAsync(IReadOnlyList<Message> messages, CancellationToken cancellationToken = default) =>
        Validate(LineOperations.ValidatePush, "v2/bot/message/validate/push", messages, cancellationToken);

    /// <summary>Asks LINE whether messages are valid for a multicast, without sending them.</summary>
    /// <param name="messages">1 to 5 messages.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    [LineOperation("validateMulticast")]
    public virtual Task<LineResponse> ValidateMulticastAsync(IReadOnlyList<Message> messages, CancellationToken cancellationToken = default) =>
        Validate(LineOperations.ValidateMulticast, "v2/bot/message/validate/multicast", messages, cancellationToken);

    /// <summary>Asks LINE whether messages are valid for a narrowcast, without sending them.</summary>
    /// <param name="messages">1 to 5 messages.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    [LineOperation("validateNarrowcast")]
    public virtual Task<LineResponse> ValidateNarrowcastAsync(IReadOnlyList<Message> messages, CancellationToken cancellationToken = default) =>
        Validate(LineOperations.ValidateNarrowcast, "v2/bot/message/validate/narrowcast", messages, cancellationToken);

    /// <summary>Asks LINE whether messages are valid for a broadcast, without sending them.</summary>
    /// <param name="messages">1 to 5 messages.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    [LineOperation("validateBroadcast")]
    public virtual Task<LineResponse> ValidateBroadcastAsync(IReadOnlyList<Message> messages, CancellationToken cancellationToken = default) =>
        Validate(LineOperations.ValidateBroadcast, "v2/bot/message/validate/broadcast", messages, cancellationToken);

    private Task<LineResponse> Validate(LineOperationInfo operation, string path, IReadOnlyList<Message> messages, CancellationToken cancellationToken)
    {
        MessageValidator.ValidateMessages(messages);
        return SendAsync(operation, path, new ValidateMessageRequest(messages), LineJsonContext.Default.ValidateMessageRequest, retryKey: null, cancellationToken);
    }
}
