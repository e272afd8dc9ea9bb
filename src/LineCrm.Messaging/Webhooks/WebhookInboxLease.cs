namespace LineCrm.Messaging.Webhooks;

/// <summary>An entry handed to one worker by <see cref="IWebhookInbox.LeaseAsync"/>, until <see cref="ExpiresAt"/>.</summary>
/// <param name="Entry">The entry, with <see cref="WebhookInboxEntry.Attempts"/> counting this lease.</param>
/// <param name="LeaseId">This lease's id: an outcome reported with it counts only while no later lease took the entry.</param>
/// <param name="ExpiresAt">When the entry becomes due again if no outcome is reported.</param>
public sealed record WebhookInboxLease(WebhookInboxEntry Entry, Guid LeaseId, DateTimeOffset ExpiresAt)
{
    /// <summary>The event's <c>webhookEventId</c>.</summary>
    public string WebhookEventId => Entry.WebhookEventId;
}
