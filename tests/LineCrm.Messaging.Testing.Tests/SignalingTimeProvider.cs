using System.Threading.Channels;
using Microsoft.Extensions.Time.Testing;

namespace LineCrm.Messaging.Testing.Tests;

/// <summary>A fake clock that reports each timer the fake server starts, so a test advances time only once it waits.</summary>
internal sealed class SignalingTimeProvider() : FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 1, 0, 0, TimeSpan.Zero))
{
    private readonly Channel<TimeSpan> _timers = Channel.CreateUnbounded<TimeSpan>();

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = base.CreateTimer(callback, state, dueTime, period);
        if (dueTime != Timeout.InfiniteTimeSpan)
        {
            _timers.Writer.TryWrite(dueTime);
        }

        return timer;
    }

    /// <summary>The due time of the next timer started, once it exists (bounded by the test's token).</summary>
    public async Task<TimeSpan> NextTimerAsync(CancellationToken cancellationToken)
    {
        using var bounded = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        bounded.CancelAfter(TimeSpan.FromSeconds(30));
        return await _timers.Reader.ReadAsync(bounded.Token).ConfigureAwait(false);
    }
}
