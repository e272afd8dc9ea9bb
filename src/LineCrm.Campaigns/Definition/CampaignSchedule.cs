using System.Globalization;

namespace LineCrm.Campaigns.Definition;

/// <summary>
/// When a campaign sends: now, once at an instant or at a local time in a time zone, or recurring daily or on
/// given weekdays at a local time. A local time that the zone skips (a daylight-saving gap) sends at the first
/// instant after the gap; one it repeats sends at the first of the two.
/// </summary>
public sealed class CampaignSchedule
{
    /// <summary>The key of the single run of a one-off campaign.</summary>
    public const string OnceKey = "once";

    private readonly DateTimeOffset? _instant;
    private readonly TimeOnly _time;
    private readonly TimeZoneInfo? _zone;
    private readonly IReadOnlySet<DayOfWeek>? _days;

    private CampaignSchedule(DateTimeOffset? instant, TimeOnly time, TimeZoneInfo? zone, IReadOnlySet<DayOfWeek>? days, string description)
    {
        (_instant, _time, _zone, _days, Description) = (instant, time, zone, days, description);
    }

    /// <summary>As soon as the campaign is run: the default.</summary>
    public static CampaignSchedule Now { get; } = new(null, default, null, null, "now");

    /// <summary>Whether the campaign runs more than once.</summary>
    public bool IsRecurring => _days is not null;

    /// <summary>The schedule in words, for plans and logs.</summary>
    public string Description { get; }

    /// <summary>Once, at <paramref name="at"/> (a time already past means as soon as it is run).</summary>
    /// <param name="at">The instant.</param>
    public static CampaignSchedule Once(DateTimeOffset at) => new(at, default, null, null, $"once at {at:O}");

    /// <summary>Once, at a local date and time in <paramref name="zone"/>.</summary>
    /// <param name="date">The local date.</param>
    /// <param name="time">The local time.</param>
    /// <param name="zone">The zone the date and time are in (the account's, say Asia/Tokyo).</param>
    public static CampaignSchedule Once(DateOnly date, TimeOnly time, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var at = LocalClockTime(date, time, zone);
        return new(at, default, null, null, $"once at {date:yyyy-MM-dd} {time:HH\\:mm} {zone.Id}");
    }

    /// <summary>Every day at <paramref name="time"/> in <paramref name="zone"/>.</summary>
    /// <param name="time">The local time.</param>
    /// <param name="zone">The zone.</param>
    public static CampaignSchedule Daily(TimeOnly time, TimeZoneInfo zone) =>
        Weekly([DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday, DayOfWeek.Sunday], time, zone);

    /// <summary>On the given weekdays at <paramref name="time"/> in <paramref name="zone"/> (the weekday is the zone's).</summary>
    /// <param name="days">The weekdays, at least one.</param>
    /// <param name="time">The local time.</param>
    /// <param name="zone">The zone.</param>
    /// <exception cref="ArgumentException">No weekday, or one that is not a day of the week.</exception>
    public static CampaignSchedule Weekly(IReadOnlyCollection<DayOfWeek> days, TimeOnly time, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(days);
        ArgumentNullException.ThrowIfNull(zone);
        if (days.Count == 0 || days.Any(d => !Enum.IsDefined(d)))
        {
            throw new ArgumentException("A recurring schedule needs one or more days of the week.", nameof(days));
        }

        var set = days.ToHashSet();
        var what = set.Count == 7 ? "daily" : $"every {string.Join(", ", set.Order().Select(d => d.ToString()))}";
        return new(null, time, zone, set, $"{what} at {time:HH\\:mm} {zone.Id}");
    }

    /// <summary>
    /// The run that is due at <paramref name="now"/>: for a one-off campaign its only run (now, or its instant); for a
    /// recurring one the latest run at or before <paramref name="now"/>, or the next when none has come yet.
    /// Running the same occurrence again (after a crash, say) names the same key, so nobody is sent twice.
    /// </summary>
    /// <param name="now">The current time.</param>
    public CampaignOccurrence OccurrenceAt(DateTimeOffset now)
    {
        if (!IsRecurring)
        {
            return new CampaignOccurrence(OnceKey, _instant ?? now);
        }

        var zone = _zone!;
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime);
        // The latest run at or before now is within the last 7 local days; if none, the first run after now.
        for (var back = 0; back <= 7; back++)
        {
            var date = today.AddDays(-back);
            if (_days!.Contains(date.DayOfWeek) && LocalClockTime(date, _time, zone) is var at && at <= now)
            {
                return Occurrence(date, at);
            }
        }

        return Next(now);
    }

    /// <summary>The first run strictly after <paramref name="after"/>; a one-off campaign's only run when it is later.</summary>
    /// <param name="after">The instant.</param>
    /// <returns>The run, or null when a one-off campaign has none left.</returns>
    public CampaignOccurrence? NextAfter(DateTimeOffset after)
    {
        if (!IsRecurring)
        {
            return _instant is { } at && at > after ? new CampaignOccurrence(OnceKey, at) : null;
        }

        return Next(after);
    }

    /// <inheritdoc />
    public override string ToString() => Description;

    private CampaignOccurrence Next(DateTimeOffset after)
    {
        var zone = _zone!;
        var date = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(after, zone).DateTime);
        for (var ahead = 0; ; ahead++)
        {
            var day = date.AddDays(ahead);
            if (_days!.Contains(day.DayOfWeek) && LocalClockTime(day, _time, zone) is var at && at > after)
            {
                return Occurrence(day, at);
            }
        }
    }

    private static CampaignOccurrence Occurrence(DateOnly date, DateTimeOffset at) =>
        new(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), at);

    /// <summary>The instant a wall clock in <paramref name="zone"/> shows the date and time: the first after a gap, the first of a repeat.</summary>
    private static DateTimeOffset LocalClockTime(DateOnly date, TimeOnly time, TimeZoneInfo zone)
    {
        var local = date.ToDateTime(time, DateTimeKind.Unspecified);
        while (zone.IsInvalidTime(local))
        {
            // Inside a gap the clock jumps ahead: the first valid minute after it is the moment the gap ends.
            local = local.AddMinutes(1);
            local = new DateTime(local.Year, local.Month, local.Day, local.Hour, local.Minute, 0, DateTimeKind.Unspecified);
        }

        var offset = zone.IsAmbiguousTime(local) ? zone.GetAmbiguousTimeOffsets(local).Max() : zone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset);
    }
}
