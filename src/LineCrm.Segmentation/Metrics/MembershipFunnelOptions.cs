namespace LineCrm.Segmentation.Metrics;

/// <summary>
/// Which friends a membership funnel counts and by which calendar: friends added on local dates from
/// <see cref="From"/> (inclusive) to <see cref="Until"/> (exclusive) in <see cref="TimeZone"/>. The later steps are
/// states as of the end of the range: linked before it, purchase days before it.
/// </summary>
/// <param name="TimeZone">The time zone whose calendar defines days and months.</param>
public sealed record MembershipFunnelOptions(TimeZoneInfo TimeZone)
{
    /// <summary>The first local date of the range, or null for no lower bound.</summary>
    public DateOnly? From { get; init; }

    /// <summary>The local date the range ends before (exclusive), or null for no upper bound.</summary>
    public DateOnly? Until { get; init; }

    /// <summary>The time zone whose calendar defines days and months.</summary>
    public TimeZoneInfo TimeZone { get; init; } = TimeZone ?? throw new ArgumentNullException(nameof(TimeZone));
}
