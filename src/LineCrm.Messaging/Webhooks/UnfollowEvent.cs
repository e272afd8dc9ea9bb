namespace LineCrm.Messaging.Webhooks;

/// <summary>A user blocked the account (<c>unfollow</c>). No reply is possible.</summary>
public sealed record UnfollowEvent : WebhookEvent
{
    /// <inheritdoc />
    public override string Type => "unfollow";
}
