namespace LineCrm.Campaigns.Rules;

/// <summary>
/// The local hours in which no message is sent, from <see cref="Start"/> (inclusive) to <see cref="End"/>
/// (exclusive) on the person's local clock; a window whose start is after its end crosses midnight, such as
/// 21:00-09:00. A send that falls in the window is deferred to the end of the window, never dropped.
/// </summary>
public sealed record QuietHours
{
    /// <summary>Makes the window.</summary>
    /// <param name="start">The local time the quiet hours begin.</param>
    /// <param name="end">The local time they end, and deferred sends go out.</param>
    /// <exception cref="ArgumentException">Start and end are equal (the window would be empty or the whole day).</exception>
    public QuietHours(TimeOnly start, TimeOnly end)
    {
        if (start == end)
        {
            throw new ArgumentException($"Quiet hours from {start:HH:mm} to {end:HH:mm} are empty or the whole day: give different times.", nameof(end));
        }

        Start = start;
        End = end;
    }

    /// <summary>The local time the quiet hours begin.</summary>
    public TimeOnly Start { get; }

    /// <summary>The local time they end.</summary>
    public TimeOnly End { get; }

    /// <summary>Whether the window crosses local midnight.</summary>
    public bool CrossesMidnight => Start > End;

    /// <summary>Whether a local clock time is inside the window.</summary>
    public bool Contains(TimeOnly localTime)
        => CrossesMidnight ? localTime >= Start || localTime < End : localTime >= Start && localTime < End;

    /// <summary>
    /// The first instant at or after <paramref name="instant"/> whose local clock time in <paramref name="zone"/>
    /// is outside the window: <paramref name="instant"/> itself when it is outside, else the next time the clock
    /// reads <see cref="End"/> (or, when DST skips that reading, the first instant after the skipped hour).
    /// </summary>
    /// <param name="instant">When the send would go out.</param>
    /// <param name="zone">The person's time zone.</param>
    public DateTimeOffset NextAllowed(DateTimeOffset instant, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var candidate = instant;
        // A repeated autumn hour can put the clock back inside the window once; more rounds than that mean a bug.
        for (var round = 0; round < 4; round++)
        {
            var local = LocalClock.LocalOf(candidate, zone);
            if (!Contains(TimeOnly.FromTimeSpan(local.TimeOfDay)))
            {
                return candidate;
            }

            var endDay = CrossesMidnight && TimeOnly.FromTimeSpan(local.TimeOfDay) >= Start ? local.Date.AddDays(1) : local.Date;
            candidate = LocalClock.FirstInstantAtOrAfter(endDay + End.ToTimeSpan(), zone, candidate);
        }

        throw new InvalidOperationException($"No time outside quiet hours {this} was found after {instant:O} in {zone.Id}.");
    }

    /// <summary>The window in words, for example "21:00-09:00".</summary>
    public override string ToString() => $"{Start:HH\\:mm}-{End:HH\\:mm}";
}
