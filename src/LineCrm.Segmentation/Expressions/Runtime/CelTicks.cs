namespace LineCrm.Segmentation.Expressions.Runtime;

/// <summary>
/// CEL timestamps and durations as 64-bit counts of 100 ns ticks, the representation compiled code works in:
/// one register per value, compared and subtracted like integers. The ranges are CEL's: timestamps from
/// 0001-01-01T00:00:00Z to 9999-12-31T23:59:59.9999999Z, durations that fit 64-bit nanoseconds (about ±292
/// years). Results outside them are range errors, as in the reference interpreter.
/// </summary>
internal static class CelTicks
{
    /// <summary>The latest timestamp, in ticks since 0001-01-01T00:00:00Z.</summary>
    public const long MaxTimestamp = 3_155_378_975_999_999_999;

    /// <summary>The longest duration in ticks whose nanoseconds still fit in a long.</summary>
    public const long MaxDuration = long.MaxValue / 100;

    /// <summary>The most negative duration in ticks whose nanoseconds still fit in a long.</summary>
    public const long MinDuration = long.MinValue / 100;

    public const long TicksPerDay = TimeSpan.TicksPerDay;

    public static long AddDuration(long timestamp, long duration) => CheckTimestamp(timestamp + duration);

    public static long SubtractDuration(long timestamp, long duration) => CheckTimestamp(timestamp - duration);

    /// <summary>The duration between two timestamps (both in range, so the subtraction cannot overflow).</summary>
    public static long Between(long later, long earlier) => CheckDuration(later - earlier);

    public static long AddDurations(long a, long b) => CheckDuration(CheckedAdd(a, b));

    public static long SubtractDurations(long a, long b) => CheckDuration(CheckedSubtract(a, b));

    public static long NegateDuration(long a) => CheckDuration(-a);

    /// <summary>A whole number of days as a duration; an overflow error when it does not fit.</summary>
    public static long Days(long days) =>
        days is > MaxDuration / TicksPerDay or < MinDuration / TicksPerDay
            ? throw new CelRuntimeError(CelRuntimeError.Overflow, $"days({days}) does not fit in a duration (about ±292 years).")
            : days * TicksPerDay;

    public static long CheckTimestamp(long ticks) =>
        ticks is < 0 or > MaxTimestamp
            ? throw new CelRuntimeError(CelRuntimeError.Range, "timestamp out of range (years 1 to 9999)")
            : ticks;

    public static long CheckDuration(long ticks) =>
        ticks is < MinDuration or > MaxDuration
            ? throw new CelRuntimeError(CelRuntimeError.Range, "duration out of range (about ±292 years)")
            : ticks;

    private static long CheckedAdd(long a, long b)
    {
        var sum = unchecked(a + b);
        return ((a ^ sum) & (b ^ sum)) < 0 ? long.MaxValue : sum;
    }

    private static long CheckedSubtract(long a, long b)
    {
        var difference = unchecked(a - b);
        return ((a ^ b) & (a ^ difference)) < 0 ? long.MaxValue : difference;
    }
}
