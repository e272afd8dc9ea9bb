namespace LineCrm.Messaging.Client;

/// <summary>
/// How the client retries: which failures, how often, and how long it waits. See docs/messaging.md for which
/// operations may be retried at all (a reply is not retried once it may have reached LINE).
/// </summary>
public sealed class LineRetryOptions
{
    /// <summary>Retries after the first attempt (default 4; 0 turns retries off).</summary>
    public int MaxRetries { get; set; } = 4;

    /// <summary>The first backoff; each later one doubles, with jitter (default 500 ms).</summary>
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>The longest backoff the client computes itself (default 30 s).</summary>
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The longest <c>Retry-After</c> the client honours by waiting (default 60 s). A longer one is not waited out:
    /// the call fails with a <see cref="LineApiException"/> that carries it, and the caller decides.
    /// </summary>
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromSeconds(60);

    internal void Validate(List<string> problems)
    {
        if (MaxRetries is < 0 or > 20)
        {
            problems.Add($"Retry.{nameof(MaxRetries)} must be between 0 and 20, got {MaxRetries}.");
        }

        if (BaseDelay < TimeSpan.Zero || MaxDelay < BaseDelay)
        {
            problems.Add($"Retry.{nameof(BaseDelay)} must be at least zero and at most Retry.{nameof(MaxDelay)}, got {BaseDelay} and {MaxDelay}.");
        }

        if (MaxRetryAfter < TimeSpan.Zero)
        {
            problems.Add($"Retry.{nameof(MaxRetryAfter)} must not be negative, got {MaxRetryAfter}.");
        }
    }
}
