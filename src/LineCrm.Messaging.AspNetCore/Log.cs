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

    [LoggerMessage(8, LogLevel.Warning, "Webhook event {WebhookEventId} ({EventType}) failed attempt {Attempt} of {MaxAttempts}; it runs again at {NextAttemptAt}")]
    public static partial void InboxRetry(ILogger logger, string webhookEventId, string eventType, int attempt, int maxAttempts, DateTimeOffset nextAttemptAt);

    [LoggerMessage(9, LogLevel.Error, "Webhook event {WebhookEventId} ({EventType}) failed its last attempt ({Attempt}) and is parked as dead: {Error}")]
    public static partial void InboxDead(ILogger logger, string webhookEventId, string eventType, int attempt, string error);

    [LoggerMessage(10, LogLevel.Warning, "Webhook inbox backlog: every worker is busy and the oldest event taken waited {Wait} since it was received")]
    public static partial void InboxBacklog(ILogger logger, TimeSpan wait);

    [LoggerMessage(11, LogLevel.Error, "Webhook request answered 500: the inbox could not store its events, LINE will redeliver")]
    public static partial void InboxWriteFailed(ILogger logger, Exception exception);

    [LoggerMessage(12, LogLevel.Information, "Webhook inbox purged {Count} handled events received before {Before}")]
    public static partial void InboxPurged(ILogger logger, long count, DateTimeOffset before);

    [LoggerMessage(13, LogLevel.Error, "Webhook inbox worker failed talking to the inbox; it tries again")]
    public static partial void InboxStoreFailed(ILogger logger, Exception exception);

    [LoggerMessage(14, LogLevel.Information, "Shutdown timeout reached with {Count} webhook events still running; their handlers are cancelled and the events stay in the inbox for the next start")]
    public static partial void InboxLeftRunning(ILogger logger, int count);

    [LoggerMessage(15, LogLevel.Warning, "Account link event {WebhookEventId} succeeded but AddCustomerEvents has no AccountLinkMemberResolver, so no identity link is logged; pass one to AddCustomerEvents or register one")]
    public static partial void AccountLinkWithoutResolver(ILogger logger, string webhookEventId);
}
