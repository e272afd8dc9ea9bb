namespace LineCrm.Messaging.Webhooks;

/// <summary>Users left a group chat or multi-person chat the account is in (<c>memberLeft</c>).</summary>
public sealed record MemberLeftEvent : WebhookEvent
{
    /// <inheritdoc />
    public override string Type => "memberLeft";

    /// <summary>The users who left (<c>left.members</c>).</summary>
    public IReadOnlyList<UserSource> Members { get; init; } = [];
}
