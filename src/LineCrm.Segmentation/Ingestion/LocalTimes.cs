using System.Globalization;

namespace LineCrm.Segmentation.Ingestion;

/// <summary>Turns dates and times written in an order file into instants, by the file's time zone when they carry no offset.</summary>
internal static class LocalTimes
{
    /// <summary>A date-only value is placed at local noon: on its date in the zone even when midnight is skipped or repeated.</summary>
    public static readonly TimeOnly DateOnlyTime = new(12, 0);

    /// <returns>The instant, or null (with <paramref name="problem"/>) when it falls outside years 1 to 9999 in UTC.</returns>
    public static DateTimeOffset? AtNoon(DateOnly date, TimeZoneInfo timeZone, out string? problem)
        => FromLocal(date.ToDateTime(DateOnlyTime), timeZone, out problem);

    /// <summary>
    /// The instant of a local wall-clock time; null when the zone skips it (a daylight-saving gap) or when its instant
    /// falls outside what <see cref="DateTimeOffset"/> holds (UTC years 1 to 9999: 0001-01-01T00:00 in Tokyo is
    /// 0000-12-31 in UTC). Repeated times take the earlier instant.
    /// </summary>
    public static DateTimeOffset? FromLocal(DateTime local, TimeZoneInfo timeZone, out string? problem)
    {
        local = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        if (timeZone.IsInvalidTime(local))
        {
            problem = FormattableString.Invariant($"{local:yyyy-MM-dd HH:mm:ss} does not exist in {timeZone.Id} (skipped by a daylight-saving change).");
            return null;
        }

        var offset = timeZone.IsAmbiguousTime(local) ? timeZone.GetAmbiguousTimeOffsets(local).Max() : timeZone.GetUtcOffset(local);
        var utcTicks = local.Ticks - offset.Ticks;
        if (utcTicks < DateTime.MinValue.Ticks || utcTicks > DateTime.MaxValue.Ticks)
        {
            problem = FormattableString.Invariant(
                $"{local:yyyy-MM-dd HH:mm:ss} in {timeZone.Id} (UTC{(offset < TimeSpan.Zero ? "-" : "+")}{offset:hh\\:mm}) falls outside years 1 to 9999 in UTC.");
            return null;
        }

        problem = null;
        return new DateTimeOffset(local, offset);
    }

    /// <summary>Parses an ISO 8601 date, local date-time, or date-time with offset.</summary>
    public static DateTimeOffset? Parse(ReadOnlySpan<char> text, TimeZoneInfo timeZone, out string? problem)
    {
        if (text.Length == 10 && DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return AtNoon(date, timeZone, out problem);
        }

        if (HasOffset(text) && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var withOffset))
        {
            problem = null;
            return withOffset;
        }

        if (!HasOffset(text) && DateTime.TryParseExact(text, LocalFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            return FromLocal(local, timeZone, out problem);
        }

        problem = $"'{text}' is not a date (yyyy-MM-dd), a local time (yyyy-MM-ddTHH:mm[:ss]) or a time with an offset (2026-01-05T10:30:00+09:00).";
        return null;
    }

    private static readonly string[] LocalFormats =
        ["yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF"];

    private static bool HasOffset(ReadOnlySpan<char> text)
    {
        if (text.Length < 11)
        {
            return false;
        }

        var time = text[11..];
        return time.EndsWith("Z") || time.EndsWith("z") || time.IndexOfAny('+', '-') >= 0;
    }
}
