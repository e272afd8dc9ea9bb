using LineCrm.Messaging.Webhooks;

namespace LineCrm.Messaging.AspNetCore.Inbox;

/// <summary>An inbox entry whose JSON no longer parses: retrying cannot help, so it is parked as dead at once.</summary>
internal sealed class WebhookInboxPoisonException(WebhookFormatException inner)
    : Exception($"The stored event does not parse: {inner.Message}", inner);
