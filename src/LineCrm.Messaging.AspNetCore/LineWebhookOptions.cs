namespace LineCrm.Messaging.AspNetCore;

/// <summary>
/// Settings of the LINE webhook endpoint. Bind them from configuration (section <c>LineWebhook</c> by convention) or
/// set them in <c>AddLineWebhook(options =&gt; ...)</c>; they are validated when the app starts.
/// </summary>
public sealed class LineWebhookOptions
{
    /// <summary>The default <see cref="MaxBodySize"/>: 1 MiB.</summary>
    public const long DefaultMaxBodySize = 1024 * 1024;

    /// <summary>
    /// The channel secrets signatures are checked against; at least one. Several during a secret rotation, or
    /// when one endpoint serves several channels (then give each its bot's user id as <see cref="LineWebhookChannel.Destination"/>).
    /// </summary>
    public IList<LineWebhookChannel> Channels { get; } = [];

    /// <summary>The largest body accepted, in bytes; a larger one is answered 413 without being read further. Default 1 MiB.</summary>
    public long MaxBodySize { get; set; } = DefaultMaxBodySize;

    /// <summary>How many events are handled at once, at most. Default 4.</summary>
    public int MaxConcurrency { get; set; } = 4;

    /// <summary>
    /// How many accepted events may wait for a handler. When the queue is full, the endpoint waits for room before it
    /// answers, which slows LINE down rather than dropping events. Default 10,000.
    /// </summary>
    public int QueueCapacity { get; set; } = 10_000;

    /// <summary>
    /// How long a <c>webhookEventId</c> is remembered so that a redelivery of it is not handled again. Default one
    /// hour; LINE redelivers soon after a failed delivery, and the in-memory store's size grows with this window.
    /// </summary>
    public TimeSpan DeduplicationWindow { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Adds a channel secret.</summary>
    /// <param name="secret">The channel secret.</param>
    /// <param name="destination">The user id of the channel's bot, to bind the secret to it; null accepts any destination.</param>
    /// <returns>These options, to chain calls.</returns>
    public LineWebhookOptions AddChannelSecret(string secret, string? destination = null)
    {
        Channels.Add(new LineWebhookChannel { Secret = secret, Destination = destination });
        return this;
    }
}
