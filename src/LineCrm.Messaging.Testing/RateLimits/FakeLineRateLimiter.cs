using System.Collections.Concurrent;

namespace LineCrm.Messaging.Testing;

/// <summary>
/// Fixed windows per operation, timed by the fake's <see cref="TimeProvider"/>: a window opens at the first request
/// after the previous one ended, so a fake clock decides exactly when requests are let through again.
/// </summary>
internal sealed class FakeLineRateLimiter(TimeProvider time)
{
    private const string AllOperations = "";
    private readonly ConcurrentDictionary<string, FakeLineRateLimit> _limits = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Window> _windows = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    public void Set(FakeLineRateLimit limit)
    {
        ArgumentNullException.ThrowIfNull(limit);
        ArgumentOutOfRangeException.ThrowIfLessThan(limit.Limit, 1, nameof(limit));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(limit.Window, TimeSpan.Zero, nameof(limit));
        var key = limit.OperationId ?? AllOperations;
        lock (_lock)
        {
            _limits[key] = limit;
            foreach (var window in _windows.Keys.Where(w => key == AllOperations || w == key))
            {
                _windows.TryRemove(window, out _);
            }
        }
    }

    public void Clear()
    {
        lock (_lock)
        {
            _limits.Clear();
            _windows.Clear();
        }
    }

    /// <summary>Counts a request; null when it may go on, else the limit it broke and the time until its window ends.</summary>
    public (FakeLineRateLimit Limit, TimeSpan RetryAfter)? TryAcquire(string operationId)
    {
        if (_limits.IsEmpty)
        {
            return null;
        }

        lock (_lock)
        {
            if (!_limits.TryGetValue(operationId, out var limit) && !_limits.TryGetValue(AllOperations, out limit))
            {
                return null;
            }

            var now = time.GetUtcNow();
            if (!_windows.TryGetValue(operationId, out var window) || now >= window.Start + limit.Window)
            {
                window = new Window(now, 0);
            }

            if (window.Count >= limit.Limit)
            {
                return (limit, window.Start + limit.Window - now);
            }

            _windows[operationId] = window with { Count = window.Count + 1 };
            return null;
        }
    }

    private readonly record struct Window(DateTimeOffset Start, int Count);
}
