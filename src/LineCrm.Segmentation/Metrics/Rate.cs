namespace LineCrm.Segmentation.Metrics;

/// <summary>Ratios the way every metric reports them.</summary>
internal static class Rate
{
    /// <summary><paramref name="part"/> / <paramref name="whole"/>, or null when the whole is zero (the rate is undefined, not 0).</summary>
    public static double? Of(long part, long whole) => whole == 0 ? null : (double)part / whole;
}
