using System.Threading.Channels;
using Microsoft.Extensions.Time.Testing;

namespace LineCrm.Messaging.Tests.Support;

/// <summary>
/// A fake clock that reports each timer the code under test starts, so a test advances time exactly when the code
/// waits, never before (no sleeps, no guessing). Timers of <paramref name="ignored"/> (the per-attempt timeout) are
/// not reported.
/// </summary>
internal sealed class TimerSignalingTimeProvider(TimeSpan ignored) : FakeTimeProvider(DateTimeOffset.UtcNow)
{
    private readonly Channel<TimeSpan> _timers = Channel.CreateUnbounded<TimeSpan>();

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = base.CreateTimer(callback, state, dueTime, period);
        if (dueTime != ignored && dueTime != Timeout.InfiniteTimeSpan)
        {
            _timers.Writer.TryWrite(dueTime);
        }

        return timer;
    }

    /// <summary>
    /// The due time of the next timer the code under test starts, once it exists. Advancing only after this returns
    /// is what makes a test deterministic: advancing before the timer is created would leave it waiting forever.
    /// </summary>
    public async Task<TimeSpan> NextTimerAsync(CancellationToken cancellationToken) =>
        await _timers.Reader.ReadAsync(cancellationToken).ConfigureAwait(false);

    /// <summary>Advances through each wait of <paramref name="work"/> until it completes.</summary>
    public async Task<T> RunAsync<T>(Task<T> work, CancellationToken cancellationToken)
    {
        while (true)
        {
            var next = NextTimerAsync(cancellationToken);
            if (await Task.WhenAny(work, next) == work)
            {
                return await work;
            }

            Advance(await next);
        }
    }
}
