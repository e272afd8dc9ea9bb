namespace LineCrm.Messaging.AspNetCore;

/// <summary>
/// Remembers which <c>webhookEventId</c>s were accepted, so a redelivered event is handled once. The default keeps
/// them in memory for <see cref="LineWebhookOptions.DeduplicationWindow"/>; register your own (Redis, a database)
/// before or after <c>AddLineWebhook</c> to share the memory between instances behind a load balancer.
/// </summary>
public interface IWebhookEventIdStore
{
    /// <summary>
    /// Records <paramref name="webhookEventId"/> as accepted, atomically: true the first time within the window, false
    /// when it was already accepted (a redelivery, or the same event arriving twice at once).
    /// </summary>
    /// <param name="webhookEventId">The event's id.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    ValueTask<bool> TryAddAsync(string webhookEventId, CancellationToken cancellationToken);

    /// <summary>
    /// Forgets an id that was added but whose event could not be queued (the app is shutting down), so that LINE's
    /// redelivery of it is handled.
    /// </summary>
    /// <param name="webhookEventId">The event's id.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    ValueTask RemoveAsync(string webhookEventId, CancellationToken cancellationToken);
}
