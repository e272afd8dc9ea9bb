namespace LineCrm.Campaigns.Rules;

/// <summary>
/// Which calendar period an instant falls in, on a zone's local calendar: a day is named by its local date, a
/// week by the local date of its Monday (ISO 8601 weeks). Comparing these names, not instants, keeps DST days of
/// 23 or 25 hours and zones ahead of UTC right.
/// </summary>
internal static class CalendarPeriods
{
    /// <summary>Longer than any local week, even one with a DST change: the history read around a send.</summary>
    public static readonly TimeSpan Margin = TimeSpan.FromDays(8);

    public static DateOnly PeriodOf(DateTimeOffset instant, TimeZoneInfo zone, CapPeriod period)
    {
        var day = DateOnly.FromDateTime(LocalClock.LocalOf(instant, zone));
        return period == CapPeriod.Day ? day : day.AddDays(-(((int)day.DayOfWeek + 6) % 7));
    }
}
