namespace LineCrm.Messaging.Webhooks;

/// <summary>A user unsent a message (<c>unsend</c>). Delete what you stored of it.</summary>
public sealed record UnsendEvent : WebhookEvent
{
    /// <inheritdoc />
    public override string Type => "unsend";

    /// <summary>The id of the message that was unsent (<c>unsend.messageId</c>).</summary>
    public string MessageId { get; init; } = string.Empty;
}
