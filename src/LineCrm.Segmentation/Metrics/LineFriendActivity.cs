namespace LineCrm.Segmentation.Metrics;

/// <summary>How many LINE friends block the account and how many clicked recently, as of one instant.</summary>
/// <param name="Friends">Persons who added the account at or before the instant.</param>
/// <param name="Blocked">Of those, persons whose latest friend-add, block or unblock event was a block.</param>
/// <param name="ClickActive">Of those, persons whose last click is within the window before the instant.</param>
/// <param name="ClickWindowDays">The click window in days.</param>
public sealed record LineFriendActivity(long Friends, long Blocked, long ClickActive, int ClickWindowDays)
{
    /// <summary>Blocked rate: <see cref="Blocked"/> / <see cref="Friends"/>; null without friends.</summary>
    public double? BlockedRate => Rate.Of(Blocked, Friends);

    /// <summary>Click-active rate: <see cref="ClickActive"/> / <see cref="Friends"/>; null without friends.</summary>
    public double? ClickActiveRate => Rate.Of(ClickActive, Friends);

    /// <summary>
    /// Counts friends, blocked friends and friends who clicked within <paramref name="clickWindowDays"/> days
    /// (24-hour periods) up to and including <paramref name="asOf"/>.
    /// </summary>
    /// <param name="friends">The friend facts.</param>
    /// <param name="asOf">The instant; not before the table's latest event, since the table keeps only each person's latest state.</param>
    /// <param name="clickWindowDays">The click window, at least 1 day.</param>
    /// <exception cref="ArgumentOutOfRangeException">The window is below 1, or <paramref name="asOf"/> is before the latest event.</exception>
    public static LineFriendActivity Compute(FriendTable friends, DateTimeOffset asOf, int clickWindowDays)
    {
        ArgumentNullException.ThrowIfNull(friends);
        ArgumentOutOfRangeException.ThrowIfLessThan(clickWindowDays, 1);
        if (asOf.UtcTicks < friends.LatestEventUtcTicks)
        {
            throw new ArgumentOutOfRangeException(nameof(asOf), asOf,
                $"The table's latest event is at {new DateTimeOffset(friends.LatestEventUtcTicks, TimeSpan.Zero):O}; "
                + "it holds each person's latest state only, so it can answer as of that instant or later.");
        }

        var end = asOf.UtcTicks;
        var windowStart = end - (clickWindowDays * TimeSpan.TicksPerDay);
        long count = 0, blocked = 0, active = 0;
        for (var p = 0; p < friends.PersonCount; p++)
        {
            var added = friends.FriendAddedColumn[p];
            if (added == FriendTable.Never || added > end)
            {
                continue;
            }

            count++;
            if (friends.BlockedColumn[p])
            {
                blocked++;
            }

            var click = friends.LastClickColumn[p];
            if (click != FriendTable.Never && click > windowStart && click <= end)
            {
                active++;
            }
        }

        return new LineFriendActivity(count, blocked, active, clickWindowDays);
    }
}
