namespace LineCrm.Messaging.Webhooks;

/// <summary>A user sent a message (<c>message</c>).</summary>
public sealed record MessageEvent : WebhookEvent, IReplyableEvent
{
    /// <inheritdoc />
    public override string Type => "message";

    /// <inheritdoc />
    public string? ReplyToken { get; init; }

    /// <summary>The message; <see cref="UnknownMessageContent"/> for a content type this version does not know.</summary>
    public required MessageContent Message { get; init; }
}
