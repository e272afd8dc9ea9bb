namespace LineCrm.Samples.Analysis.Campaigns;

/// <summary>
/// The demo's clock: the campaigns run over a simulated week in seconds, so "now" is whatever the job says it is.
/// Every part that reads the time (the delivery rules, the planner, the sender) is handed this one clock.
/// </summary>
internal sealed class SimulatedClock(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset _now = start;

    public override DateTimeOffset GetUtcNow() => _now.ToUniversalTime();

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    /// <summary>Moves the clock forward to <paramref name="instant"/> (never back).</summary>
    public void AdvanceTo(DateTimeOffset instant)
    {
        if (instant > _now)
        {
            _now = instant;
        }
    }
}
