namespace LineCrm.Messaging.Webhooks;

/// <summary>
/// A user edited a message they had sent (<c>messageEdited</c>, from newer LINE releases). It has the shape of a
/// <see cref="MessageEvent"/>: <see cref="Message"/> is the message as it reads after the edit.
/// </summary>
public sealed record MessageEditedEvent : WebhookEvent, IReplyableEvent
{
    /// <inheritdoc />
    public override string Type => "messageEdited";

    /// <inheritdoc />
    public string? ReplyToken { get; init; }

    /// <summary>The edited message, with the id of the original.</summary>
    public required MessageContent Message { get; init; }
}
