namespace LineCrm.Messaging.AspNetCore;

/// <summary>
/// Settings of the durable webhook inbox (<see cref="LineWebhookBuilder.UseInbox"/>). Bind them from configuration
/// (section <c>LineWebhook:Inbox</c> by convention) or set them in <c>UseInbox(options =&gt; ...)</c>; they are
/// validated when the app starts.
/// </summary>
public sealed class LineWebhookInboxOptions
{
    /// <summary>
    /// How many times an event's handlers run before the event is parked as dead, the first run included.
    /// Default 8.
    /// </summary>
    public int MaxAttempts { get; set; } = 8;

    /// <summary>The wait before the first retry; each later retry waits twice as long, up to <see cref="MaxBackoff"/>. Default 2 s.</summary>
    public TimeSpan InitialBackoff { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>The longest wait between two attempts. Default 10 minutes.</summary>
    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// How long a worker owns an event it took from the inbox. When the process dies, its events come back to
    /// any worker after this long; set it well above your slowest handler. Default 5 minutes.
    /// </summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// How often the workers look for events that became due without a new request (retries, expired leases,
    /// replayed dead letters). New events start at once, not at this pace. Default 1 s.
    /// </summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// How long a handled event's id is kept, so that LINE's redelivery of it is recognised; longer than LINE's
    /// redelivery period. Older completed entries are purged. Default 24 hours.
    /// </summary>
    public TimeSpan DeduplicationWindow { get; set; } = TimeSpan.FromHours(24);

    /// <summary>How often completed entries older than <see cref="DeduplicationWindow"/> are purged. Default 10 minutes.</summary>
    public TimeSpan PurgeInterval { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>The most events written in one commit when many requests arrive at once. Default 512.</summary>
    public int MaxCommitBatch { get; set; } = 512;
}
