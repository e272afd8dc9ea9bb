namespace LineCrm.Campaigns.Measurement;

/// <summary>
/// Newcombe's hybrid score interval for the difference of two independent proportions p1 - p2 (Newcombe 1998,
/// Statistics in Medicine 17:873-890, method 10): with (l1, u1) and (l2, u2) the Wilson intervals of each,
/// lower = d - sqrt((p1 - l1)^2 + (u2 - p2)^2) and upper = d + sqrt((u1 - p1)^2 + (p2 - l2)^2).
/// </summary>
internal static class NewcombeHybrid
{
    public static ConfidenceInterval Interval(long successes1, long trials1, long successes2, long trials2, double z)
    {
        var p1 = (double)successes1 / trials1;
        var p2 = (double)successes2 / trials2;
        var (l1, u1) = WilsonScore.Interval(successes1, trials1, z);
        var (l2, u2) = WilsonScore.Interval(successes2, trials2, z);
        var d = p1 - p2;
        return new ConfidenceInterval(
            d - Math.Sqrt(((p1 - l1) * (p1 - l1)) + ((u2 - p2) * (u2 - p2))),
            d + Math.Sqrt(((u1 - p1) * (u1 - p1)) + ((p2 - l2) * (p2 - l2))));
    }
}
