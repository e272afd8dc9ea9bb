namespace LineCrm.Campaigns.Measurement;

/// <summary>
/// Welch's interval for the difference of two means with unequal variances: d = m1 - m2,
/// se = sqrt(v1/n1 + v2/n2), Welch-Satterthwaite degrees of freedom
/// df = se^4 / ((v1/n1)^2/(n1 - 1) + (v2/n2)^2/(n2 - 1)), and d +- t(1 - alpha/2, df) se.
/// </summary>
internal static class WelchInterval
{
    /// <summary>The interval and its degrees of freedom; null when a group has fewer than 2 persons (no variance).</summary>
    public static (ConfidenceInterval Interval, double DegreesOfFreedom)? Compute(GroupOutcome first, GroupOutcome second, double confidence)
    {
        if (first.Persons < 2 || second.Persons < 2)
        {
            return null;
        }

        var d = first.RevenueMean - second.RevenueMean;
        var a = first.RevenueVariance / first.Persons;
        var b = second.RevenueVariance / second.Persons;
        var se = Math.Sqrt(a + b);
        if (se == 0)
        {
            // Both groups' revenues are constant: the difference is known exactly, and df is 0/0. Report the
            // smallest df the formula can give otherwise, min(n) - 1, to say how much data stands behind it.
            return (new ConfidenceInterval(d, d), Math.Min(first.Persons, second.Persons) - 1);
        }

        var df = (a + b) * (a + b) / ((a * a / (first.Persons - 1)) + (b * b / (second.Persons - 1)));
        var t = Quantiles.StudentT(1 - ((1 - confidence) / 2), df);
        return (new ConfidenceInterval(d - (t * se), d + (t * se)), df);
    }
}
