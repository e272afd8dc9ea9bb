namespace LineCrm.Messaging.AspNetCore.Inbox;

/// <summary>Exponential backoff between an event's attempts: the initial wait, doubled per failure, capped.</summary>
internal static class RetryBackoff
{
    /// <summary>The wait after the <paramref name="failedAttempts"/>-th failure (1 for the first).</summary>
    public static TimeSpan After(int failedAttempts, TimeSpan initial, TimeSpan max)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(failedAttempts, 1);
        var doublings = Math.Min(failedAttempts - 1, 62);
        var ticks = initial.Ticks;
        for (var i = 0; i < doublings && ticks < max.Ticks; i++)
        {
            ticks = ticks > long.MaxValue / 2 ? long.MaxValue : ticks * 2;
        }

        return TimeSpan.FromTicks(Math.Min(ticks, max.Ticks));
    }
}
