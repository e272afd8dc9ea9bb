using Microsoft.Extensions.Logging;

namespace LineCrm.Messaging.Webhooks;

/// <summary>Source-generated log messages of the webhook parser. Field values never appear in them.</summary>
internal static partial class WebhookLog
{
    [LoggerMessage(101, LogLevel.Warning, "Webhook field {Path} of a {EventType} event ({WebhookEventId}) could not be read (found {Found}); it reads as absent and the event is kept")]
    public static partial void FieldDegraded(ILogger logger, string path, string eventType, string webhookEventId, string found);
}
