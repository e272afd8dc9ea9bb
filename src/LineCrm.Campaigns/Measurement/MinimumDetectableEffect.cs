namespace LineCrm.Campaigns.Measurement;

/// <summary>
/// The smallest absolute difference of conversion rates that a two-sided test at alpha detects with the given
/// power, for the groups' sizes: (z(1 - alpha/2) + z(power)) * sqrt(p (1 - p) (1/n1 + 1/n2)), with p the pooled
/// rate of both groups (the common rate if there were no effect; unlike the holdout's rate alone it is not 0 for a
/// holdout without conversions).
/// </summary>
internal static class MinimumDetectableEffect
{
    public static double Compute(GroupOutcome first, GroupOutcome second, double alpha, double power)
    {
        var p = (double)(first.Conversions + second.Conversions) / (first.Persons + second.Persons);
        var z = Quantiles.Normal(1 - (alpha / 2)) + Quantiles.Normal(power);
        return z * Math.Sqrt(p * (1 - p) * ((1.0 / first.Persons) + (1.0 / second.Persons)));
    }
}
