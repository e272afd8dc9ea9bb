using MathNet.Numerics.Distributions;

namespace LineCrm.Campaigns.Measurement;

/// <summary>
/// The distribution quantiles the intervals need, from MathNet.Numerics (docs/campaigns.md says why a library):
/// the standard normal's, and Student's t with any real number of degrees of freedom (Welch-Satterthwaite's are
/// rarely whole).
/// </summary>
internal static class Quantiles
{
    /// <summary>The standard normal quantile: z such that P(Z &lt;= z) = p.</summary>
    public static double Normal(double p) => MathNet.Numerics.Distributions.Normal.InvCDF(0, 1, p);

    /// <summary>Student's t quantile with <paramref name="degreesOfFreedom"/> degrees of freedom.</summary>
    public static double StudentT(double p, double degreesOfFreedom)
        => MathNet.Numerics.Distributions.StudentT.InvCDF(0, 1, degreesOfFreedom, p);
}
