using System.Globalization;
using System.Text;

namespace LineCrm.Segmentation.Expressions.Evaluation;

/// <summary>
/// A CEL timestamp: seconds and nanoseconds since the Unix epoch (UTC), from 0001-01-01T00:00:00Z to
/// 9999-12-31T23:59:59.999999999Z as the language definition requires. <see cref="DateTime"/> has only 100 ns
/// ticks, hence this type.
/// </summary>
internal readonly record struct CelTimestamp(long Seconds, int Nanos) : IComparable<CelTimestamp>
{
    public const long MinSeconds = -62_135_596_800;
    public const long MaxSeconds = 253_402_300_799;

    /// <summary>The timestamp, or a range error outside year 1 to 9999.</summary>
    public static object Create(long seconds, long nanos)
    {
        seconds += Math.DivRem(nanos, 1_000_000_000, out var rest);
        if (rest < 0)
        {
            seconds--;
            rest += 1_000_000_000;
        }

        return seconds is < MinSeconds or > MaxSeconds
            ? CelError.Range("timestamp")
            : new CelTimestamp(seconds, (int)rest);
    }

    public int CompareTo(CelTimestamp other) =>
        Seconds != other.Seconds ? Seconds.CompareTo(other.Seconds) : Nanos.CompareTo(other.Nanos);

    /// <summary>The UTC date and time, to 100 ns.</summary>
    public DateTime ToDateTime() => DateTime.UnixEpoch.AddSeconds(Seconds).AddTicks(Nanos / 100);

    /// <summary>RFC 3339 in UTC with as many fractional digits as needed: 2009-02-13T23:31:30.5Z.</summary>
    public override string ToString()
    {
        var text = new StringBuilder(DateTime.UnixEpoch.AddSeconds(Seconds).ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture));
        if (Nanos != 0)
        {
            text.Append('.').Append(Nanos.ToString("D9", CultureInfo.InvariantCulture).TrimEnd('0'));
        }

        return text.Append('Z').ToString();
    }
}

/// <summary>A CEL duration: a signed number of nanoseconds that fits in 64 bits (about ±292 years).</summary>
internal readonly record struct CelDuration(long Nanoseconds) : IComparable<CelDuration>
{
    public const long NanosPerSecond = 1_000_000_000;

    public int CompareTo(CelDuration other) => Nanoseconds.CompareTo(other.Nanoseconds);

    /// <summary>Seconds with the fraction as needed and an <c>s</c>: <c>60.001s</c>, <c>-1.5s</c>, <c>0s</c>.</summary>
    public override string ToString()
    {
        var negative = Nanoseconds < 0;
        var magnitude = negative ? (ulong)-(Nanoseconds + 1) + 1 : (ulong)Nanoseconds;
        var seconds = magnitude / NanosPerSecond;
        var fraction = magnitude % NanosPerSecond;
        var text = new StringBuilder();
        if (negative)
        {
            text.Append('-');
        }

        text.Append(seconds.ToString(CultureInfo.InvariantCulture));
        if (fraction != 0)
        {
            text.Append('.').Append(fraction.ToString("D9", CultureInfo.InvariantCulture).TrimEnd('0'));
        }

        return text.Append('s').ToString();
    }
}
