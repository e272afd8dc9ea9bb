namespace LineCrm.Stores;

/// <summary>
/// Times as the stores keep them: whole microseconds since the Unix epoch in UTC, which every engine's 64-bit integer
/// column and PostgreSQL's timestamptz hold exactly.
/// </summary>
internal static class StoreTime
{
    public static long ToMicroseconds(DateTimeOffset time) => (time.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / TimeSpan.TicksPerMicrosecond;

    public static DateTimeOffset FromMicroseconds(long microseconds) =>
        new(DateTimeOffset.UnixEpoch.UtcTicks + (microseconds * TimeSpan.TicksPerMicrosecond), TimeSpan.Zero);

    public static long Microseconds(TimeSpan span) => span.Ticks / TimeSpan.TicksPerMicrosecond;
}
