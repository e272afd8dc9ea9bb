namespace LineCrm.Messaging.Webhooks;

/// <summary>The limits every <see cref="IWebhookInbox"/> applies.</summary>
public static class WebhookInboxLimits
{
    /// <summary>The most items one call adds, leases or lists.</summary>
    public const int MaxBatchCount = 1_000;

    /// <summary>The longest <c>webhookEventId</c> accepted, in characters (LINE's are 26).</summary>
    public const int MaxEventIdLength = 128;

    /// <summary>The longest destination accepted, in characters (LINE's bot user ids are 33).</summary>
    public const int MaxDestinationLength = 128;

    /// <summary>The longest error text kept; longer text is cut to this length.</summary>
    public const int MaxErrorLength = 4_000;

    /// <summary>The longest lease.</summary>
    public static readonly TimeSpan MaxLeaseDuration = TimeSpan.FromDays(1);
}
