using System.Globalization;
using LineCrm.Segmentation.Expressions.Evaluation.Library;
using LineCrm.Segmentation.Expressions.Runtime;
using LineCrm.Segmentation.Members;

namespace LineCrm.Segmentation.Segments;

/// <summary>
/// The operations both evaluators share (the interpreter calls them, compiled code calls them too), so the two
/// can only differ in how they walk the tree, not in what an operation means.
/// </summary>
internal static class SegmentRuntime
{
    /// <summary>The string of an interned id, with "no value" reading as the empty string (an unset field).</summary>
    public static string Name(StringPool pool, int id) => id < 0 ? string.Empty : pool[id];

    /// <summary>The string of a custom fact's column entry (id + 1, 0 reading as the empty string).</summary>
    public static string Name(CustomFactColumns custom, int code) => custom.Text(code);

    /// <summary>Entry <paramref name="row"/> of a column that may be shorter than the table (missing entries are 0).</summary>
    public static int At(int[] column, int row) => (uint)row < (uint)column.Length ? column[row] : 0;

    /// <summary>Whether bit <paramref name="row"/> is set in a bit column that may be shorter than the table.</summary>
    public static bool Bit(ulong[] bits, int row) => Bits.Get(bits, row);

    public static CelRuntimeError NoSuchKey(string key) =>
        new(CelRuntimeError.NoSuchKey, $"no such key: '{key}' (the person has no such attribute; test with '\"{key}\" in attributes')");

    /// <summary>CEL's <c>size(string)</c>: the number of Unicode code points.</summary>
    public static long CodePoints(string value)
    {
        long count = 0;
        for (var i = 0; i < value.Length; i++)
        {
            if (!char.IsHighSurrogate(value[i]) || i + 1 >= value.Length || !char.IsLowSurrogate(value[i + 1]))
            {
                count++;
            }
            else
            {
                count++;
                i++;
            }
        }

        return count;
    }

    public static bool Test(StringTest test, string target, string argument) => test switch
    {
        StringTest.Contains => target.Contains(argument, StringComparison.Ordinal),
        StringTest.StartsWith => target.StartsWith(argument, StringComparison.Ordinal),
        _ => target.EndsWith(argument, StringComparison.Ordinal),
    };

    /// <summary>
    /// Orders strings by Unicode code point, as CEL does. UTF-16 ordinal order differs only where a surrogate pair
    /// (a code point above U+FFFF) meets a character from U+E000 to U+FFFF: the pair is the larger code point.
    /// </summary>
    public static int CompareStrings(string a, string b)
    {
        var n = Math.Min(a.Length, b.Length);
        for (var i = 0; i < n; i++)
        {
            char x = a[i], y = b[i];
            if (x == y)
            {
                continue;
            }

            var xSurrogate = char.IsSurrogate(x);
            return xSurrogate == char.IsSurrogate(y) ? x.CompareTo(y) : xSurrogate ? 1 : -1;
        }

        return a.Length.CompareTo(b.Length);
    }

    /// <summary>A calendar part of a timestamp in UTC or a time zone, numbered as CEL numbers them.</summary>
    /// <remarks>
    /// The local time is computed on the proleptic calendar from the zone's offset, not as a <see cref="DateTime"/>:
    /// the last hours of 9999-12-31 UTC are already year 10000 east of Greenwich, which <see cref="DateTime"/>
    /// cannot hold. That is a <c>range</c> error, as in the reference interpreter: the calendar functions answer
    /// for the years 1 to 9999 only.
    /// </remarks>
    /// <exception cref="CelRuntimeError">The local date falls outside the years 1 to 9999.</exception>
    public static long Part(TimestampPart part, long ticks, TimeZoneInfo? zone)
    {
        var offset = zone is null ? 0 : zone.GetUtcOffset(new DateTime(ticks, DateTimeKind.Utc)).Ticks;
        var sinceEpoch = ticks + offset - DateTime.UnixEpoch.Ticks;
        var days = Math.DivRem(sinceEpoch, TimeSpan.TicksPerDay, out var tickOfDay);
        if (tickOfDay < 0)
        {
            days--;
            tickOfDay += TimeSpan.TicksPerDay;
        }

        var (year, month, day) = CivilCalendar.CivilFromDays(days);
        if (year is < TimeFunctions.MinYear or > TimeFunctions.MaxYear)
        {
            throw new CelRuntimeError(CelRuntimeError.Range, $"timestamp in that time zone (year {year}) is out of range");
        }

        return part switch
        {
            TimestampPart.FullYear => year,
            TimestampPart.Month => month - 1,
            TimestampPart.Date => day,
            TimestampPart.DayOfMonth => day - 1,
            TimestampPart.DayOfWeek => ((days % 7) + 11) % 7, // 1970-01-01 was a Thursday (4)
            TimestampPart.DayOfYear => days - CivilCalendar.DaysFromCivil(year, 1, 1),
            _ => tickOfDay / TimeSpan.TicksPerHour,
        };
    }

    /// <summary>Formats a tick count as CEL writes timestamps, for messages.</summary>
    public static string FormatTimestamp(long ticks) =>
        new DateTime(ticks, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);
}
