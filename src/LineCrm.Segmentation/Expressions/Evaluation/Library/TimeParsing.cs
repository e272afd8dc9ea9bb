using System.Globalization;
using System.Text.RegularExpressions;

namespace LineCrm.Segmentation.Expressions.Evaluation.Library;

/// <summary>Parses RFC 3339 timestamps and Go-style durations (<c>1h30m</c>, <c>-1.5s</c>, <c>250ms</c>).</summary>
internal static partial class TimeParsing
{
    private static readonly (string Unit, long Nanos)[] Units =
    [
        ("ns", 1), ("us", 1_000), ("\u00b5s", 1_000), ("\u03bcs", 1_000), ("ms", 1_000_000),
        ("s", 1_000_000_000), ("m", 60_000_000_000), ("h", 3_600_000_000_000),
    ];

    public static object ParseTimestamp(string text)
    {
        var match = Rfc3339().Match(text);
        if (!match.Success)
        {
            return CelError.Conversion($"'{text}' is not an RFC 3339 timestamp");
        }

        int Part(int group) => int.Parse(match.Groups[group].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture);
        var (year, month, day) = (Part(1), Part(2), Part(3));
        var (hour, minute, second) = (Part(4), Part(5), Part(6));
        if (year < 1)
        {
            return CelError.Range("timestamp");
        }

        if (month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month) || hour > 23 || minute > 59 || second > 59)
        {
            return CelError.Conversion($"'{text}' is not a valid date and time");
        }

        var nanos = 0L;
        if (match.Groups[7].Success)
        {
            var fraction = match.Groups[7].Value[1..];
            nanos = long.Parse(fraction.PadRight(9, '0'), NumberStyles.None, CultureInfo.InvariantCulture);
        }

        var offsetSeconds = 0L;
        var zone = match.Groups[8].Value;
        if (zone is not ("Z" or "z"))
        {
            var sign = zone[0] == '-' ? -1 : 1;
            var offsetHours = int.Parse(zone.AsSpan(1, 2), NumberStyles.None, CultureInfo.InvariantCulture);
            var offsetMinutes = int.Parse(zone.AsSpan(4, 2), NumberStyles.None, CultureInfo.InvariantCulture);
            if (offsetHours > 23 || offsetMinutes > 59)
            {
                return CelError.Conversion($"'{text}' has an invalid UTC offset");
            }

            offsetSeconds = sign * ((offsetHours * 3600L) + (offsetMinutes * 60L));
        }

        var days = CivilCalendar.DaysFromCivil(year, month, day);
        var seconds = (days * 86_400L) + (hour * 3600L) + (minute * 60L) + second - offsetSeconds;
        return CelTimestamp.Create(seconds, nanos);
    }

    public static object ParseDuration(string text)
    {
        var rest = text.AsSpan();
        var negative = false;
        if (rest.Length > 0 && rest[0] is '-' or '+')
        {
            negative = rest[0] == '-';
            rest = rest[1..];
        }

        if (rest is "0")
        {
            return new CelDuration(0);
        }

        if (rest.IsEmpty)
        {
            return InvalidDuration(text);
        }

        Int128 total = 0;
        while (!rest.IsEmpty)
        {
            var integerLength = rest.IndexOfAnyExceptInRange('0', '9');
            if (integerLength < 0)
            {
                return InvalidDuration(text);
            }

            var integer = rest[..integerLength];
            rest = rest[integerLength..];
            var fraction = ReadOnlySpan<char>.Empty;
            if (!rest.IsEmpty && rest[0] == '.')
            {
                rest = rest[1..];
                var fractionLength = rest.IndexOfAnyExceptInRange('0', '9');
                if (fractionLength < 0)
                {
                    return InvalidDuration(text);
                }

                fraction = rest[..fractionLength];
                rest = rest[fractionLength..];
            }

            if (integer.IsEmpty && fraction.IsEmpty)
            {
                return InvalidDuration(text);
            }

            var unit = -1L;
            foreach (var (name, nanos) in Units)
            {
                // Longest unit names first would matter for "ms" vs "m": check the two-letter names first.
                if (rest.StartsWith(name, StringComparison.Ordinal) && (name != "m" || !rest.StartsWith("ms", StringComparison.Ordinal)))
                {
                    unit = nanos;
                    rest = rest[name.Length..];
                    break;
                }
            }

            if (unit < 0 || integer.Length > 20)
            {
                return unit < 0 ? InvalidDuration(text) : CelError.Range("duration");
            }

            Int128 whole = integer.IsEmpty ? 0 : Int128.Parse(integer, NumberStyles.None, CultureInfo.InvariantCulture);
            total += whole * unit;
            if (!fraction.IsEmpty)
            {
                var digits = fraction[..Math.Min(fraction.Length, 18)];
                var numerator = Int128.Parse(digits, NumberStyles.None, CultureInfo.InvariantCulture);
                total += numerator * unit / Int128.Parse("1" + new string('0', digits.Length), CultureInfo.InvariantCulture);
            }

            if (total > (Int128)long.MaxValue + 1)
            {
                return CelError.Range("duration");
            }
        }

        if (negative)
        {
            total = -total;
        }

        return total < long.MinValue || total > long.MaxValue ? CelError.Range("duration") : new CelDuration((long)total);
    }

    private static CelError InvalidDuration(string text) => CelError.Conversion($"'{text}' is not a duration");

    [GeneratedRegex(@"^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(\.\d{1,9})?([Zz]|[+-]\d{2}:\d{2})$", RegexOptions.CultureInvariant)]
    private static partial Regex Rfc3339();
}

/// <summary>Days since 1970-01-01 to and from proleptic Gregorian dates, for any year (no DateTime range limits).</summary>
internal static class CivilCalendar
{
    public static long DaysFromCivil(long year, int month, int day)
    {
        year -= month <= 2 ? 1 : 0;
        var era = (year >= 0 ? year : year - 399) / 400;
        var yearOfEra = year - (era * 400);
        var dayOfYear = ((153 * (month + (month > 2 ? -3 : 9))) + 2) / 5 + day - 1;
        var dayOfEra = (yearOfEra * 365) + (yearOfEra / 4) - (yearOfEra / 100) + dayOfYear;
        return (era * 146_097) + dayOfEra - 719_468;
    }

    public static (long Year, int Month, int Day) CivilFromDays(long days)
    {
        days += 719_468;
        var era = (days >= 0 ? days : days - 146_096) / 146_097;
        var dayOfEra = days - (era * 146_097);
        var yearOfEra = (dayOfEra - (dayOfEra / 1460) + (dayOfEra / 36_524) - (dayOfEra / 146_096)) / 365;
        var dayOfYear = dayOfEra - ((365 * yearOfEra) + (yearOfEra / 4) - (yearOfEra / 100));
        var monthIndex = ((5 * dayOfYear) + 2) / 153;
        var day = (int)(dayOfYear - (((153 * monthIndex) + 2) / 5) + 1);
        var month = (int)(monthIndex < 10 ? monthIndex + 3 : monthIndex - 9);
        return ((yearOfEra + (era * 400)) + (month <= 2 ? 1 : 0), month, day);
    }
}
