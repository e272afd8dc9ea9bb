namespace LineCrm.Messaging.Webhooks;

/// <summary>A user joined, left or renewed a membership of the account (<c>membership</c>).</summary>
public sealed record MembershipEvent : WebhookEvent, IReplyableEvent
{
    /// <inheritdoc />
    public override string Type => "membership";

    /// <inheritdoc />
    public string? ReplyToken { get; init; }

    /// <summary>What happened to the membership; <see cref="UnknownMembershipContent"/> for a kind this version does not know.</summary>
    public required MembershipContent Membership { get; init; }
}
