namespace LineCrm.Messaging.Webhooks;

/// <summary>Users joined a group chat or multi-person chat the account is in (<c>memberJoined</c>).</summary>
public sealed record MemberJoinedEvent : WebhookEvent, IReplyableEvent
{
    /// <inheritdoc />
    public override string Type => "memberJoined";

    /// <inheritdoc />
    public string? ReplyToken { get; init; }

    /// <summary>The users who joined (<c>joined.members</c>).</summary>
    public IReadOnlyList<UserSource> Members { get; init; } = [];
}
