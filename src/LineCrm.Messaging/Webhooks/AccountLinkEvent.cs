namespace LineCrm.Messaging.Webhooks;

/// <summary>
/// A user finished account linking (<c>accountLink</c>): the nonce your site issued comes back, and with the
/// event's user id it says which LINE user is which site member.
/// </summary>
public sealed record AccountLinkEvent : WebhookEvent, IReplyableEvent
{
    /// <inheritdoc />
    public override string Type => "accountLink";

    /// <inheritdoc />
    /// <remarks>LINE sends no reply token when linking failed.</remarks>
    public string? ReplyToken { get; init; }

    /// <summary><c>ok</c> or <c>failed</c> (<c>link.result</c>).</summary>
    public string Result { get; init; } = string.Empty;

    /// <summary>The nonce the site made for this link (<c>link.nonce</c>).</summary>
    public string Nonce { get; init; } = string.Empty;

    /// <summary>Whether the link succeeded (<see cref="Result"/> is <c>ok</c>).</summary>
    public bool Succeeded => Result == "ok";
}
