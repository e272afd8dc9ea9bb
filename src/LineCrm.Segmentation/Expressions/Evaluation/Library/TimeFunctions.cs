using System.Globalization;
using System.Text.RegularExpressions;

namespace LineCrm.Segmentation.Expressions.Evaluation.Library;

/// <summary>
/// The timestamp accessors (<c>getFullYear</c>, <c>getMonth</c>, ...), in UTC or in a time zone given as an IANA
/// name (<c>Asia/Tokyo</c>, resolved with <see cref="TimeZoneInfo"/>), <c>UTC</c>, or a fixed offset
/// (<c>+09:00</c>, <c>-02:30</c>, <c>02:00</c>); and the duration conversions (<c>getHours</c>, ...).
/// </summary>
internal static partial class TimeFunctions
{
    /// <summary>The largest UTC offset accepted, 18 hours.</summary>
    public const long MaxOffsetSeconds = 18 * 3600;

    /// <summary>The calendar years a timestamp's parts may fall in, as CEL's timestamps do.</summary>
    public const long MinYear = 1;

    /// <summary>The last calendar year.</summary>
    public const long MaxYear = 9999;

    public enum Field
    {
        FullYear,
        Month,
        Date,
        DayOfMonth,
        DayOfWeek,
        DayOfYear,
        Hours,
        Minutes,
        Seconds,
        Milliseconds,
    }

    public static object Get(CelTimestamp timestamp, Field field, string? timeZone)
    {
        var offset = 0L;
        if (timeZone is not null)
        {
            var resolved = OffsetSeconds(timestamp, timeZone);
            if (resolved is CelError error)
            {
                return error;
            }

            offset = (long)resolved;
        }

        var local = timestamp.Seconds + offset;
        var days = Math.DivRem(local, 86_400, out var secondOfDay);
        if (secondOfDay < 0)
        {
            days--;
            secondOfDay += 86_400;
        }

        var (year, month, day) = CivilCalendar.CivilFromDays(days);
        if (year is < MinYear or > MaxYear)
        {
            // 9999-12-31T23:00:00Z is already year 10000 in Tokyo: outside the calendar CEL's timestamps cover.
            return CelError.Range($"timestamp in that time zone (year {year})");
        }

        return field switch
        {
            Field.FullYear => year,
            Field.Month => (long)(month - 1),
            Field.Date => (long)day,
            Field.DayOfMonth => (long)(day - 1),
            Field.DayOfWeek => (((days % 7) + 11) % 7),
            Field.DayOfYear => days - CivilCalendar.DaysFromCivil(year, 1, 1),
            Field.Hours => secondOfDay / 3600,
            Field.Minutes => secondOfDay / 60 % 60,
            Field.Seconds => secondOfDay % 60,
            _ => (long)(timestamp.Nanos / 1_000_000),
        };
    }

    public static object Get(CelDuration duration, Field field) => field switch
    {
        Field.Hours => duration.Nanoseconds / 3_600_000_000_000,
        Field.Minutes => duration.Nanoseconds / 60_000_000_000,
        Field.Seconds => duration.Nanoseconds / 1_000_000_000,
        _ => duration.Nanoseconds / 1_000_000 % 1000,
    };

    private static object OffsetSeconds(CelTimestamp timestamp, string timeZone)
    {
        if (timeZone == "UTC")
        {
            return 0L;
        }

        var fixedOffset = FixedOffset().Match(timeZone);
        if (fixedOffset.Success)
        {
            var hours = int.Parse(fixedOffset.Groups[2].ValueSpan, CultureInfo.InvariantCulture);
            var minutes = int.Parse(fixedOffset.Groups[3].ValueSpan, CultureInfo.InvariantCulture);
            var seconds = (hours * 3600L) + (minutes * 60L);

            // The range of real UTC offsets (and of .NET's and java.time's): plus or minus 18 hours.
            if (minutes > 59 || seconds > MaxOffsetSeconds)
            {
                return CelError.InvalidArgument($"invalid UTC offset '{timeZone}': offsets go from -18:00 to +18:00");
            }

            return fixedOffset.Groups[1].Value == "-" ? -seconds : seconds;
        }

        return TimeZoneLookup.TryFind(timeZone, out var zone)
            ? (long)zone!.GetUtcOffset(timestamp.ToDateTime()).TotalSeconds
            : CelError.InvalidArgument($"unknown time zone '{timeZone}'");
    }

    [GeneratedRegex(@"^([+-]?)(\d{2}):(\d{2})$", RegexOptions.CultureInvariant)]
    private static partial Regex FixedOffset();
}
