namespace LineCrm.Messaging.Webhooks;

/// <summary>The account was removed from, or left, a group chat or multi-person chat (<c>leave</c>).</summary>
public sealed record LeaveEvent : WebhookEvent
{
    /// <inheritdoc />
    public override string Type => "leave";
}
