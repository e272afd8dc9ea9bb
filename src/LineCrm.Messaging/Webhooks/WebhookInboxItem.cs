namespace LineCrm.Messaging.Webhooks;

/// <summary>One accepted webhook event, as it is added to an <see cref="IWebhookInbox"/>.</summary>
public sealed record WebhookInboxItem
{
    /// <summary>Makes an item.</summary>
    /// <param name="webhookEventId">The event's <c>webhookEventId</c>: its unique key.</param>
    /// <param name="destination">The body's <c>destination</c> (the bot's user id), which says which channel it is for.</param>
    /// <param name="rawJson">The event's JSON object exactly as LINE sent it, for the handler to parse.</param>
    /// <param name="receivedAt">When the endpoint received it.</param>
    /// <exception cref="ArgumentException">A field is empty or too long; the message names it.</exception>
    public WebhookInboxItem(string webhookEventId, string destination, string rawJson, DateTimeOffset receivedAt)
    {
        WebhookEventId = webhookEventId;
        Destination = destination;
        RawJson = rawJson;
        ReceivedAt = receivedAt;
    }

    /// <summary>The event's <c>webhookEventId</c>: 1 to <see cref="WebhookInboxLimits.MaxEventIdLength"/> characters.</summary>
    public string WebhookEventId
    {
        get;
        init => field = WebhookInboxGuard.Text(value, nameof(WebhookEventId), WebhookInboxLimits.MaxEventIdLength);
    }

    /// <summary>The body's <c>destination</c>: up to <see cref="WebhookInboxLimits.MaxDestinationLength"/> characters, may be empty.</summary>
    public string Destination
    {
        get;
        init => field = WebhookInboxGuard.Destination(value, nameof(Destination));
    }

    /// <summary>The event's JSON object exactly as received; not empty.</summary>
    public string RawJson
    {
        get;
        init => field = string.IsNullOrWhiteSpace(value)
            ? throw new ArgumentException($"{nameof(RawJson)} must be the event's JSON, not empty.", nameof(RawJson))
            : value;
    }

    /// <summary>When the endpoint received it.</summary>
    public DateTimeOffset ReceivedAt { get; init; }
}
