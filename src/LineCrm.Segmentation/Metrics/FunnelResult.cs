namespace LineCrm.Segmentation.Metrics;

/// <summary>A funnel's figures for one group of persons.</summary>
/// <param name="Counts">Persons reaching each step (element 0 is everyone who did the first step); never growing.</param>
/// <param name="MedianTimeToConvert">The median time from the first to the last step of persons who reached the last step (nearest rank), or null.</param>
/// <param name="MeanTimeToConvert">The mean of those times, or null.</param>
public sealed record FunnelResult(IReadOnlyList<long> Counts, TimeSpan? MedianTimeToConvert, TimeSpan? MeanTimeToConvert)
{
    /// <summary>Element k is Counts[k + 1] / Counts[k], the conversion from step k to step k + 1 (null when nobody reached step k).</summary>
    public IReadOnlyList<double?> StepConversion => [.. Enumerable.Range(0, Math.Max(0, Counts.Count - 1)).Select(k => Rate.Of(Counts[k + 1], Counts[k]))];

    /// <summary>The last step's count over the first step's count, or null when nobody did the first step.</summary>
    public double? OverallConversion => Counts.Count == 0 ? null : Rate.Of(Counts[^1], Counts[0]);
}
