namespace LineCrm.Messaging.Webhooks;

/// <summary>A LINE notification message was delivered to a user (<c>delivery</c>, the delivery completion event).</summary>
public sealed record DeliveryEvent : WebhookEvent
{
    /// <inheritdoc />
    public override string Type => "delivery";

    /// <summary>The hashed phone number, or the <c>X-Line-Delivery-Tag</c> the message was sent with (<c>delivery.data</c>).</summary>
    public string Data { get; init; } = string.Empty;
}
