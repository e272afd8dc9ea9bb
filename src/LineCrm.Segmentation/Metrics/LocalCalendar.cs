namespace LineCrm.Segmentation.Metrics;

/// <summary>
/// Turns UTC instants into local calendar days (<see cref="DateOnly.DayNumber"/>) and months in one time zone,
/// fast enough for tens of millions of rows.
/// </summary>
/// <remarks>
/// Asking <see cref="TimeZoneInfo"/> for every row costs far more than the rest of an analysis. Offsets change
/// at most once in any real UTC day, so the offset at the start and at the end of each UTC day in the data's
/// range is looked up once: when they agree, the whole day has that offset; when they differ (a daylight-saving
/// change that day), rows of that day ask the time zone directly. The result is exactly
/// <see cref="TimeZoneInfo.ConvertTime(DateTimeOffset, TimeZoneInfo)"/>'s date.
/// </remarks>
internal sealed class LocalCalendar
{
    private const int Mixed = int.MinValue;
    private readonly TimeZoneInfo _timeZone;
    private readonly long _firstUtcDay;
    private readonly int[] _offsetMinutesByUtcDay;

    private LocalCalendar(TimeZoneInfo timeZone, long firstUtcDay, int[] offsetMinutesByUtcDay)
    {
        _timeZone = timeZone;
        _firstUtcDay = firstUtcDay;
        _offsetMinutesByUtcDay = offsetMinutesByUtcDay;
    }

    /// <summary>A calendar for instants between <paramref name="minUtcTicks"/> and <paramref name="maxUtcTicks"/>.</summary>
    public static LocalCalendar ForRange(TimeZoneInfo timeZone, long minUtcTicks, long maxUtcTicks)
    {
        ArgumentNullException.ThrowIfNull(timeZone);
        if (maxUtcTicks < minUtcTicks)
        {
            return new LocalCalendar(timeZone, 0, []);
        }

        var first = minUtcTicks / TimeSpan.TicksPerDay;
        var last = maxUtcTicks / TimeSpan.TicksPerDay;
        var offsets = new int[last - first + 1];
        for (var d = 0; d < offsets.Length; d++)
        {
            var start = (first + d) * TimeSpan.TicksPerDay;
            var end = Math.Min(start + TimeSpan.TicksPerDay - 1, DateTime.MaxValue.Ticks);
            var atStart = OffsetMinutes(timeZone, start);
            offsets[d] = atStart == OffsetMinutes(timeZone, end) ? atStart : Mixed;
        }

        return new LocalCalendar(timeZone, first, offsets);
    }

    /// <summary>A calendar covering every instant in <paramref name="utcTicks"/>.</summary>
    public static LocalCalendar ForValues(TimeZoneInfo timeZone, ReadOnlySpan<long> utcTicks)
    {
        if (utcTicks.IsEmpty)
        {
            return ForRange(timeZone, 1, 0);
        }

        var min = long.MaxValue;
        var max = long.MinValue;
        foreach (var t in utcTicks)
        {
            min = Math.Min(min, t);
            max = Math.Max(max, t);
        }

        return ForRange(timeZone, min, max);
    }

    /// <summary>The local calendar day (<see cref="DateOnly.DayNumber"/>) of a UTC instant.</summary>
    public int DayNumber(long utcTicks)
    {
        var slot = (utcTicks / TimeSpan.TicksPerDay) - _firstUtcDay;
        var offset = (ulong)slot < (ulong)_offsetMinutesByUtcDay.Length ? _offsetMinutesByUtcDay[slot] : Mixed;
        if (offset == Mixed)
        {
            offset = OffsetMinutes(_timeZone, utcTicks);
        }

        return (int)((utcTicks + (offset * TimeSpan.TicksPerMinute)) / TimeSpan.TicksPerDay);
    }

    /// <summary>The local calendar day of every instant, into <paramref name="days"/>.</summary>
    public void DayNumbers(ReadOnlySpan<long> utcTicks, Span<int> days)
    {
        for (var i = 0; i < utcTicks.Length; i++)
        {
            days[i] = DayNumber(utcTicks[i]);
        }
    }

    /// <summary>The UTC instant at which a local calendar day begins (the first instant whose local date is that day).</summary>
    public static long StartOfDayUtcTicks(TimeZoneInfo timeZone, DateOnly day)
    {
        var local = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);

        // Some zones skip midnight on the day daylight saving starts; the day then begins at the end of the gap.
        while (timeZone.IsInvalidTime(local))
        {
            local = local.AddMinutes(15);
        }

        var offset = timeZone.IsAmbiguousTime(local)
            ? timeZone.GetAmbiguousTimeOffsets(local).Max()
            : timeZone.GetUtcOffset(local);
        return local.Ticks - offset.Ticks;
    }

    /// <summary>The month index (<see cref="CalendarMonth"/>) of a day number.</summary>
    public static int MonthIndex(int dayNumber)
    {
        var date = DateOnly.FromDayNumber(dayNumber);
        return (date.Year * 12) + date.Month - 1;
    }

    private static int OffsetMinutes(TimeZoneInfo timeZone, long utcTicks)
        => (int)(timeZone.GetUtcOffset(new DateTime(utcTicks, DateTimeKind.Utc)).Ticks / TimeSpan.TicksPerMinute);
}
