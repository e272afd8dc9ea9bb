namespace LineCrm.Campaigns.Measurement;

/// <summary>A two-sided confidence interval, <see cref="Lower"/> to <see cref="Upper"/>.</summary>
/// <param name="Lower">The lower bound.</param>
/// <param name="Upper">The upper bound.</param>
public readonly record struct ConfidenceInterval(double Lower, double Upper)
{
    /// <summary>Whether the value lies in the interval, bounds included.</summary>
    public bool Contains(double value) => value >= Lower && value <= Upper;

    /// <summary>Whether the interval excludes zero: the difference is significant at the interval's level.</summary>
    public bool ExcludesZero => !Contains(0);

    /// <summary>The interval scaled by a factor (a number of persons), for totals such as incremental conversions.</summary>
    public ConfidenceInterval Times(double factor)
        => factor >= 0 ? new(Lower * factor, Upper * factor) : new(Upper * factor, Lower * factor);
}
