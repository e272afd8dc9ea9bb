namespace LineCrm.Messaging.Webhooks;

/// <summary>The account joined a group chat or multi-person chat (<c>join</c>).</summary>
public sealed record JoinEvent : WebhookEvent, IReplyableEvent
{
    /// <inheritdoc />
    public override string Type => "join";

    /// <inheritdoc />
    public string? ReplyToken { get; init; }
}
