// TEMPORARY: stands in for the storage engineer's contract until their READY commit is merged.
#pragma warning disable
namespace LineCrm.Messaging.Webhooks;

internal sealed record WebhookInboxEntry(string WebhookEventId, string Destination, string EventJson, DateTimeOffset ReceivedAt);

internal sealed record WebhookInboxLease(string WebhookEventId, string Destination, string EventJson, DateTimeOffset ReceivedAt, int Attempt);

internal interface IWebhookInbox
{
    Task<IReadOnlyList<bool>> AddAsync(IReadOnlyList<WebhookInboxEntry> entries, CancellationToken cancellationToken);
    Task<IReadOnlyList<WebhookInboxLease>> LeaseAsync(int max, TimeSpan leaseDuration, CancellationToken cancellationToken);
    Task CompleteAsync(string webhookEventId, CancellationToken cancellationToken);
    Task FailAsync(string webhookEventId, string error, DateTimeOffset? nextAttemptAt, CancellationToken cancellationToken);
    Task<long> PurgeAsync(DateTimeOffset completedBefore, CancellationToken cancellationToken);
}
