using LineCrm.Campaigns.Measurement;

namespace LineCrm.Campaigns.Tests.Measurement;

/// <summary>
/// The intervals against values computed outside the code: expected_values.py beside this file writes the
/// formulas out in Python (SciPy 1.10 only for the normal and t quantiles); run it with python3 to see each value.
/// The Newcombe cases are the examples of Newcombe 1998 (Statistics in Medicine 17:873-890), Table II; rounded to
/// 4 places with z = 1.96 they are the paper's method 10 column.
/// </summary>
public sealed class IntervalFormulaTests
{
    private static readonly double Z = 1.959963984540054;

    [Theory]
    [InlineData(56, 70, 48, 80, 0.052431472402365065, 0.333872654036906)]
    [InlineData(9, 10, 3, 10, 0.17052272393450302, 0.8090179735354881)]
    [InlineData(6, 7, 2, 7, 0.0582279274823122, 0.8062496375242277)]
    [InlineData(5, 56, 0, 29, -0.03813714790353688, 0.19256001385511162)]
    [InlineData(0, 10, 0, 20, -0.16112515805281938, 0.2775327998628892)]
    [InlineData(0, 10, 0, 10, -0.2775327998628892, 0.2775327998628892)]
    [InlineData(10, 10, 0, 20, 0.6790860371419147, 1.0)]
    [InlineData(10, 10, 0, 10, 0.6075093504305242, 1.0)]
    public void Newcombes_hybrid_score_interval_matches_the_formula(int x1, int n1, int x2, int n2, double lower, double upper)
    {
        var interval = NewcombeHybrid.Interval(x1, n1, x2, n2, Z);
        Assert.Equal(lower, interval.Lower, 1e-12);
        Assert.Equal(upper, interval.Upper, 1e-12);
    }

    [Fact]
    public void The_z_of_a_95_percent_interval_is_the_normal_quantile()
        => Assert.Equal(Z, Quantiles.Normal(0.975), 1e-12);

    [Fact]
    public void Wilsons_interval_matches_the_formula()
    {
        var interval = WilsonScore.Interval(81, 263, Z);
        Assert.Equal(0.2552885198782742, interval.Lower, 1e-12);
        Assert.Equal(0.36620957698280004, interval.Upper, 1e-12);
    }

    [Theory]
    [InlineData(0.975, 3.7, 2.8675207071912086)]
    [InlineData(0.975, 10, 2.2281388519649385)]
    [InlineData(0.975, 117.4, 1.980377096777421)]
    [InlineData(0.975, 1e4, 1.960201239890626)]
    [InlineData(0.975, 1e6, 1.9599663568141066)]
    [InlineData(0.8, 1, 1.3763819204924512)]
    public void Student_t_quantiles_match_SciPy(double p, double df, double expected)
        => Assert.Equal(expected, Quantiles.StudentT(p, df), 1e-9);

    [Theory]
    [InlineData(1000, 12.5, 900.0, 120, 9.8, 650.0, 161.29942180227022, -2.2632113931132647, 7.663211393113263)]
    [InlineData(5, 3.0, 2.5, 7, 1.0, 0.25, 4.576271186440678, 0.06490093200076319, 3.9350990679992366)]
    public void Welchs_interval_matches_the_formula(
        long n1, double m1, double v1, long n2, double m2, double v2, double df, double lower, double upper)
    {
        var result = WelchInterval.Compute(new GroupOutcome(n1, 0, m1, v1), new GroupOutcome(n2, 0, m2, v2), 0.95);
        Assert.NotNull(result);
        Assert.Equal(df, result.Value.DegreesOfFreedom, 1e-9);
        Assert.Equal(lower, result.Value.Interval.Lower, 1e-8);
        Assert.Equal(upper, result.Value.Interval.Upper, 1e-8);
    }

    [Fact]
    public void Welch_needs_two_persons_a_group()
        => Assert.Null(WelchInterval.Compute(new GroupOutcome(1, 0, 5), new GroupOutcome(10, 0, 1, 1), 0.95));

    [Fact]
    public void Constant_revenues_give_the_exact_difference()
    {
        var result = WelchInterval.Compute(new GroupOutcome(10, 0, 5), new GroupOutcome(20, 0, 3), 0.95);
        Assert.Equal(new ConfidenceInterval(2, 2), result!.Value.Interval);
    }

    [Theory]
    [InlineData(9000, 540, 1000, 50, 0.022004089366684323)]
    [InlineData(90000, 5400, 10000, 500, 0.006958304023661441)]
    public void The_minimum_detectable_effect_matches_the_formula(long n1, long x1, long n2, long x2, double expected)
        => Assert.Equal(expected, MinimumDetectableEffect.Compute(new GroupOutcome(n1, x1), new GroupOutcome(n2, x2), 0.05, 0.8), 1e-12);
}
