namespace LineCrm.Messaging.Client;

/// <summary>
/// Client-side rate limits per channel, defaulting to LINE's published limits. Requests over a limit wait in a
/// queue (oldest first) instead of being sent to collect a 429.
/// </summary>
public sealed class LineRateLimitOptions
{
    /// <summary>Turns client-side limiting off (default on).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>All requests of the channel together, per second (LINE: 2,000).</summary>
    public int RequestsPerSecond { get; set; } = 2_000;

    /// <summary>Multicast requests per second (LINE: 200).</summary>
    public int MulticastPerSecond { get; set; } = 200;

    /// <summary>Narrowcast requests per hour (LINE: 60).</summary>
    public int NarrowcastPerHour { get; set; } = 60;

    /// <summary>Broadcast requests per hour (LINE: 60).</summary>
    public int BroadcastPerHour { get; set; } = 60;

    /// <summary>How many requests may wait for a permit before further ones fail at once (default 1,000,000).</summary>
    public int QueueLimit { get; set; } = 1_000_000;

    internal void Validate(List<string> problems)
    {
        Positive(problems, nameof(RequestsPerSecond), RequestsPerSecond);
        Positive(problems, nameof(MulticastPerSecond), MulticastPerSecond);
        Positive(problems, nameof(NarrowcastPerHour), NarrowcastPerHour);
        Positive(problems, nameof(BroadcastPerHour), BroadcastPerHour);
        if (QueueLimit < 0)
        {
            problems.Add($"RateLimits.{nameof(QueueLimit)} must not be negative, got {QueueLimit}.");
        }
    }

    private static void Positive(List<string> problems, string name, int value)
    {
        if (value <= 0)
        {
            problems.Add($"RateLimits.{name} must be positive, got {value}.");
        }
    }
}
