using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace LineCrm.Messaging.AspNetCore;

/// <summary>
/// The default <see cref="IWebhookEventIdStore"/>: ids in a concurrent dictionary, each forgotten
/// <see cref="LineWebhookOptions.DeduplicationWindow"/> after it was added. Expired ids are swept as new ones
/// arrive, so memory follows the number of events in one window. Per process: with several instances, use a
/// shared store.
/// </summary>
public sealed class InMemoryWebhookEventIdStore : IWebhookEventIdStore
{
    private const int SweepEvery = 1024;

    private readonly ConcurrentDictionary<string, long> _expiresAt = new(StringComparer.Ordinal);
    private readonly TimeProvider _time;
    private readonly long _windowTicks;
    private int _addsSinceSweep;

    /// <summary>Makes a store.</summary>
    /// <param name="options">The webhook options (for the window).</param>
    /// <param name="time">The clock.</param>
    public InMemoryWebhookEventIdStore(IOptions<LineWebhookOptions> options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        _time = time;
        _windowTicks = options.Value.DeduplicationWindow.Ticks;
    }

    /// <summary>How many ids are held, expired ones not yet swept included.</summary>
    public int Count => _expiresAt.Count;

    /// <inheritdoc />
    public ValueTask<bool> TryAddAsync(string webhookEventId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(webhookEventId);
        var now = _time.GetUtcNow().UtcTicks;
        var expires = now + _windowTicks;
        SweepNowAndThen(now);
        while (true)
        {
            if (_expiresAt.TryAdd(webhookEventId, expires))
            {
                return ValueTask.FromResult(true);
            }

            if (!_expiresAt.TryGetValue(webhookEventId, out var existing))
            {
                continue; // swept between the two calls: try to add again
            }

            if (existing > now)
            {
                return ValueTask.FromResult(false);
            }

            // Expired: whoever replaces the old expiry first owns the id again.
            if (_expiresAt.TryUpdate(webhookEventId, expires, existing))
            {
                return ValueTask.FromResult(true);
            }
        }
    }

    /// <inheritdoc />
    public ValueTask RemoveAsync(string webhookEventId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(webhookEventId);
        _expiresAt.TryRemove(webhookEventId, out _);
        return ValueTask.CompletedTask;
    }

    private void SweepNowAndThen(long now)
    {
        if (Interlocked.Increment(ref _addsSinceSweep) % SweepEvery != 0)
        {
            return;
        }

        foreach (var (id, expires) in _expiresAt)
        {
            if (expires <= now)
            {
                // Removes only if it is still the expired entry, not one re-added meanwhile.
                _expiresAt.TryRemove(new KeyValuePair<string, long>(id, expires));
            }
        }
    }
}
