using System.Threading.RateLimiting;
using LineCrm.Messaging.Client;

namespace LineCrm.Messaging.Http;

/// <summary>
/// The client-side rate limits of one channel: a general limit for every request and a stricter one per send kind.
/// Waiting requests queue oldest first, so a bulk send slows down to LINE's pace instead of collecting 429s.
/// </summary>
internal sealed class LineRateLimiters : IDisposable
{
    private readonly RateLimiter? _general;
    private readonly RateLimiter? _multicast;
    private readonly RateLimiter? _narrowcast;
    private readonly RateLimiter? _broadcast;

    public LineRateLimiters(LineRateLimitOptions options)
    {
        if (!options.Enabled)
        {
            return;
        }

        _general = Bucket(options.RequestsPerSecond, TimeSpan.FromSeconds(1), options.QueueLimit);
        _multicast = Bucket(options.MulticastPerSecond, TimeSpan.FromSeconds(1), options.QueueLimit);
        _narrowcast = Bucket(options.NarrowcastPerHour, TimeSpan.FromHours(1), options.QueueLimit);
        _broadcast = Bucket(options.BroadcastPerHour, TimeSpan.FromHours(1), options.QueueLimit);
    }

    /// <summary>Waits for a permit of <paramref name="bucket"/> and of the general limit.</summary>
    /// <exception cref="InvalidOperationException">The wait queue is full.</exception>
    public async ValueTask AcquireAsync(string operationId, RateLimitBucket bucket, CancellationToken cancellationToken)
    {
        // The specific bucket first: a narrowcast that waits an hour should not hold a general permit meanwhile.
        await AcquireAsync(operationId, For(bucket), cancellationToken).ConfigureAwait(false);
        await AcquireAsync(operationId, _general, cancellationToken).ConfigureAwait(false);
    }

    public void Dispose()
    {
        _general?.Dispose();
        _multicast?.Dispose();
        _narrowcast?.Dispose();
        _broadcast?.Dispose();
    }

    private static async ValueTask AcquireAsync(string operationId, RateLimiter? limiter, CancellationToken cancellationToken)
    {
        if (limiter is null)
        {
            return;
        }

        // Token buckets hand out tokens, not resources: nothing is returned on dispose, so the lease can go at once.
        using var lease = await limiter.AcquireAsync(1, cancellationToken).ConfigureAwait(false);
        if (!lease.IsAcquired)
        {
            throw new InvalidOperationException(
                $"The client-side rate limit queue is full; {operationId} was not sent. Raise RateLimits.QueueLimit or send less at once.");
        }
    }

    private RateLimiter? For(RateLimitBucket bucket) => bucket switch
    {
        RateLimitBucket.Multicast => _multicast,
        RateLimitBucket.Narrowcast => _narrowcast,
        RateLimitBucket.Broadcast => _broadcast,
        _ => null,
    };

    private static TokenBucketRateLimiter Bucket(int permits, TimeSpan period, int queueLimit) => new(new TokenBucketRateLimiterOptions
    {
        TokenLimit = permits,
        TokensPerPeriod = permits,
        ReplenishmentPeriod = period,
        QueueLimit = queueLimit,
        QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        AutoReplenishment = true,
    });
}
