namespace LineCrm.Campaigns.Measurement;

/// <summary>
/// Wilson's score interval for one proportion (Wilson 1927; method 3 of Newcombe 1998): the p whose score test
/// against the observed x / n is not rejected at z. Unlike the Wald interval it stays inside [0, 1] and keeps its
/// coverage near 0 and 1, which conversion rates usually are.
/// </summary>
internal static class WilsonScore
{
    public static ConfidenceInterval Interval(long successes, long trials, double z)
    {
        var n = (double)trials;
        var p = successes / n;
        var z2 = z * z;
        var denominator = 1 + (z2 / n);
        var centre = (p + (z2 / (2 * n))) / denominator;
        var half = z / denominator * Math.Sqrt((p * (1 - p) / n) + (z2 / (4 * n * n)));
        // The bounds are exactly 0 and 1 at x = 0 and x = n; rounding must not push them past.
        return new ConfidenceInterval(Math.Max(0, centre - half), Math.Min(1, centre + half));
    }
}
