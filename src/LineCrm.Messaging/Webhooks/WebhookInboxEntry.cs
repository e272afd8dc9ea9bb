namespace LineCrm.Messaging.Webhooks;

/// <summary>An event in an <see cref="IWebhookInbox"/> and where it stands.</summary>
/// <param name="Sequence">Its place in the inbox: at least 1, increasing in the order entries were added.</param>
/// <param name="Item">The event as it was added.</param>
/// <param name="State">Pending, leased, completed or dead.</param>
/// <param name="Attempts">How many leases it has had since it was added or last replayed (a released lease does not count).</param>
/// <param name="NextAttemptAt">When a pending entry is due; for a leased one, when its lease expires.</param>
/// <param name="LastError">The error of the last failed attempt, if any.</param>
public sealed record WebhookInboxEntry(
    long Sequence,
    WebhookInboxItem Item,
    WebhookInboxState State,
    int Attempts,
    DateTimeOffset NextAttemptAt,
    string? LastError)
{
    /// <summary>The event's <c>webhookEventId</c>.</summary>
    public string WebhookEventId => Item.WebhookEventId;
}

/// <summary>Where an inbox entry stands.</summary>
public enum WebhookInboxState
{
    /// <summary>Waiting to be handled, due at <see cref="WebhookInboxEntry.NextAttemptAt"/>.</summary>
    Pending,

    /// <summary>Handed to a worker until <see cref="WebhookInboxEntry.NextAttemptAt"/>; due again after that.</summary>
    Leased,

    /// <summary>Handled; kept so that a redelivery is recognised, until purged.</summary>
    Completed,

    /// <summary>Given up with its error; kept until replayed.</summary>
    Dead,
}

/// <summary>How many inbox entries are in each state.</summary>
/// <param name="Pending">Waiting, due or not yet due.</param>
/// <param name="Leased">Handed to a worker (including expired leases not yet taken again).</param>
/// <param name="Completed">Handled and not yet purged.</param>
/// <param name="Dead">Given up and not replayed.</param>
public sealed record WebhookInboxCounts(long Pending, long Leased, long Completed, long Dead);
