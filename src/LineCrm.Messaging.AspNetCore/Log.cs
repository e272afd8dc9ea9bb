using Microsoft.Extensions.Logging;

namespace LineCrm.Messaging.AspNetCore;

/// <summary>The package's log messages (source-generated). Never logs secrets, signatures or message text.</summary>
internal static partial class Log
{
    [LoggerMessage(1, LogLevel.Error, "Webhook handler {Handler} failed on {EventType} event {WebhookEventId}")]
    public static partial void HandlerFailed(ILogger logger, Exception exception, string handler, string eventType, string webhookEventId);

    [LoggerMessage(2, LogLevel.Warning, "Webhook handler {Handler} was cancelled by shutdown on {EventType} event {WebhookEventId}")]
    public static partial void HandlerCancelled(ILogger logger, string handler, string eventType, string webhookEventId);

    [LoggerMessage(3, LogLevel.Debug, "No handler is registered for {EventType} event {WebhookEventId}")]
    public static partial void NoHandler(ILogger logger, string eventType, string webhookEventId);

    [LoggerMessage(4, LogLevel.Warning, "Webhook request rejected with {StatusCode}: {Reason}")]
    public static partial void Rejected(ILogger logger, int statusCode, string reason);

    [LoggerMessage(5, LogLevel.Information, "Skipped redelivered webhook event {WebhookEventId} ({EventType}): it was already accepted")]
    public static partial void Duplicate(ILogger logger, string webhookEventId, string eventType);

    [LoggerMessage(6, LogLevel.Warning, "Webhook request refused with 503: the dispatcher is shutting down, LINE will redeliver")]
    public static partial void ShuttingDown(ILogger logger);

    [LoggerMessage(7, LogLevel.Warning, "Shutdown timeout reached with webhook events still being handled; their handlers were cancelled")]
    public static partial void DrainTimedOut(ILogger logger);
}
