namespace LineCrm.Segmentation.Metrics;

/// <summary>
/// The distribution of days between consecutive purchase days, pooled over all customers. Percentiles are by
/// nearest rank: the p-th percentile of N sorted intervals is the one at rank ceil(p/100 * N) (1-based); the
/// median is the 50th percentile, so with an even count it is the lower of the two middle values.
/// </summary>
/// <param name="Count">How many intervals (a customer with k purchase days gives k - 1).</param>
/// <param name="Median">The 50th percentile, or null without intervals.</param>
/// <param name="P25">The 25th percentile, or null.</param>
/// <param name="P75">The 75th percentile, or null.</param>
/// <param name="Mean">The mean, or null.</param>
/// <param name="Histogram30">
/// Counts in 30-day buckets: element b counts intervals of 30b to 30b + 29 days, and the last element (b = 12)
/// counts 360 days and more. Always 13 elements; they add up to <see cref="Count"/>.
/// </param>
public sealed record IntervalSummary(long Count, int? Median, int? P25, int? P75, double? Mean, IReadOnlyList<long> Histogram30)
{
    /// <summary>The width of a histogram bucket in days.</summary>
    public const int BucketDays = 30;

    /// <summary>The number of buckets; the last is open-ended (360 days and more).</summary>
    public const int Buckets = 13;
}
