namespace LineCrm.Messaging.Webhooks;

/// <summary>The fields every webhook event has, as the parser read them.</summary>
internal readonly record struct WebhookEventHeader(
    WebhookSource? Source, DateTimeOffset Timestamp, string Mode, string WebhookEventId, bool IsRedelivery);
