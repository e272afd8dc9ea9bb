namespace LineCrm.Messaging.Webhooks;

/// <summary>A user added the account as a friend, or unblocked it (<c>follow</c>).</summary>
public sealed record FollowEvent : WebhookEvent, IReplyableEvent
{
    /// <inheritdoc />
    public override string Type => "follow";

    /// <inheritdoc />
    public string? ReplyToken { get; init; }

    /// <summary>True when the user unblocked the account, false when they added it as a new friend (<c>follow.isUnblocked</c>).</summary>
    public bool IsUnblocked { get; init; }
}
