namespace LineCrm.Campaigns.Rules;

/// <summary>
/// Instants and local clock times in one time zone, across DST: a local time that does not exist (the hour
/// skipped in spring) becomes the first instant after the gap; one that exists twice (the hour repeated in autumn)
/// becomes the first of the two that is not before a given instant.
/// </summary>
internal static class LocalClock
{
    public static DateTime LocalOf(DateTimeOffset instant, TimeZoneInfo zone)
        => TimeZoneInfo.ConvertTime(instant, zone).DateTime;

    /// <summary>
    /// The first instant, not before <paramref name="notBefore"/>, at which the zone's clock reads
    /// <paramref name="local"/> or later.
    /// </summary>
    public static DateTimeOffset FirstInstantAtOrAfter(DateTime local, TimeZoneInfo zone, DateTimeOffset notBefore)
    {
        local = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        if (zone.IsAmbiguousTime(local))
        {
            // The clock reads `local` twice; from inside the repeated hour the first reading may be past already.
            var readings = zone.GetAmbiguousTimeOffsets(local).Select(offset => new DateTimeOffset(local, offset)).Order().ToList();
            return readings.FirstOrDefault(r => r >= notBefore, readings[^1]);
        }

        if (!zone.IsInvalidTime(local))
        {
            return new DateTimeOffset(local, zone.GetUtcOffset(local));
        }

        // In a gap: the clock jumps from before `local` to after it at one instant, which lies between the readings
        // of `local` under the largest and the smallest offset of the day; find it to the tick.
        var offsets = new[] { zone.GetUtcOffset(local.AddDays(-1)), zone.GetUtcOffset(local.AddDays(1)) };
        var low = new DateTimeOffset(local, offsets.Max()).UtcTicks;
        var high = new DateTimeOffset(local, offsets.Min()).UtcTicks;
        while (low < high)
        {
            var middle = low + ((high - low) / 2);
            if (LocalOf(new DateTimeOffset(middle, TimeSpan.Zero), zone) >= local)
            {
                high = middle;
            }
            else
            {
                low = middle + 1;
            }
        }

        return new DateTimeOffset(low, TimeSpan.Zero);
    }
}
